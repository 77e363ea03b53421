/**
 * A real n8n loads and decrypts a credential from its database on every read: the nodes read it
 * once per run (as n8n's declarative nodes do) and hand it to n8n's request helper, whatever the
 * number of items and requests. A token fetched meanwhile (Gigrove's key and secret) is used by the
 * requests after it, and never shown.
 */
import nock from 'nock';

import { HOST, TOKEN_PATH, bearerCredentials, keyCredentials, product } from '../gigrove/fixtures';
import { runNode } from '../kit/engine';
import {
	ACCESS_KEY,
	HOST as VALIGARA,
	PATH,
	credentials as valigaraCredentials,
} from '../valigara/fixtures';

describe('the credential is read once per run', () => {
	it('Gigrove › Product › Get, 12 items (several at once): one read, 12 requests with the token', async () => {
		const scope = nock(HOST)
			.get(/\/api\/request\/v1\/products\/\d+\//)
			.times(12)
			.reply(function (uri) {
				return this.req.headers.authorization ===
					`Bearer ${bearerCredentials.gigroveApi.accessToken}`
					? [200, product(Number(uri.split('/').at(-2)))]
					: [401, {}];
			});
		const run = await runNode(
			{
				type: 'gigrove',
				credentials: bearerCredentials,
				parameters: { resource: 'product', operation: 'get', productId: '={{ $json.id }}' },
			},
			Array.from({ length: 12 }, (_, id) => ({ id: id + 1 })),
		);
		expect(run.error).toBeUndefined();
		scope.done();
		expect(run.items).toHaveLength(12);
		expect(run.credentialsHelper.reads).toEqual({ gigroveApi: 1 });
	});

	it('Valigara › Product › List Fields, 8 items: one read, the key on every request', async () => {
		const keys: string[] = [];
		nock(VALIGARA)
			.post(PATH)
			.query(true)
			.times(8)
			.reply((uri) => {
				keys.push(new URL(uri, VALIGARA).searchParams.get('auth') ?? '');
				return [200, { status: 100, data: ['title', 'price'] }];
			});
		const run = await runNode(
			{
				type: 'valigara',
				credentials: valigaraCredentials,
				parameters: { resource: 'product', operation: 'listFields' },
			},
			Array.from({ length: 8 }, () => ({})),
		);
		expect(run.error).toBeUndefined();
		expect(keys).toEqual(Array.from({ length: 8 }, () => ACCESS_KEY));
		expect(run.credentialsHelper.reads).toEqual({ valigaraApi: 1 });
	});

	it('Gigrove with key and secret: the token fetched by the first request serves the others; after a 401, the new one does', async () => {
		let issued = 0;
		nock(HOST)
			.post(TOKEN_PATH)
			.times(2)
			.reply(() => [
				200,
				{ access_token: `session-${++issued}`, token_type: 'Bearer', expires_in: 3600 },
			]);
		const seen: string[] = [];
		nock(HOST)
			.get(/\/api\/request\/v1\/products\/\d+\//)
			.times(20)
			.reply(function (uri) {
				const authorization = String(this.req.headers.authorization);
				seen.push(authorization);
				// the store expires the first token after 4 requests
				if (authorization === 'Bearer session-1' && seen.length > 4)
					return [401, { code: 'jwt_auth_invalid_token', message: 'Expired token' }];
				return [200, product(Number(uri.split('/').at(-2)))];
			});
		const run = await runNode(
			{
				type: 'gigrove',
				credentials: keyCredentials,
				parameters: { resource: 'product', operation: 'get', productId: '={{ $json.id }}' },
			},
			Array.from({ length: 8 }, (_, id) => ({ id: id + 1 })),
		);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(8);
		expect(issued).toBe(2);
		expect(seen.slice(0, 4)).toEqual(Array.from({ length: 4 }, () => 'Bearer session-1'));
		// once refreshed, every request goes with the new token (those refused are sent again with it)
		const refreshedFrom = seen.indexOf('Bearer session-2');
		expect(
			seen.slice(refreshedFrom).every((authorization) => authorization === 'Bearer session-2'),
		).toBe(true);
		expect(run.credentialsHelper.reads).toEqual({ gigroveApi: 1 });
		expect(JSON.stringify(run.items)).not.toMatch(/session-\d|gs_live|gk_live/);
	});
});
