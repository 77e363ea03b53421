/**
 * Secrets, every error path of every node: the credential's values never show in an output item,
 * an error item, an error's message, description, stack or response, nor anywhere in the
 * execution data n8n saves — even when the service echoes them back.
 *
 * Each credential type: Valigara's access key (query `auth`), Vanilla eShop's header and query
 * values (names chosen by the merchant), Gigrove's bearer token, and its API key, API secret and
 * the session tokens fetched with them, Guaranteed Reviews' private key (query on GET, JSON body on
 * POST). The values hold characters that URL and JSON encodings change (`/`, `+`, `=`, a space).
 *
 * The worst-case service echoes, on every failure: each secret as it is, the request line, body
 * and headers exactly as it received them (so in the encoding the client used), and the secrets as
 * PHP's json_encode writes them (`\/`), in the message, nested fields, keys, an HTML page and the
 * response headers. The error paths: an HTTP error with a JSON body, an HTML error page, a
 * network error whose text holds the request, the service's own error inside a 200, a truncated
 * reply, a rate-limit storm, an error carried only in headers; for Gigrove's key and secret, a
 * refused token exchange and a token refused again after one refresh.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeRun } from '../kit/engine';
import { gigrove, guaranteedReviews, valigara, vanillaEshop } from './operations';
import type { NodeSpec } from './operations';

interface Variant {
	title: string;
	node: NodeSpec;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** every secret value the run may hold (fetched tokens included): none may show */
	secrets: string[];
	/** the secrets the service holds itself and echoes (a token it handed out shows in the request) */
	echoed?: string[];
	operations: Array<{ title: string; parameters: INodeParameters; items?: number }>;
	/** token exchange (Gigrove key and secret): the tokens it hands out, in turn */
	tokens?: string[];
}

const GIGROVE_TOKEN_URL = 'https://gigrove.com/api/wp/v2/token';

const VARIANTS: Variant[] = [
	{
		title: 'Valigara access key',
		node: valigara,
		credentials: {
			valigaraApi: {
				apiKey: 'vk7Q2m9X/rT4+pL8sZ3nB6==',
				baseUrl: 'https://api.valigara.com/client/V1/',
			},
		},
		secrets: ['vk7Q2m9X/rT4+pL8sZ3nB6=='],
		operations: [
			{
				title: 'Product › Export',
				parameters: { resource: 'product', operation: 'export', productId: '501' },
			},
			{
				title: 'Order › Export Orders',
				parameters: { resource: 'order', operation: 'exportOrders' },
			},
		],
	},
	{
		title: 'Vanilla eShop header and query values',
		node: vanillaEshop,
		credentials: {
			vanillaEshopApi: {
				baseUrl: 'http://api.vanillaeshop.com',
				headerName: 'Authorization',
				headerSecret: 'Bearer hdr+0f3a/9c1e=5b7d2468',
				queryName: 'shop_token',
				querySecret: 'qry+ace0/f3a9=c1e5b7d2',
			},
		},
		secrets: ['Bearer hdr+0f3a/9c1e=5b7d2468', 'qry+ace0/f3a9=c1e5b7d2'],
		operations: [
			{
				title: 'Order › Get',
				parameters: { resource: 'order', operation: 'get', orderId: '500123' },
			},
			{
				title: 'Customer › Create',
				parameters: {
					resource: 'customer',
					operation: 'create',
					firstname: 'Ada',
					email: 'ada@example.com',
					telephone: '0500000001',
					password: 'pw-1234',
				},
			},
			{
				title: 'Price › Add Many (bulk)',
				parameters: {
					resource: 'price',
					operation: 'addMany',
					entity_id: '77',
					price: 10,
					date_start: '2026-12-01',
					date_end: '2026-12-31',
				},
				items: 2,
			},
		],
	},
	{
		title: 'Gigrove bearer token',
		node: gigrove,
		credentials: {
			gigroveApi: {
				...gigrove.credentials.gigroveApi,
				accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln+bmF0/dXJl',
			},
		},
		secrets: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln+bmF0/dXJl'],
		operations: [
			{
				title: 'Product › Get',
				parameters: { resource: 'product', operation: 'get', productId: '901' },
			},
			{
				title: 'Order › Update Status',
				parameters: {
					resource: 'order',
					operation: 'updateStatus',
					orderId: '5694447',
					status: 'completed',
				},
			},
		],
	},
	{
		title: 'Gigrove API key and secret, and the session tokens fetched with them',
		node: gigrove,
		credentials: {
			gigroveApi: {
				...gigrove.credentials.gigroveApi,
				authentication: 'apiKey',
				accessToken: '',
				apiKey: 'gk_live_0f3a/9c1e+5b7d2468',
				apiSecret: 'gs live b7d2/468ace0+f3a9=',
				tokenUrl: GIGROVE_TOKEN_URL,
			},
		},
		secrets: [
			'gk_live_0f3a/9c1e+5b7d2468',
			'gs live b7d2/468ace0+f3a9=',
			'sess-7f3a/9c1e+5b7d',
			'sess-refreshed-0f3a/9c1e',
		],
		echoed: ['gk_live_0f3a/9c1e+5b7d2468', 'gs live b7d2/468ace0+f3a9='],
		tokens: ['sess-7f3a/9c1e+5b7d', 'sess-refreshed-0f3a/9c1e'],
		operations: [
			{
				title: 'Product › Get',
				parameters: { resource: 'product', operation: 'get', productId: '901' },
			},
		],
	},
	{
		title: 'Guaranteed Reviews private key',
		node: guaranteedReviews,
		credentials: {
			guaranteedReviewsApi: {
				...guaranteedReviews.credentials.guaranteedReviewsApi,
				apiKey: '12345/en/0f3a9c1e+5b7d2468=ace0',
			},
		},
		secrets: ['12345/en/0f3a9c1e+5b7d2468=ace0'],
		operations: [
			{
				title: 'Review › Get Stats (key in the query)',
				parameters: { resource: 'review', operation: 'getStats', scope: 'site' },
			},
			{
				title: 'Order › Send (key in the body, bulk)',
				parameters: {
					resource: 'order',
					operation: 'send',
					inputMode: 'fields',
					orderId: 'A-1',
					orderDate: '2026-11-20 10:15:00',
					firstName: 'Ada',
					lastName: 'L',
					email: 'ada@example.com',
					productsSource: 'none',
				},
				items: 2,
			},
		],
	},
	{
		title: 'Guaranteed Reviews private key, public key looked up with it',
		node: guaranteedReviews,
		credentials: {
			guaranteedReviewsApi: {
				...guaranteedReviews.credentials.guaranteedReviewsApi,
				apiKey: '12345/en/0f3a9c1e+5b7d2468=ace0',
				publicKey: '',
			},
		},
		secrets: ['12345/en/0f3a9c1e+5b7d2468=ace0'],
		operations: [
			{
				title: 'Review › Get Many (public reviews)',
				parameters: { resource: 'review', operation: 'getMany', scope: 'site', limit: 5 },
			},
		],
	},
];

type Path =
	| 'jsonError'
	| 'htmlPage'
	| 'network'
	| 'errorIn200'
	| 'truncated'
	| 'rateLimitStorm'
	| 'headersOnly';

const PATHS: Path[] = [
	'jsonError',
	'htmlPage',
	'network',
	'errorIn200',
	'truncated',
	'rateLimitStorm',
	'headersOnly',
];

/** PHP's json_encode writes `/` as `\/`. */
const phpJson = (text: string) => text.replace(/\//g, '\\/');

/** Every form a secret may take in what a user sees: as it is, URL-encoded (both ways), PHP-escaped. */
function formsOf(secret: string): string[] {
	return [
		...new Set([
			secret,
			encodeURIComponent(secret),
			new URLSearchParams({ s: secret }).toString().slice(2),
			phpJson(secret),
		]),
	];
}

interface Seen {
	method: string;
	uri: string;
	body: string;
	headers: IDataObject;
}

/**
 * What the service echoes: each secret, and the request exactly as received (request line, body,
 * headers). With `php`, the secrets also as JSON inside text (`\/`), as a PHP service writes JSON
 * into an HTML page or into a message that is itself JSON.
 */
function echo(secrets: string[], request: Seen, php = false): string {
	return [
		...secrets,
		...(php ? secrets.map(phpJson) : []),
		`${request.method} ${request.uri}`,
		request.body,
		JSON.stringify(request.headers),
	].join(' | ');
}

function serviceBody(
	node: NodeSpec,
	path: Path,
	text: string,
): { status: number; body: string; headers: Record<string, string> } {
	const json = {
		'Content-Type': 'application/json',
		'X-Request-Echo': encodeURIComponent(text).slice(0, 4000),
	};
	const detail = { request: text, [text.slice(0, 200)]: 'key echoed as a key', list: [text] };
	switch (path) {
		case 'jsonError':
			if (node === valigara)
				return {
					status: 200,
					body: JSON.stringify({
						status: 102,
						data: { message: `Key refused: ${text}`, ...detail },
					}),
					headers: json,
				};
			if (node === vanillaEshop)
				return {
					status: 422,
					body: JSON.stringify({
						message: `Invalid: ${text}`,
						errors: { token: [text] },
						...detail,
					}),
					headers: json,
				};
			if (node === gigrove)
				return {
					status: 401,
					body: JSON.stringify({
						code: 'rest_forbidden',
						message: `Bad token ${text}`,
						data: { status: 401, ...detail },
					}),
					headers: json,
				};
			return {
				status: 400,
				body: JSON.stringify({ message: `Bad request for ${text}`, ...detail }),
				headers: json,
			};
		case 'htmlPage':
			return {
				status: 502,
				body: `<html><body><h1>502 Bad Gateway</h1><pre>${text}</pre></body></html>`,
				headers: { ...json, 'Content-Type': 'text/html' },
			};
		case 'errorIn200':
			if (node === valigara)
				return { status: 200, body: JSON.stringify({ status: 201, data: text }), headers: json };
			if (node === vanillaEshop)
				return {
					status: 200,
					body: JSON.stringify({
						status: 400,
						success: false,
						message: text,
						data: { token: [text] },
					}),
					headers: json,
				};
			if (node === gigrove)
				return {
					status: 200,
					body: JSON.stringify({ status: false, message: text }),
					headers: json,
				};
			return {
				status: 200,
				body: JSON.stringify({
					success: 0,
					data: 403,
					message: text,
					orders_count: 1,
					orders_imported: 0,
				}),
				headers: json,
			};
		case 'truncated':
			return {
				status: 200,
				body: `{"message": ${JSON.stringify(text)}, "data": [1, 2`,
				headers: json,
			};
		case 'rateLimitStorm':
			return {
				status: 429,
				body: JSON.stringify({ message: `Slow down, ${text}` }),
				headers: { ...json, 'Retry-After': '0', 'X-Echo': encodeURIComponent(text).slice(0, 2000) },
			};
		case 'headersOnly':
			return {
				status: 500,
				body: JSON.stringify({ message: 'Server error' }),
				headers: {
					...json,
					'WWW-Authenticate': `Bearer error="${encodeURIComponent(text).slice(0, 2000)}"`,
					'X-Debug-Uid': encodeURIComponent(text).slice(0, 2000),
				},
			};
		case 'network':
			throw new Error('network is thrown by the stand-in itself');
	}
}

/** The stand-in service: every request fails along `path`, echoing what it got. */
function failingService(variant: Variant, path: Path, php = false): void {
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		nock(variant.node.origin)
			.persist()
			.intercept((uri) => !uri.startsWith('/api/wp/v2/token'), method)
			.query(true)
			.reply(async function (uri, body) {
				const seen: Seen = {
					method,
					uri,
					body: typeof body === 'string' ? body : JSON.stringify(body ?? ''),
					headers: this.req.headers as IDataObject,
				};
				const text = echo(variant.echoed ?? variant.secrets, seen, php);
				if (path === 'network') {
					// no error code: n8n keeps the text as it is (a known code would replace it with a stock message)
					throw new Error(
						`TLS session ended while sending ${method} ${variant.node.origin}${uri} ${seen.body} with ${text}`,
					);
				}
				const reply = serviceBody(variant.node, path, text);
				return [reply.status, reply.body, reply.headers];
			});
	}
}

/** Gigrove's token endpoint: hands out the variant's tokens in turn. */
function tokenEndpoint(tokens: string[]): void {
	const queue = [...tokens];
	nock('https://gigrove.com')
		.persist()
		.post('/api/wp/v2/token')
		.reply(() => [
			200,
			JSON.stringify({ access_token: queue.shift() ?? 'sess-spare-token-0000' }),
			{ 'Content-Type': 'application/json' },
		]);
}

/**
 * Every text of a run a user, a log or n8n's saved execution could show: each string (and key)
 * of the items, the error items, the execution data, and each error's message, description,
 * stack, response and context, as they are (not JSON-escaped).
 */
function visible(run: NodeRun): string[] {
	const errors = [
		run.error,
		...run.items.map((item) => item.error),
		...run.errorItems.map((item) => item.error),
	].filter(Boolean) as Array<
		Error & { description?: string; errorResponse?: unknown; context?: unknown; cause?: unknown }
	>;
	const texts: string[] = [];
	const gather = (value: unknown) =>
		JSON.stringify(value, (key, entry: unknown) => {
			texts.push(key);
			if (typeof entry === 'string') texts.push(entry);
			return entry;
		});
	gather([run.items, run.errorItems, run.run]);
	for (const error of errors)
		gather([
			error.message,
			error.description,
			error.stack,
			error.errorResponse,
			error.context,
			error.cause,
			error,
		]);
	return texts;
}

function leaks(variant: Variant, run: NodeRun): string[] {
	const shown = visible(run);
	return variant.secrets.flatMap((secret) =>
		formsOf(secret)
			.filter((form) => shown.some((text) => text.includes(form)))
			.map((form) => `${secret} as ${form}`),
	);
}

const rows = VARIANTS.flatMap((variant) =>
	variant.operations.map(
		(operation) => [`${variant.title} › ${operation.title}`, variant, operation] as const,
	),
);

describe.each(rows)('%s', (_title, variant, operation) => {
	describe.each(PATHS)('%s', (path) => {
		it.each(['stop', 'errorOutput'] as const)('shows no secret (on error: %s)', async (onError) => {
			if (variant.tokens) tokenEndpoint(variant.tokens);
			failingService(variant, path);

			const items = onError === 'stop' ? 1 : (operation.items ?? 2);
			const run = await runNode(
				{
					type: variant.node.name,
					credentials: variant.credentials,
					parameters: operation.parameters,
					onError: onError === 'stop' ? undefined : onError,
				},
				Array.from({ length: items }, () => ({})),
			);

			// the path was taken: the run failed, every item on the error output
			if (onError === 'stop') expect(run.error?.name).toBe('NodeApiError');
			else expect(run.errorItems.length).toBeGreaterThan(0);
			expect(leaks(variant, run)).toEqual([]);
		});
	});
});

describe('Gigrove API key and secret › the token exchange', () => {
	const variant = VARIANTS.find((v) => v.tokens)!;
	const getProduct = variant.operations[0].parameters;

	it('a refused exchange that echoes the form it got shows neither key nor secret', async () => {
		nock('https://gigrove.com')
			.post('/api/wp/v2/token')
			.reply(function (_uri, body) {
				const form = String(body);
				const text = echo(variant.echoed!, {
					method: 'POST',
					uri: '/api/wp/v2/token',
					body: form,
					headers: this.req.headers as IDataObject,
				});
				return [
					401,
					JSON.stringify({ message: `Unknown key in ${form}: ${text}` }),
					{ 'Content-Type': 'application/json' },
				];
			});

		const run = await runNode(
			{ type: 'gigrove', credentials: variant.credentials, parameters: getProduct },
			[{}],
		);

		expect(run.error?.message).toMatch(
			/^Gigrove did not issue a token for the API key and secret \(HTTP 401\)/,
		);
		expect(leaks(variant, run)).toEqual([]);
	});

	it('a token refused again after one refresh shows neither the old nor the new token', async () => {
		tokenEndpoint(variant.tokens!);
		failingService(variant, 'jsonError');

		const run = await runNode(
			{
				type: 'gigrove',
				credentials: variant.credentials,
				parameters: getProduct,
				onError: 'errorOutput',
			},
			[{}, {}],
		);

		expect(run.errorItems).toHaveLength(2);
		expect(run.credentialsHelper.updates.gigroveApi).toBe(2); // fetched, then refreshed once
		expect(leaks(variant, run)).toEqual([]);
	});
});

describe('JSON-escaped secrets (PHP writes `/` as `\\/`)', () => {
	// Once a bug (nodes/shared/redact.ts, redactText): a secret was removed as written and
	// URL-encoded, but not as JSON text writes it. PHP's json_encode (Laravel for Vanilla eShop,
	// WordPress for Gigrove) escapes `/` as `\/`; when the JSON landed in an HTML error page or in a
	// message that is itself JSON, the node showed it as text and the secret stayed readable (a
	// Guaranteed Reviews private key always has a `/`: 12345/en/…). Its JSON forms are removed too now.
	it.each(VARIANTS.map((variant) => [variant.title, variant] as const))(
		'%s',
		async (_title, variant) => {
			if (variant.tokens) tokenEndpoint(variant.tokens);
			failingService(variant, 'htmlPage', true);

			const run = await runNode(
				{
					type: variant.node.name,
					credentials: variant.credentials,
					parameters: variant.operations[0].parameters,
				},
				[{}],
			);

			expect(run.error?.name).toBe('NodeApiError');
			expect(leaks(variant, run)).toEqual([]);
		},
	);
});
