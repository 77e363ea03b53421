import nock from 'nock';

import { runNode } from '../kit/engine';
import { API_KEY, BASE, PUBLIC_KEY, credentials, order, orderFields } from './fixtures';

const statsParameters = {
	resource: 'review',
	operation: 'getStats',
	scope: 'site',
	includePublicKey: false,
};

/** Everything a user or a log could see of a run: output items and the serialized error. */
function visible(run: { items: unknown; errorItems: unknown; error?: unknown }): string {
	return JSON.stringify([run.items, run.errorItems, run.error]);
}

describe('Guaranteed Reviews › errors', () => {
	it('an HTTP error with a JSON message gives that message, the status and the item', async () => {
		nock(BASE).get('/private/v3/stats').query(true).reply(401, { message: 'Invalid API key' });
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Invalid API key',
			httpCode: '401',
			context: { itemIndex: 0 },
		});
	});

	it('a 502 HTML page becomes a short, readable error', async () => {
		nock(BASE)
			.get('/private/v3/stats')
			.query(true)
			.reply(502, '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>');
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Guaranteed Reviews answered HTTP 502',
			description: '502 Bad Gateway nginx',
		});
	});

	it('a truncated JSON reply is an error, not an empty success', async () => {
		nock(BASE)
			.get('/private/v3/stats')
			.query(true)
			.reply(200, '{"public_key": "abc', { 'Content-Type': 'application/json' });
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		expect(error).toMatchObject({
			message: 'Guaranteed Reviews sent a reply that is not valid JSON',
		});
	});

	it('an empty reply is an error', async () => {
		nock(BASE).get('/private/v3/stats').query(true).reply(200, '');
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		expect(error?.message).toBe('Guaranteed Reviews sent an empty reply where data was expected');
	});

	it('the public API’s in-body error ({data: 403, message}) is an error', async () => {
		nock(BASE)
			.get(`/public/v3/reviews/${PUBLIC_KEY}/site`)
			.reply(200, { data: 403, message: 'Unknown public key' });
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: { resource: 'review', operation: 'getMany', scope: 'site', returnAll: true },
		});
		expect(error).toMatchObject({ name: 'NodeApiError', message: 'Unknown public key' });
	});

	it('a refused connection says the service could not be reached', async () => {
		nock.enableNetConnect('127.0.0.1:1'); // a real refused connection, not nock's refusal
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials: {
				guaranteedReviewsApi: {
					...credentials.guaranteedReviewsApi,
					baseUrl: 'http://127.0.0.1:1',
				},
			},
			parameters: statsParameters,
		});
		expect(error?.name).toBe('NodeApiError');
		nock.disableNetConnect();
		expect(error?.message).toBe('Could not reach Guaranteed Reviews');
		expect(error?.description).toContain('(ECONNREFUSED)');
		expect(error?.description).not.toContain(API_KEY);
	});

	it('retries a 429 after the time Retry-After asks for, then succeeds', async () => {
		const scope = nock(BASE)
			.get('/private/v3/stats')
			.query(true)
			.reply(429, { message: 'Too many requests' }, { 'Retry-After': '0' })
			.get('/private/v3/stats')
			.query(true)
			.reply(429, { message: 'Too many requests' }, { 'Retry-After': '0' })
			.get('/private/v3/stats')
			.query(true)
			.reply(200, { total: 1 });
		const { items, error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items[0].json).toEqual({ total: 1 });
	});

	it('gives up on a 429 storm after the bounded number of attempts, saying so', async () => {
		const scope = nock(BASE)
			.get('/private/v3/stats')
			.query(true)
			.times(5)
			.reply(429, { message: 'Too many requests' }, { 'Retry-After': '0' });
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		scope.done();
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Too many requests',
			httpCode: '429',
		});
		expect(error?.description).toContain('Still rate limited after 5 attempt(s)');
	});

	it('does not wait longer than the retry budget when the service asks for too long', async () => {
		const scope = nock(BASE)
			.get('/private/v3/stats')
			.query(true)
			.reply(429, {}, { 'Retry-After': '3600' });
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		scope.done();
		expect(error?.message).toBe('Guaranteed Reviews answered HTTP 429');
		expect(error?.description).toContain('It asks to wait 3600 s');
	});

	it('never shows the private key: not in messages, descriptions, error bodies or error items', async () => {
		// A service that echoes the request (key included) in its error reply, the worst case.
		nock(BASE)
			.get('/private/v3/stats')
			.query(true)
			.reply(400, {
				message: `Bad request for api_key=${API_KEY}`,
				request: {
					url: `/private/v3/stats?api_key=${encodeURIComponent(API_KEY)}`,
					api_key: API_KEY,
				},
			});
		const stopped = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: statsParameters,
		});
		expect(stopped.error?.message).toBe('Bad request for api_key=***');
		expect(visible(stopped)).not.toContain(API_KEY);
		expect(visible(stopped)).not.toContain(encodeURIComponent(API_KEY));

		nock(BASE)
			.post('/private/v3/orders')
			.reply(500, { message: `key ${API_KEY} rejected` });
		const continued = await runNode(
			{ type: 'guaranteedReviews', credentials, onError: 'continue', parameters: orderFields },
			[order(1)],
		);
		expect(continued.items[0].json.error).toBe('key *** rejected');
		expect(visible(continued)).not.toContain(API_KEY);
	});
});
