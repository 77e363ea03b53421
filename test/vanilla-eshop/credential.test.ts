import nock from 'nock';

import { credentialTypes } from '../kit/engine';
import { BASE, HEADER_NAME, ok, run } from './fixtures';

const getOrder = { resource: 'order', operation: 'get', orderId: '500123' };

describe('Vanilla eShop credential', () => {
	it('sends no header and no query parameter when none is configured', async () => {
		const scope = nock(BASE, { badheaders: [HEADER_NAME] })
			.get('/v1/in/order/500123')
			.query({})
			.reply(200, ok({ order_id: 500123 }));

		const { error } = await run(getOrder, [{}], {
			credentials: { vanillaEshopApi: { baseUrl: BASE, headerName: '', headerSecret: '', queryName: '', querySecret: '' } },
		});

		expect(error).toBeUndefined();
		scope.done();
	});

	it('sends only the header when only the header is configured', async () => {
		const scope = nock(BASE)
			.matchHeader('Authorization', 'Bearer t0ken-123')
			.get('/v1/in/order/500123')
			.query({})
			.reply(200, ok({ order_id: 500123 }));

		const { error } = await run(getOrder, [{}], {
			credentials: {
				vanillaEshopApi: { baseUrl: BASE, headerName: 'Authorization', headerSecret: 'Bearer t0ken-123', queryName: '' },
			},
		});

		expect(error).toBeUndefined();
		scope.done();
	});

	it('sends only the query parameter when only it is configured, below a base URL with a path', async () => {
		const scope = nock('https://shop.example.com', { badheaders: [HEADER_NAME] })
			.get('/api/v1/in/order/500123')
			.query({ key: 'k-98765' })
			.reply(200, ok({ order_id: 500123 }));

		const { error } = await run(getOrder, [{}], {
			credentials: {
				vanillaEshopApi: { baseUrl: 'https://shop.example.com/api/', headerName: '', queryName: 'key', querySecret: 'k-98765' },
			},
		});

		expect(error).toBeUndefined();
		scope.done();
	});

	it('tests the connection by reading the order named in the credential, explaining 404, 401 and 403', () => {
		const { test, properties } = credentialTypes.vanillaEshopApi;
		if (!test) throw new Error('The credential has no test request');
		expect(properties.find((property) => property.name === 'baseUrl')?.default).toBe('http://api.vanillaeshop.com');
		expect(test.request).toMatchObject({ baseURL: '={{$credentials.baseUrl}}', url: '=v1/in/order/{{$credentials.testOrderId}}' });
		expect(test.rules?.map((rule) => (rule.properties as { value: number }).value)).toEqual([404, 401, 403]);
	});
});
