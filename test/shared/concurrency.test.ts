/**
 * Items at once (nodes/shared/items.ts runPerItem, nodes/shared/router.ts, nodes/shared/limiter.ts)
 * and what the requests of one execution share (nodes/shared/request.ts: the rate-limit gate, the
 * token refresh), through the real engine with Gigrove: Product › Get only reads (`concurrent`),
 * Product › Delete writes.
 *
 * A read-only operation starts with one request and sends more at once while replies come back
 * clean and as fast as before, up to READ_CEILING; a rate limit halves it. The limiter's own rules
 * are in limiter.test.ts, with a fake clock.
 */
import nock from 'nock';
import { sleep } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import { READ_CEILING } from '../../nodes/shared/items';

/** The first token expires after this many requests (a few items into the run). */
const FIRST_REQUESTS = 5;
import {
	API_KEY,
	API_SECRET,
	HOST,
	TOKEN,
	TOKEN_PATH,
	keyCredentials,
	product,
	runGigrove,
} from '../gigrove/fixtures';

const getProduct = { resource: 'product', operation: 'get', productId: '={{ $json.id }}' };
const deleteProduct = { resource: 'product', operation: 'delete', productId: '={{ $json.id }}' };

/**
 * How long the service takes in the tests where the limit must grow: long enough that a loaded
 * machine's pauses (tens of ms, in CI or beside other jobs) do not read as the service slowing down.
 */
const STEADY_MS = 100;

const ids = (count: number) => Array.from({ length: count }, (_, id) => ({ id }));
const paired = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;

interface Seen {
	id: number;
	/** ms since the service was set up */
	at: number;
	/** requests in progress at the service when this one arrived, itself included */
	inFlight: number;
	authorization?: string;
	/** ms since the service was set up, when the reply went */
	answeredAt?: number;
}

interface Answer {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** how long the service takes to answer */
	delayMs?: number;
}

/**
 * Gigrove's products/<id>/ for `method`: `answer` decides each reply (by product ID and what was
 * seen before it); every request is recorded with the number of requests in progress.
 */
function products(method: 'GET' | 'DELETE', answer: (request: Seen, seen: Seen[]) => Answer) {
	const started = Date.now();
	const seen: Seen[] = [];
	let inFlight = 0;
	nock(HOST)
		.persist()
		.intercept(/\/products\/\d+\/?$/, method)
		.query(true)
		.reply(async function (uri) {
			const id = Number(/products\/(\d+)/.exec(uri)?.[1]);
			const authorization = this.req.headers.authorization;
			inFlight++;
			const request: Seen = {
				id,
				at: Date.now() - started,
				inFlight,
				authorization: Array.isArray(authorization) ? authorization[0] : authorization,
			};
			seen.push(request);
			const reply = answer(request, seen);
			if (reply.delayMs) await sleep(reply.delayMs);
			inFlight--;
			request.answeredAt = Date.now() - started;
			const body = reply.body ?? (method === 'GET' ? product(id) : { id, deleted: true });
			return [
				reply.status ?? 200,
				JSON.stringify(body),
				{ 'Content-Type': 'application/json', ...reply.headers },
			];
		});
	return {
		seen,
		maxInFlight: () => Math.max(...seen.map((request) => request.inFlight)),
		of: (id: number) => seen.filter((request) => request.id === id),
	};
}

const notFound = (id: number): Answer => ({
	status: 404,
	body: {
		code: 'woocommerce_rest_product_invalid_id',
		message: `Invalid ID ${id}.`,
		data: { status: 404 },
	},
});

describe('items at once › a read-only operation (Gigrove Product › Get)', () => {
	it('starts with one request, sends more at once while replies are clean and steady, never above the ceiling; output in item order, paired', async () => {
		const api = products('GET', () => ({ delayMs: STEADY_MS }));

		const { items, error } = await runGigrove(getProduct, ids(60));

		expect(error).toBeUndefined();
		expect(api.seen).toHaveLength(60);
		expect(api.seen[0].inFlight).toBe(1);
		// slow start: the second round trip has two requests out
		expect(api.seen[1].inFlight).toBe(1);
		expect(api.maxInFlight()).toBeGreaterThan(5);
		expect(api.maxInFlight()).toBeLessThanOrEqual(READ_CEILING);
		expect(items.map((item) => [paired(item), item.json.id])).toEqual(
			ids(60).map(({ id }) => [id, id]),
		);
		expect(items[7]).toEqual({ json: product(7), pairedItem: { item: 7 } });
	});

	it('later items that answer sooner still come out in item order', async () => {
		products('GET', ({ id }) => ({ delayMs: 60 - 2 * id }));

		const { items, error } = await runGigrove(getProduct, ids(20));

		expect(error).toBeUndefined();
		expect(items.map((item) => [paired(item), item.json.id])).toEqual(
			ids(20).map(({ id }) => [id, id]),
		);
	});

	it('with continue on fail: one error item per failed input, paired, in item order', async () => {
		products('GET', ({ id }) =>
			id === 7 || id === 9 ? { ...notFound(id), delayMs: id === 7 ? 40 : 5 } : { delayMs: 20 },
		);

		const { items, error } = await runGigrove(getProduct, ids(14), { onError: 'continue' });

		expect(error).toBeUndefined();
		expect(items.map(paired)).toEqual(ids(14).map(({ id }) => id));
		expect(items[7]).toMatchObject({
			json: { error: 'Product 7 was not found: Invalid ID 7.' },
			pairedItem: { item: 7 },
		});
		expect(items[9]).toMatchObject({
			json: { error: 'Product 9 was not found: Invalid ID 9.' },
			pairedItem: { item: 9 },
		});
		expect(items.filter((item) => item.json.error !== undefined)).toHaveLength(2);
		expect(items[13]).toEqual({ json: product(13), pairedItem: { item: 13 } });
	});

	it('a wrong key costs one request, not one per item', async () => {
		const api = products('GET', () => ({
			status: 401,
			body: { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.' },
		}));

		const { error } = await runGigrove(getProduct, ids(30));

		expect(error).toMatchObject({ name: 'NodeApiError' });
		expect(api.seen).toHaveLength(1);
	});

	it('without continue on fail: the error is the lowest failed item’s, even when a later item failed first; no item starts after it', async () => {
		const api = products('GET', ({ id }) => {
			if (id === 10)
				return { status: 500, body: { code: 'internal', message: 'Item 10 broke' }, delayMs: 150 };
			if (id === 12) return { ...notFound(12), delayMs: 0 };
			return { delayMs: id < 10 ? 0 : 60 };
		});

		const { items, error } = await runGigrove(getProduct, ids(40));

		expect(items).toEqual([]);
		expect(error).toMatchObject({ name: 'NodeApiError', message: 'Item 10 broke' });
		expect(error?.context?.itemIndex).toBe(10);
		// item 12 failed while item 10 was under way: the run stopped starting items (the ones under
		// way finished), so the items asked for are the first ones, each once, far from all 40
		const asked = api.seen.map((request) => request.id).sort((a, b) => a - b);
		expect(asked).toEqual(Array.from({ length: asked.length }, (_, id) => id));
		expect(asked.length).toBeLessThan(25);
	});

	it('a rate limit holds back every other request until the one that met it is through, and halves how many go at once', async () => {
		// the tenth request is refused with Retry-After: 1
		const api = products('GET', (_request, seen) =>
			seen.length === 10
				? { status: 429, body: { message: 'Too Many Requests' }, headers: { 'Retry-After': '1' } }
				: { delayMs: STEADY_MS },
		);

		const { items, error } = await runGigrove(getProduct, ids(30));

		expect(error).toBeUndefined();
		expect(items.map((item) => [paired(item), item.json.id])).toEqual(
			ids(30).map(({ id }) => [id, id]),
		);
		expect(api.seen).toHaveLength(31);
		const limited = api.seen[9];
		const [, retry] = api.of(limited.id);
		expect(retry.at - limited.at).toBeGreaterThanOrEqual(950);
		// nothing new went out while the limit held (a request that passed the wait before the refusal
		// was read may still arrive: on a loaded machine reading it can take a while, hence 200 ms)
		const sentMeanwhile = api.seen.filter(
			(request) => request.at > limited.answeredAt! + 200 && request.at < retry.at,
		);
		expect(sentMeanwhile).toEqual([]);
		// right after the retry, fewer at once than before the limit
		const before = Math.max(...api.seen.slice(0, 10).map((request) => request.inFlight));
		const after = api.seen
			.filter((request) => request.at >= retry.at)
			.slice(0, 3)
			.map((request) => request.inFlight);
		expect(Math.max(...after)).toBeLessThan(before);
	});
});

describe('items at once › a write (Gigrove Product › Delete)', () => {
	it('runs one item at a time, in item order', async () => {
		const api = products('DELETE', () => ({ delayMs: 10 }));

		const { items, error } = await runGigrove(deleteProduct, ids(12));

		expect(error).toBeUndefined();
		expect(api.maxInFlight()).toBe(1);
		expect(api.seen.map((request) => request.id)).toEqual(ids(12).map(({ id }) => id));
		expect(items.map(paired)).toEqual(ids(12).map(({ id }) => id));
	});
});

describe('items at once › an expired token (Gigrove with API key and secret)', () => {
	/** The token endpoint: each exchange gets the next token; a further exchange finds no reply. */
	function tokenEndpoint(tokens: string[]) {
		const exchanges: Array<Record<string, string>> = [];
		let next = 0;
		nock(HOST)
			.post(TOKEN_PATH)
			.times(tokens.length)
			.reply((_uri, body) => {
				exchanges.push(Object.fromEntries(new URLSearchParams(String(body)).entries()));
				return [
					200,
					JSON.stringify({ access_token: tokens[next++] }),
					{ 'Content-Type': 'application/json' },
				];
			});
		return exchanges;
	}

	const refused = (): Answer => ({
		status: 401,
		body: { code: 'jwt_auth_invalid_token', message: 'Expired token', data: { status: 401 } },
		delayMs: 20,
	});

	it('several requests refused at once lead to one refresh, and each is sent again with the new token', async () => {
		const exchanges = tokenEndpoint(['token-1', 'token-2']);
		// token-1 expires after the first five requests, while items 5–9 are under way together
		const api = products('GET', ({ authorization }, seen) => {
			const withToken1 = seen.filter(
				(request) => request.authorization === 'Bearer token-1',
			).length;
			return authorization === 'Bearer token-1' && withToken1 > FIRST_REQUESTS
				? refused()
				: { delayMs: STEADY_MS };
		});

		const run = await runGigrove(getProduct, ids(12), { credentials: keyCredentials });

		expect(run.error).toBeUndefined();
		expect(exchanges).toEqual([
			{ api_key: API_KEY, api_secret: API_SECRET },
			{ api_key: API_KEY, api_secret: API_SECRET },
		]);
		expect(run.credentialsHelper.updates.gigroveApi).toBe(2);
		expect(run.items.map((item) => [paired(item), item.json.id])).toEqual(
			ids(12).map(({ id }) => [id, id]),
		);
		// token-1 was refused after its first five requests, while several were under way together
		const refusedAtOnce = api.seen
			.filter((request) => request.authorization === 'Bearer token-1')
			.slice(FIRST_REQUESTS);
		expect(refusedAtOnce.length).toBeGreaterThan(1);
		for (const { id } of refusedAtOnce) {
			expect(api.of(id).map((request) => request.authorization)).toEqual([
				'Bearer token-1',
				'Bearer token-2',
			]);
		}
	});

	it('when the new token is refused too: still one refresh, one error item per item, no loop', async () => {
		const exchanges = tokenEndpoint(['token-1', 'token-2']);
		const api = products('GET', (_request, seen) =>
			seen.length > FIRST_REQUESTS ? refused() : { delayMs: 20 },
		);

		const run = await runGigrove(getProduct, ids(10), {
			credentials: keyCredentials,
			onError: 'continue',
		});

		expect(run.error).toBeUndefined();
		expect(exchanges).toHaveLength(2);
		expect(run.items.map(paired)).toEqual(ids(10).map(({ id }) => id));
		expect(run.items.slice(0, FIRST_REQUESTS).every((item) => item.json.error === undefined)).toBe(
			true,
		);
		for (const item of run.items.slice(FIRST_REQUESTS))
			expect(item).toMatchObject({ json: { error: 'Expired token' } });
		// each refused item: its request, and at most one resend
		for (const id of [5, 6, 7, 8, 9]) expect(api.of(id).length).toBeLessThanOrEqual(2);
		expect(JSON.stringify(run.items)).not.toMatch(/token-[12]/);
	});

	it('a Bearer token (nothing to refresh): requests refused at once each fail once', async () => {
		const api = products('GET', (_request, seen) =>
			seen.length > FIRST_REQUESTS ? refused() : { delayMs: 20 },
		);

		const run = await runGigrove(getProduct, ids(10), { onError: 'continue' });

		expect(api.seen).toHaveLength(10);
		expect(run.items.filter((item) => item.json.error !== undefined)).toHaveLength(5);
		expect(api.seen.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
	});
});

describe('Options › Requests at Once', () => {
	it('caps a read: never more requests at once than asked', async () => {
		const api = products('GET', () => ({ delayMs: STEADY_MS }));

		const { items, error } = await runGigrove(
			{ ...getProduct, options: { requestsAtOnce: 3 } },
			ids(30),
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(30);
		expect(api.maxInFlight()).toBe(3);
	});

	it('lets writes go several at once when asked (they may then happen out of order)', async () => {
		const api = products('DELETE', () => ({ delayMs: 15 }));

		const { items, error } = await runGigrove(
			{ ...deleteProduct, options: { requestsAtOnce: 4 } },
			ids(20),
		);

		expect(error).toBeUndefined();
		expect(items.map(paired)).toEqual(ids(20).map(({ id }) => id));
		expect(api.maxInFlight()).toBeGreaterThan(1);
		expect(api.maxInFlight()).toBeLessThanOrEqual(4);
	});

	it('a write run that stops with several at once names exactly the items applied and those not sent', async () => {
		products('DELETE', ({ id }) =>
			id === 9
				? { status: 500, body: { code: 'internal', message: 'Item 9 broke' }, delayMs: 40 }
				: { delayMs: 10 },
		);

		const { error, items } = await runGigrove(
			{ ...deleteProduct, options: { requestsAtOnce: 4 } },
			ids(20),
		);

		expect(items).toEqual([]);
		expect(error).toMatchObject({ message: 'Item 9 broke' });
		const description = String(error?.description);
		const applied = /Items ([\d, to]+) were already applied/.exec(description)?.[1];
		const notSent = /Items ([\d, to]+) were not sent/.exec(description)?.[1];
		// items 10 and on were under way beside the slow item 9, and went through
		expect(applied).toMatch(/^0 to 8, 10(, 11| to 1\d)?$/);
		expect(notSent).toMatch(/^1\d to 19$/);
	});

	it.each([0, 1.5, 101, '={{ "many" }}'])(
		'a value that is not a whole number from 1 to 100 (%s) stops the run before any request, naming the field',
		async (value) => {
			const api = products('GET', () => ({}));

			const { error } = await runGigrove(
				{ ...getProduct, options: { requestsAtOnce: value } },
				ids(3),
			);

			expect(error?.message).toMatch(
				/^"Requests at Once" must be a whole number from 1 to 100, not .* \[item 0\]$/,
			);
			expect(api.seen).toEqual([]);
		},
	);
});
