import nock from 'nock';

import { credentialTypes } from '../kit/engine';
import {
	API,
	API_KEY,
	API_SECRET,
	HOST,
	TOKEN,
	TOKEN_PATH,
	keyCredentials,
	product,
	runGigrove,
	stub,
	visible,
} from './fixtures';

const getProduct = { resource: 'product', operation: 'get', productId: '={{ $json.id }}' };

/** The token endpoint: answers each exchange with the next reply, recording the form it got. */
function tokenEndpoint(replies: Array<{ status?: number; body: unknown }>, path = TOKEN_PATH) {
	const forms: Array<Record<string, string>> = [];
	const contentTypes: string[] = [];
	let next = 0;
	nock(HOST)
		.post(path)
		.times(replies.length)
		.reply(function (_uri, body) {
			contentTypes.push(String(this.req.headers['content-type']));
			forms.push(Object.fromEntries(new URLSearchParams(String(body)).entries()));
			const reply = replies[next++];
			return [
				reply.status ?? 200,
				JSON.stringify(reply.body),
				{ 'Content-Type': 'application/json' },
			];
		});
	return { forms, contentTypes };
}

describe('Gigrove › authentication', () => {
	it('a Bearer token is sent as issued, with no token exchange', async () => {
		const recorded = stub('GET', `${API}/products/7/`, [{ body: product(7) }]);
		const { items } = await runGigrove(getProduct, [{ id: 7 }]);
		expect(recorded.map(({ authorization }) => authorization)).toEqual([`Bearer ${TOKEN}`]);
		expect(items).toHaveLength(1);
	});

	it('an API key and secret are exchanged for a token (form fields api_key, api_secret), which is then used', async () => {
		const token = tokenEndpoint([
			{ body: { access_token: 'fetched-token-1', token_type: 'Bearer' } },
		]);
		const recorded = stub('GET', `${API}/products/7/`, [{ body: product(7) }]);

		const run = await runGigrove(getProduct, [{ id: 7 }], { credentials: keyCredentials });

		expect(run.error).toBeUndefined();
		expect(token.forms).toEqual([{ api_key: API_KEY, api_secret: API_SECRET }]);
		expect(token.contentTypes[0]).toContain('application/x-www-form-urlencoded');
		expect(recorded.map(({ authorization }) => authorization)).toEqual(['Bearer fetched-token-1']);
		expect(run.items).toEqual([{ json: product(7), pairedItem: { item: 0 } }]);
		// n8n saves the fetched token in the credential's hidden expirable field.
		expect(run.credentialsHelper.updates.gigroveApi).toBe(1);
		expect(visible(run)).not.toContain('fetched-token-1');
	});

	it('the token is fetched once and reused for every item', async () => {
		const token = tokenEndpoint([{ body: { access_token: 'fetched-token-1' } }]);
		const recorded = stub('GET', /\/products\/\d+\/$/, [
			{ body: product(1) },
			{ body: product(2) },
			{ body: product(3) },
		]);

		const { items, error } = await runGigrove(getProduct, [{ id: 1 }, { id: 2 }, { id: 3 }], {
			credentials: keyCredentials,
		});

		expect(error).toBeUndefined();
		expect(token.forms).toHaveLength(1);
		expect(recorded.map(({ path, authorization }) => [path, authorization])).toEqual([
			[`${API}/products/1/`, 'Bearer fetched-token-1'],
			[`${API}/products/2/`, 'Bearer fetched-token-1'],
			[`${API}/products/3/`, 'Bearer fetched-token-1'],
		]);
		expect(items).toHaveLength(3);
	});

	it('on a 401 n8n fetches a new token once and the request is sent again', async () => {
		const token = tokenEndpoint([
			{ body: { access_token: 'expired-token' } },
			{ body: { access_token: 'fresh-token' } },
		]);
		const requests = stub('GET', `${API}/products/7/`, [
			{
				status: 401,
				body: { code: 'jwt_auth_invalid_token', message: 'Expired token', data: { status: 401 } },
			},
			{ body: product(7) },
		]);

		const { items, error } = await runGigrove(getProduct, [{ id: 7 }], {
			credentials: keyCredentials,
		});

		expect(error).toBeUndefined();
		expect(token.forms).toHaveLength(2);
		expect(requests.map(({ authorization }) => authorization)).toEqual([
			'Bearer expired-token',
			'Bearer fresh-token',
		]);
		expect(items).toEqual([{ json: product(7), pairedItem: { item: 0 } }]);
	});

	it('the token is refreshed once per execution, not once per item', async () => {
		const token = tokenEndpoint([
			{ body: { access_token: 'token-1' } },
			{ body: { access_token: 'token-2' } },
		]);
		const refused = {
			status: 401,
			body: { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.' },
		};
		stub('GET', `${API}/products/1/`, [refused, { body: product(1) }]);
		const second = stub('GET', `${API}/products/2/`, [refused]);

		const { items } = await runGigrove(getProduct, [{ id: 1 }, { id: 2 }], {
			credentials: keyCredentials,
			onError: 'continue',
		});

		expect(token.forms).toHaveLength(2);
		expect(second.map(({ authorization }) => authorization)).toEqual(['Bearer token-2']);
		expect(items[0]).toEqual({ json: product(1), pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({
			json: { error: 'Sorry, you are not allowed to do that.' },
			pairedItem: { item: 1 },
		});
	});

	it('a 401 that persists after the one refresh is an error that says so, never a loop', async () => {
		const token = tokenEndpoint([
			{ body: { access_token: 'token-a' } },
			{ body: { access_token: 'token-b' } },
		]);
		const refused = {
			status: 401,
			body: {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
				data: { status: 401 },
			},
		};
		const requests = stub('GET', `${API}/products/7/`, [refused, refused]);

		const run = await runGigrove(getProduct, [{ id: 7 }], { credentials: keyCredentials });

		expect(token.forms).toHaveLength(2);
		expect(requests).toHaveLength(2);
		expect(run.error).toMatchObject({
			name: 'NodeApiError',
			message: 'Sorry, you are not allowed to do that.',
			httpCode: '401',
		});
		expect(run.error?.description).toContain('a new token was fetched once and still refused');
		expect(visible(run)).not.toMatch(/token-a|token-b/);
	});

	it('a key revoked since the last token: the refresh is refused and that is the error', async () => {
		const token = tokenEndpoint([
			{ body: { access_token: 'old-token' } },
			{ status: 403, body: { message: 'API key revoked' } },
		]);
		const requests = stub('GET', `${API}/products/7/`, [
			{ status: 401, body: { code: 'jwt_auth_invalid_token', message: 'Expired token' } },
		]);

		const run = await runGigrove(getProduct, [{ id: 7 }], { credentials: keyCredentials });

		expect(token.forms).toHaveLength(2);
		expect(requests).toHaveLength(1);
		expect(run.error?.message).toBe(
			'Gigrove did not issue a token for the API key and secret (HTTP 403): API key revoked',
		);
		expect(visible(run)).not.toMatch(new RegExp(`old-token|${API_KEY}|${API_SECRET}`));
	});

	it('with a Bearer token a 401 is reported at once: nothing to refresh', async () => {
		const requests = stub('GET', `${API}/products/7/`, [
			{
				status: 401,
				body: {
					code: 'rest_forbidden',
					message: 'Sorry, you are not allowed to do that.',
					data: { status: 401 },
				},
			},
		]);
		const run = await runGigrove(getProduct, [{ id: 7 }]);
		expect(requests).toHaveLength(1);
		expect(run.error).toMatchObject({
			message: 'Sorry, you are not allowed to do that.',
			httpCode: '401',
		});
		expect(run.error?.description).toContain('With a Bearer token: check it in the credential');
		expect(visible(run)).not.toContain(TOKEN);
	});

	it('a refused key and secret say so, and never show them', async () => {
		const token = tokenEndpoint([{ status: 401, body: { message: `Unknown API key ${API_KEY}` } }]);

		const run = await runGigrove(getProduct, [{ id: 7 }], { credentials: keyCredentials });

		expect(token.forms).toHaveLength(1);
		expect(run.error).toMatchObject({
			name: 'NodeApiError',
			context: { itemIndex: 0, serviceCode: 'token_exchange_failed' },
		});
		expect(run.error?.message).toBe(
			'Gigrove did not issue a token for the API key and secret (HTTP 401): Unknown API key ***',
		);
		expect(run.error?.description).toContain('Check the API key, the API secret and the Token URL');
		expect(visible(run)).not.toContain(API_KEY);
		expect(visible(run)).not.toContain(API_SECRET);
	});

	it('a token reply without access_token is an error, not a request without a token', async () => {
		tokenEndpoint([{ body: { error: 'maintenance' } }]);
		const run = await runGigrove(getProduct, [{ id: 7 }], { credentials: keyCredentials });
		expect(run.error?.message).toBe(
			'Gigrove did not issue a token for the API key and secret (HTTP 200): maintenance',
		);
	});

	it('the Token URL of the credential is the one used', async () => {
		const token = tokenEndpoint([{ body: { access_token: 'fetched-token-1' } }], '/custom/token');
		stub('GET', `${API}/products/7/`, [{ body: product(7) }]);
		const credentials = {
			gigroveApi: { ...keyCredentials.gigroveApi, tokenUrl: `${HOST}/custom/token` },
		};
		const { error } = await runGigrove(getProduct, [{ id: 7 }], { credentials });
		expect(error).toBeUndefined();
		expect(token.forms).toHaveLength(1);
	});

	it('a token the store echoes back in an error is removed from it', async () => {
		tokenEndpoint([
			{ body: { access_token: 'echoed-token-123' } },
			{ body: { access_token: 'echoed-token-456' } },
		]);
		stub('GET', `${API}/notifications/`, [
			{
				status: 401,
				body: { code: 'jwt_auth_invalid_token', message: 'Token echoed-token-123 expired' },
			},
			{
				status: 401,
				body: { code: 'jwt_auth_invalid_token', message: 'Token echoed-token-456 expired' },
			},
		]);
		stub('GET', `${API}/products/7/`, [
			{
				status: 401,
				body: { code: 'jwt_auth_invalid_token', message: 'Token echoed-token-123 expired' },
			},
			{
				status: 401,
				body: { code: 'jwt_auth_invalid_token', message: 'Token echoed-token-456 expired' },
			},
		]);
		const run = await runGigrove(getProduct, [{ id: 7 }], { credentials: keyCredentials });
		expect(run.error?.message).toBe('Token *** expired');
		expect(visible(run)).not.toMatch(/echoed-token-\d/);
		expect(JSON.stringify(run.error)).not.toMatch(/echoed-token-\d/);
	});

	it('a token fetched during the very call that fails is removed from its error too', async () => {
		tokenEndpoint([{ body: { access_token: 'just-fetched-token-789' } }]);
		stub('GET', `${API}/products/7/`, [
			{
				status: 400,
				body: {
					code: 'rest_invalid_header',
					message: 'Malformed bearer just-fetched-token-789',
					data: { status: 400 },
				},
			},
		]);
		const run = await runGigrove(getProduct, [{ id: 7 }], { credentials: keyCredentials });
		expect(run.error).toMatchObject({ message: 'Malformed bearer ***', httpCode: '400' });
		expect(JSON.stringify(run.error)).not.toContain('just-fetched-token-789');
		expect(visible(run)).not.toContain('just-fetched-token-789');
	});

	it('the credential offers a test request, its documentation and icons', () => {
		const type = credentialTypes.gigroveApi;
		expect(type.test?.request).toMatchObject({
			baseURL: '={{$credentials.baseUrl}}',
			url: 'notifications/',
			qs: { per_page: 1 },
		});
		expect(type.documentationUrl).toBe('https://gigrove.com/api-docs/');
		expect(type.icon).toEqual({
			light: 'file:../nodes/Gigrove/gigrove.svg',
			dark: 'file:../nodes/Gigrove/gigrove.dark.svg',
		});
		const defaults = Object.fromEntries(
			type.properties.map((property) => [property.name, property.default]),
		);
		expect(defaults).toMatchObject({
			baseUrl: 'https://gigrove.com/api/request/v1/',
			tokenUrl: 'https://gigrove.com/api/wp/v2/token',
		});
		expect(type.properties.find((property) => property.name === 'sessionToken')).toMatchObject({
			type: 'hidden',
			typeOptions: { expirable: true },
		});
		expect(JSON.stringify(type.properties)).toContain('delivery person');
	});
});
