import nock from 'nock';

import { testCredential } from '../kit/credential-test';
import { credentialTypes } from '../kit/engine';
import { BASE, HEADER_NAME, HEADER_VALUE, ok, run } from './fixtures';

const getOrder = { resource: 'order', operation: 'get', orderId: '500123' };

describe('Vanilla eShop credential', () => {
	it('sends no header and no query parameter when none is configured', async () => {
		const scope = nock(BASE, { badheaders: [HEADER_NAME] })
			.get('/v1/in/order/500123')
			.query({})
			.reply(200, ok({ order_id: 500123 }));

		const { error } = await run(getOrder, [{}], {
			credentials: {
				vanillaEshopApi: {
					baseUrl: BASE,
					headerName: '',
					headerSecret: '',
					queryName: '',
					querySecret: '',
				},
			},
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
				vanillaEshopApi: {
					baseUrl: BASE,
					headerName: 'Authorization',
					headerSecret: 'Bearer t0ken-123',
					queryName: '',
				},
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
				vanillaEshopApi: {
					baseUrl: 'https://shop.example.com/api/',
					headerName: '',
					queryName: 'key',
					querySecret: 'k-98765',
				},
			},
		});

		expect(error).toBeUndefined();
		scope.done();
	});
});

describe('Vanilla eShop credential › Test', () => {
	// A credential as a new user fills it in: the defaults of every field, and the shop's header.
	const defaults = Object.fromEntries(
		credentialTypes.vanillaEshopApi.properties.map((property) => [property.name, property.default]),
	);
	const withKey = (headerSecret: string) => ({
		...defaults,
		headerName: HEADER_NAME,
		headerSecret,
	});

	/**
	 * A shop that checks the key before it looks anything up (Laravel runs authentication before
	 * route-model binding): a wrong key gets `refusal`, any order the shop does not have gets 404.
	 * It answers every request (n8n sends a request refused with 401 once more).
	 */
	function shop(refusal: { status: number; body: unknown }, orders: Record<string, unknown> = {}) {
		return nock(BASE)
			.persist()
			.get(/^\/v1\/in\/order\/[^/]+$/)
			.reply(function (uri) {
				if (this.req.headers[HEADER_NAME.toLowerCase()] !== HEADER_VALUE)
					return [refusal.status, refusal.body];
				const id = uri.split('/').pop() ?? '';
				if (id in orders) return [200, ok(orders[id])];
				return [404, { message: `No query results for model [App\\Models\\Order] ${id}` }];
			});
	}
	const laravelRefusal = { status: 401, body: { message: 'Unauthenticated.' } };

	it('passes for the right key with nothing to set up: no existing order is needed', async () => {
		const scope = shop(laravelRefusal);

		expect(await testCredential('vanillaEshopApi', withKey(HEADER_VALUE))).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		scope.done();
	});

	it.each([
		['refused as Laravel does (401 "Unauthenticated.")', laravelRefusal],
		[
			'refused in the app’s own envelope ({status: 401, success: false})',
			{ status: 401, body: { status: 401, success: false, message: 'Invalid key' } },
		],
		[
			'forbidden in the app’s own envelope ({status: 403, success: false})',
			{ status: 403, body: { status: 403, success: false, message: 'Forbidden' } },
		],
		[
			'forbidden as Laravel does (403 "This action is unauthorized.")',
			{ status: 403, body: { message: 'This action is unauthorized.' } },
		],
	])('fails for a wrong key %s', async (_how, refusal) => {
		const scope = shop(refusal);

		expect(await testCredential('vanillaEshopApi', withKey('wrong-key'))).toEqual({
			status: 'Error',
			message:
				'The API refused the header or query parameter: check them, and that the Base URL is your shop’s API',
		});
		scope.done();
	});

	it('fails when the API fails (Laravel’s 500 "Server Error")', async () => {
		const scope = shop({ status: 500, body: { message: 'Server Error' } });

		expect(await testCredential('vanillaEshopApi', withKey('any-key'))).toEqual({
			status: 'Error',
			message: 'The API answered with a server error (HTTP 500): the key could not be checked',
		});
		scope.done();
	});
});
