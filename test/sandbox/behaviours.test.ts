/**
 * The sandbox's unfriendly behaviours (sandbox/behaviour.js), exercised over HTTP with plain fetch:
 * page caps, sort orders, bursts, records arriving and leaving while a client pages, latency,
 * throttling, and the three ways of setting them. Each test starts friendly (useSandbox).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import type { SandboxBehaviour } from './sandbox-kit';
import { KEYS, call, startSandbox, useSandbox } from './sandbox-kit';

const sandbox = useSandbox();
const CLI = path.join(__dirname, '..', '..', 'sandbox', 'cli.js');

type Row = Record<string, unknown>;

async function behave(patch: SandboxBehaviour): Promise<Row> {
	const answer = await call(`${sandbox.current.urls.control}behaviour`, 'POST', patch);
	expect(answer).toMatchObject({ status: 200 });
	return answer.json;
}

async function valigara(
	action: string,
	data?: unknown,
): Promise<{ http: number; status: number; data: unknown; headers: Headers }> {
	const query = new URLSearchParams({
		auth: KEYS.valigara.accessKey,
		action,
		...(data === undefined ? {} : { data: JSON.stringify(data) }),
	});
	const response = await fetch(`${sandbox.current.urls.valigara}?${query}`);
	const body = (await response.json()) as { status: number; data: unknown };
	return { http: response.status, status: body.status, data: body.data, headers: response.headers };
}

async function get(
	url: string,
	headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
	const response = await fetch(url, { headers });
	return { status: response.status, headers: response.headers, body: await response.json() };
}
const gigrove = (route: string, token: string = KEYS.gigrove.sellerToken) =>
	get(`${sandbox.current.urls.gigrove}${route}`, { Authorization: `Bearer ${token}` });
const privateReviews = (query: string) =>
	get(
		`${sandbox.current.urls.guaranteedReviews}/private/v3/reviews?api_key=${encodeURIComponent(KEYS.guaranteedReviews.privateKey)}&${query}`,
	);
const publicReviews = (scope = 'site') =>
	get(
		`${sandbox.current.urls.guaranteedReviews}/public/v3/reviews/${KEYS.guaranteedReviews.publicKey}/${scope}`,
	);

/** `node sandbox/cli.js …`: the one process these tests start, the sandbox's own command. */
function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
	const child = spawn(process.execPath, [CLI, ...args], { env });
	const output = { stdout: '', stderr: '' };
	child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
	const exited = new Promise<number | null>((resolve) =>
		child.once('close', (code) => resolve(code)),
	);
	return { child, output, exited };
}

const idsOf = (list: unknown, key: string): number[] =>
	(list as Row[]).map((row) => Number(row[key]));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('page caps', () => {
	it('Gigrove, clamp (default): per_page becomes min(asked, cap), offsets follow it, totals say so', async () => {
		const all = idsOf((await gigrove('products/?per_page=100')).body, 'id');
		expect(all).toHaveLength(12);
		const friendly = await gigrove('products/?per_page=10&page=1');
		expect(idsOf(friendly.body, 'id')).toEqual(all.slice(0, 10));

		await behave({ pageCap: 5 });
		const first = await gigrove('products/?per_page=10&page=1');
		const second = await gigrove('products/?per_page=10&page=2');
		const third = await gigrove('products/?per_page=10&page=3');
		expect(idsOf(first.body, 'id')).toEqual(all.slice(0, 5));
		expect(idsOf(second.body, 'id')).toEqual(all.slice(5, 10));
		expect(idsOf(third.body, 'id')).toEqual(all.slice(10, 12));
		expect([first.headers.get('x-wp-total'), first.headers.get('x-wp-totalpages')]).toEqual([
			'12',
			'3',
		]);
		expect(first.headers.get('link')).toMatch(/page=2>; rel="next"/);
		// every list, not only products
		expect((await gigrove('orders/?per_page=100')).body).toHaveLength(5);
		expect((await gigrove('notifications/?per_page=100')).body).toHaveLength(5);
		expect((await gigrove('bookings/?per_page=2')).body).toHaveLength(2);
	});

	it("Gigrove, truncate: pages of the asked size, each cut to the cap; the totals are the asked size's", async () => {
		const all = idsOf((await gigrove('products/?per_page=100')).body, 'id');
		await behave({ pageCap: 5, capMode: 'truncate' });
		const first = await gigrove('products/?per_page=10&page=1');
		const second = await gigrove('products/?per_page=10&page=2');
		expect(idsOf(first.body, 'id')).toEqual(all.slice(0, 5));
		// records 5–9 are on no page at all
		expect(idsOf(second.body, 'id')).toEqual(all.slice(10, 12));
		expect([first.headers.get('x-wp-total'), first.headers.get('x-wp-totalpages')]).toEqual([
			'12',
			'2',
		]);
	});

	it("noTotals drops Gigrove's X-WP-Total, X-WP-TotalPages and Link, and GR's pagination", async () => {
		const withTotals = await gigrove('products/?per_page=5');
		expect(withTotals.headers.get('x-wp-totalpages')).toBe('3');
		expect(((await privateReviews('limit=2')).body as Row).pagination).toBeDefined();

		await behave({ noTotals: true });
		const bare = await gigrove('products/?per_page=5');
		expect(bare.body).toHaveLength(5);
		expect([
			bare.headers.get('x-wp-total'),
			bare.headers.get('x-wp-totalpages'),
			bare.headers.get('link'),
		]).toEqual([null, null, null]);
		const reviews = (await privateReviews('limit=2')).body as Row;
		expect(Object.keys(reviews)).toEqual(['reviews']);
		expect(reviews.reviews).toHaveLength(2);
	});

	it('Guaranteed Reviews private reviews: limit/page honoured under the cap, clamped or truncated', async () => {
		const all = idsOf(
			((await privateReviews('review_type=both&limit=100')).body as Row).reviews,
			'id',
		);
		expect(all).toHaveLength(14);

		await behave({ pageCap: 3 });
		const clamped = (await privateReviews('review_type=both&limit=4&page=2')).body as Row;
		expect(idsOf(clamped.reviews, 'id')).toEqual(all.slice(3, 6));
		expect(clamped.pagination).toEqual({
			total_results: 14,
			total_pages: 5,
			current_page: 2,
			limit: 3,
		});

		await behave({ capMode: 'truncate' });
		const truncated = (await privateReviews('review_type=both&limit=4&page=2')).body as Row;
		expect(idsOf(truncated.reviews, 'id')).toEqual(all.slice(4, 7));
		expect(truncated.pagination).toEqual({
			total_results: 14,
			total_pages: 4,
			current_page: 2,
			limit: 4,
		});
	});

	it('Guaranteed Reviews public reviews (no paging documented): cut to the cap silently, the ratings still count all', async () => {
		const friendly = (await publicReviews()).body as Row;
		expect(friendly.reviews).toHaveLength(7);
		await behave({ pageCap: 2 });
		const capped = (await publicReviews()).body as Row;
		expect(capped.reviews).toEqual((friendly.reviews as Row[]).slice(0, 2));
		expect(capped.ratings).toEqual(friendly.ratings);
	});

	it('Valigara (no paging documented): every list cut to the cap, page/limit ignored and never read as filters, dates still filter', async () => {
		// friendly: page/limit are dropped too, the whole list comes back
		expect(
			idsOf((await valigara('orders_export', { page: 2, limit: 1 })).data, 'order_id'),
		).toEqual([9001, 9002, 9003, 9004]);

		await behave({ pageCap: 2 });
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([9001, 9002]);
		const paged = await valigara('orders_export', { page: 2, limit: 10 });
		expect({ status: paged.status, ids: idsOf(paged.data, 'order_id') }).toEqual({
			status: 100,
			ids: [9001, 9002],
		});
		const orders = (await valigara('orders_export')).data as Row[];
		const since = String(orders[1].order_date);
		expect(
			idsOf((await valigara('orders_export', { date_from: since, page: 1 })).data, 'order_id'),
		).toEqual([9002, 9003]);
		expect(idsOf((await valigara('clients_export', { limit: 50 })).data, 'client_id')).toEqual([
			301, 302,
		]);
		expect((await valigara('product_search', { page: 1 })).data).toEqual([1001, 1002]);
		expect((await valigara('gemstone_search')).data).toEqual([501, 502]);
		expect(
			idsOf(
				(await valigara('products_export', { product_id: [1003, 1002, 1001] })).data,
				'product_id',
			),
		).toEqual([1003, 1002]);
	});

	it('Valigara valigaraPaging honour: page and limit applied, limit clamped to the cap; bad values are 303', async () => {
		await behave({ valigaraPaging: 'honour' });
		expect(
			idsOf((await valigara('orders_export', { page: 2, limit: 3 })).data, 'order_id'),
		).toEqual([9004]);
		await behave({ pageCap: 2 });
		expect(
			idsOf((await valigara('orders_export', { page: 2, limit: 3 })).data, 'order_id'),
		).toEqual([9003, 9004]);
		expect(idsOf((await valigara('orders_export', { page: 2 })).data, 'order_id')).toEqual([
			9003, 9004,
		]);
		expect((await valigara('product_search', { page: 2, limit: 1 })).data).toEqual([1002]);
		expect(await valigara('orders_export', { page: 0 })).toMatchObject({
			http: 200,
			status: 303,
			data: 'page must be a whole number from 1',
		});
	});

	it('Valigara valigaraPaging reject: a paging key is 303 Invalid Data naming it', async () => {
		await behave({ valigaraPaging: 'reject', pageCap: 2 });
		expect(await valigara('orders_export', { limit: 10 })).toMatchObject({
			http: 200,
			status: 303,
			data: 'Unknown field "limit"',
		});
		expect(await valigara('product_search', { page: 1 })).toMatchObject({
			status: 303,
			data: 'Unknown field "page"',
		});
		expect((await valigara('orders_export')).status).toBe(100);
	});
});

describe('sort', () => {
	it("newestFirst and oldestFirst override each list's own order; without it, as before", async () => {
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([
			9001, 9002, 9003, 9004,
		]);
		const orders = idsOf((await gigrove('orders/')).body, 'id');
		expect(orders).toEqual([...orders].sort((a, b) => b - a));

		await behave({ sort: 'newestFirst' });
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([
			9004, 9003, 9002, 9001,
		]);
		expect(idsOf((await valigara('clients_export')).data, 'client_id')).toEqual([303, 302, 301]);
		// same dates: newer IDs first
		expect((await valigara('product_search')).data).toEqual([1003, 1002, 1001]);

		await behave({ sort: 'oldestFirst' });
		expect(idsOf((await gigrove('orders/?order=desc')).body, 'id')).toEqual([...orders].reverse());
		const notifications = idsOf((await gigrove('notifications/')).body, 'ID');
		expect(notifications).toEqual([...notifications].sort((a, b) => a - b));
		const reviews = (
			(await publicReviews()).body as { reviews: Array<{ date: string }> }
		).reviews.map((review) => review.date);
		expect(reviews).toEqual([...reviews].sort());
		expect(
			idsOf((await gigrove('deliveries/', KEYS.gigrove.deliveryToken)).body, 'delivery_id'),
		).toEqual([55, 56, 57]);
	});
});

describe('bursts', () => {
	it('Valigara orders: count records at once, spread back over spreadSeconds, lateSeconds before now; one record without count', async () => {
		const single = await call(`${sandbox.current.urls.control}valigara/orders`, 'POST', {
			status: 'paid',
		});
		expect(single.json).toMatchObject({ order_id: 9005, status: 'paid' });

		const before = Date.now();
		const burst = await call(`${sandbox.current.urls.control}valigara/orders`, 'POST', {
			count: 12,
			spreadSeconds: 110,
			lateSeconds: 3600,
			channel: 'etsy',
		});
		expect(burst.status).toBe(201);
		const made = burst.json as unknown as Row[];
		expect(idsOf(made, 'order_id')).toEqual(Array.from({ length: 12 }, (_, i) => 9006 + i));
		expect(made.every((order) => order.channel === 'etsy' && order.count === undefined)).toBe(true);
		const seconds = made.map(
			(order) => Date.parse(`${String(order.order_date).replace(' ', 'T')}Z`) / 1000,
		);
		const newest = Math.floor(before / 1000) - 3600;
		expect(seconds[11]).toBeGreaterThanOrEqual(newest - 1);
		expect(seconds[11]).toBeLessThanOrEqual(newest + 2);
		expect(seconds[11] - seconds[0]).toBeGreaterThanOrEqual(109);
		expect(seconds[11] - seconds[0]).toBeLessThanOrEqual(111);
		expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
		expect((await valigara('orders_export')).data).toHaveLength(17);
	});

	it('Valigara clients, Gigrove orders and notifications take count too; a bad count is 400', async () => {
		const clients = await call(`${sandbox.current.urls.control}valigara/clients`, 'POST', {
			count: 3,
		});
		expect(idsOf(clients.json, 'client_id')).toEqual([304, 305, 306]);

		const orders = (
			await call(`${sandbox.current.urls.control}gigrove/orders`, 'POST', { count: 4 })
		).json as unknown as Array<{ order: Row; notification: Row }>;
		expect(orders).toHaveLength(4);
		expect(orders.map((entry) => entry.notification.message)).toEqual(
			orders.map((entry) => expect.stringContaining(`Order #${entry.order.id} `)),
		);
		const notifications = await call(
			`${sandbox.current.urls.control}gigrove/notifications`,
			'POST',
			{ count: 3, spreadSeconds: 3600, message: 'Burst' },
		);
		const created = (notifications.json as unknown as Row[]).map((n) => String(n.created));
		expect(created).toEqual([...created].sort());
		expect(new Set(created).size).toBe(3);
		expect((await gigrove('notifications/?per_page=100')).body).toHaveLength(6 + 4 + 3);

		expect(
			await call(`${sandbox.current.urls.control}valigara/orders`, 'POST', { count: 0 }),
		).toMatchObject({
			status: 400,
			json: { message: 'count must be a whole number from 1 (got 0)' },
		});
		expect((await valigara('orders_export')).data).toHaveLength(4);
	});
});

describe('duringPaging', () => {
	it('remove: after each page, records just above the page (on page 1: its own first) leave, so the next page skips one', async () => {
		const unread = idsOf((await gigrove('notifications/?per_page=100')).body, 'ID');
		expect(unread).toHaveLength(6);

		await behave({ duringPaging: { remove: 1 } });
		const first = idsOf((await gigrove('notifications/?per_page=2&page=1')).body, 'ID');
		const second = idsOf((await gigrove('notifications/?per_page=2&page=2')).body, 'ID');
		expect(first).toEqual(unread.slice(0, 2));
		// unread[0] was read after page 1, so page 2 starts at unread[3]: unread[2] was never served
		expect(second).toEqual(unread.slice(3, 5));

		await call(`${sandbox.current.urls.control}behaviour`, 'DELETE');
		// after page 2 the record just above it (unread[2], moved up to position 1) was read too
		expect(idsOf((await gigrove('notifications/?per_page=100')).body, 'ID')).toEqual([
			unread[1],
			unread[3],
			unread[4],
			unread[5],
		]);
		expect(
			idsOf((await gigrove('notifications/?notification_status=read&per_page=100')).body, 'ID'),
		).toEqual(expect.arrayContaining([unread[0], unread[2]]));
	});

	it('remove trashes Gigrove orders and takes Valigara orders out of the export, their dates unchanged', async () => {
		const orders = idsOf((await gigrove('orders/?per_page=100')).body, 'id');
		await behave({ duringPaging: { remove: 1 }, pageCap: 3 });
		await gigrove('orders/?per_page=3&page=2');
		await behave({ duringPaging: null });
		expect(((await gigrove(`orders/${orders[2]}`)).body as Row).status).toBe('trash');
		expect(idsOf((await gigrove('orders/?per_page=100')).body, 'id')).toEqual(
			orders.filter((id) => id !== orders[2]).slice(0, 3),
		);

		await behave({ pageCap: null });
		const exported = (await valigara('orders_export')).data as Row[];
		await behave({ duringPaging: { remove: 1 } });
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([
			9001, 9002, 9003, 9004,
		]);
		await behave({ duringPaging: null });
		expect((await valigara('orders_export')).data).toEqual(exported.slice(1));
		// still there for the actions that take its ID
		expect(
			(await valigara('order_set_tracking_number', { order_id: 9001, tracking_number: 'T1' }))
				.status,
		).toBe(100);
	});

	it("add: new records arrive after each page, where the list's order puts them", async () => {
		await behave({ duringPaging: { add: 2 } });
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([
			9001, 9002, 9003, 9004,
		]);
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([
			9001, 9002, 9003, 9004, 9005, 9006,
		]);

		const first = idsOf((await gigrove('orders/?per_page=3&page=1')).body, 'id');
		const second = idsOf((await gigrove('orders/?per_page=3&page=2')).body, 'id');
		// newest first: two new orders on top push page 1's last two records onto page 2 again
		expect(second.slice(0, 2)).toEqual(first.slice(1, 3));
		expect(Math.max(...idsOf((await gigrove('orders/?per_page=1')).body, 'id'))).toBe(
			Math.max(...first) + 4,
		);

		await behave({ duringPaging: { add: 1 } });
		const before = ((await publicReviews()).body as Row).reviews as Row[];
		expect(((await publicReviews()).body as Row).reviews).toHaveLength(before.length + 1);
	});
});

describe('latency', () => {
	it('latencyMs (and jitterMs) hold each answer at least that long, per service', async () => {
		await behave({ gigrove: { latencyMs: 150, jitterMs: 50 }, valigara: { latencyMs: 120 } });
		let started = Date.now();
		expect((await gigrove('orders/')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(148);
		started = Date.now();
		expect((await valigara('product_search')).status).toBe(100);
		expect(Date.now() - started).toBeGreaterThanOrEqual(118);
	});
});

describe('throttling', () => {
	const refusals = () => sandbox.current.log().map((entry) => `${entry.service} ${entry.status}`);

	it('429 {message} after limit requests in the window, with Retry-After in seconds; per service; logged', async () => {
		await behave({ throttle: { limit: 2, windowMs: 60_000 } });
		expect((await gigrove('orders/')).status).toBe(200);
		expect((await gigrove('products/')).status).toBe(200);
		const refused = await gigrove('orders/');
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({ message: 'Too many requests, slow down.' });
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
		expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
		// another service has a window of its own
		expect((await publicReviews()).status).toBe(200);
		expect(refusals()).toEqual([
			'gigrove 200',
			'gigrove 200',
			'gigrove 429',
			'guaranteed-reviews 200',
		]);
		expect(sandbox.current.log('gigrove')[2].reply).toEqual({
			message: 'Too many requests, slow down.',
		});
	});

	it('Retry-After as an HTTP date, or none', async () => {
		await behave({ throttle: { limit: 1, windowMs: 30_000, retryAfter: 'date' } });
		await gigrove('orders/');
		const dated = await gigrove('orders/');
		expect(dated.status).toBe(429);
		const at = Date.parse(String(dated.headers.get('retry-after')));
		expect(dated.headers.get('retry-after')).toMatch(
			/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
		);
		expect(at).toBeGreaterThan(Date.now() + 25_000);
		expect(at).toBeLessThanOrEqual(Date.now() + 31_000);

		await behave({ throttle: { retryAfter: 'none' } });
		await gigrove('orders/');
		const bare = await gigrove('orders/');
		expect(bare.status).toBe(429);
		expect(bare.headers.get('retry-after')).toBeNull();
	});

	it('the window slides: once the oldest request leaves it, the next is answered', async () => {
		await behave({ throttle: { limit: 1, windowMs: 300 } });
		expect((await gigrove('orders/')).status).toBe(200);
		expect((await gigrove('orders/')).status).toBe(429);
		await sleep(350);
		expect((await gigrove('orders/')).status).toBe(200);
	});

	it('Valigara refuses with HTTP 200 {status: 105} (valigaraThrottle "105", the default) or HTTP 429', async () => {
		await behave({ throttle: { limit: 1, windowMs: 60_000 } });
		await valigara('product_search');
		const refused = await valigara('product_search');
		expect({ http: refused.http, status: refused.status, data: refused.data }).toEqual({
			http: 200,
			status: 105,
			data: 'Rate limit exceeded',
		});
		expect(refused.headers.get('x-debug-uid')).toMatch(/^[0-9a-f]{16}$/);
		expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);

		await behave({ valigaraThrottle: '429' });
		await valigara('product_search');
		const response = await fetch(
			`${sandbox.current.urls.valigara}?auth=${KEYS.valigara.accessKey}&action=product_search`,
		);
		expect(response.status).toBe(429);
		expect(await response.json()).toEqual({ message: 'Too many requests, slow down.' });
		expect(refusals()).toEqual(['valigara 200', 'valigara 200', 'valigara 200', 'valigara 429']);
	});
});

describe('setting the behaviour', () => {
	it('GET, POST (merges, per-service overrides), DELETE (friendly) /_control/behaviour; a wrong setting is 400', async () => {
		const url = `${sandbox.current.urls.control}behaviour`;
		expect((await call(url, 'GET')).json.behaviour).toEqual({});

		await behave({ pageCap: 5, gigrove: { pageCap: 3 } });
		const merged = await behave({
			sort: 'newestFirst',
			gigrove: { noTotals: true },
			'guaranteed-reviews': { pageCap: null },
		});
		expect(merged.behaviour).toEqual({
			pageCap: 5,
			sort: 'newestFirst',
			gigrove: { pageCap: 3, noTotals: true },
			'guaranteed-reviews': { pageCap: null },
		});
		expect(merged.effective).toMatchObject({
			valigara: { pageCap: 5, sort: 'newestFirst', noTotals: false },
			gigrove: { pageCap: 3, sort: 'newestFirst', noTotals: true },
			'guaranteed-reviews': { pageCap: null, sort: 'newestFirst' },
		});
		expect((await gigrove('orders/?per_page=100')).body).toHaveLength(3);
		expect((await valigara('product_search')).data).toEqual([1003, 1002, 1001]);
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([
			9004, 9003, 9002, 9001,
		]);
		expect(((await publicReviews()).body as Row).reviews).toHaveLength(7);

		expect(await call(url, 'POST', { pageCap: 0 })).toMatchObject({
			status: 400,
			json: { message: 'pageCap must be a whole number from 1 (got 0)' },
		});
		expect(await call(url, 'POST', { gigrove: { pagecap: 2 } })).toMatchObject({
			status: 400,
			json: {
				message: expect.stringMatching(/^Unknown behaviour setting "pagecap" for gigrove\./),
			},
		});
		expect((await call(url, 'GET')).json.behaviour).toEqual(merged.behaviour);

		expect((await call(url, 'DELETE')).json.behaviour).toEqual({});
		expect((await gigrove('orders/?per_page=100')).body).toHaveLength(8);
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([
			9001, 9002, 9003, 9004,
		]);
	});

	it('in-process: startSandbox({behaviour}) wins over SANDBOX_BEHAVIOUR, which is read without it; setBehaviour() replaces', async () => {
		const saved = process.env.SANDBOX_BEHAVIOUR;
		process.env.SANDBOX_BEHAVIOUR = '{"pageCap": 2, "valigara": {"sort": "newestFirst"}}';
		const fromEnv = await startSandbox({ port: 0 });
		const fromOption = await startSandbox({ port: 0, behaviour: { pageCap: 1 } });
		try {
			expect(fromEnv.behaviour().behaviour).toEqual({
				pageCap: 2,
				valigara: { sort: 'newestFirst' },
			});
			const exported = await fetch(
				`${fromEnv.urls.valigara}?auth=${KEYS.valigara.accessKey}&action=orders_export`,
			);
			expect(idsOf(((await exported.json()) as Row).data, 'order_id')).toEqual([9004, 9003]);

			expect(fromOption.behaviour().behaviour).toEqual({ pageCap: 1 });
			fromOption.setBehaviour({ gigrove: { pageCap: 4 } });
			expect(fromOption.behaviour().effective.valigara.pageCap).toBeNull();
			expect(fromOption.behaviour().effective.gigrove.pageCap).toBe(4);
			expect(() =>
				fromOption.setBehaviour({ sort: 'sideways' } as unknown as SandboxBehaviour),
			).toThrow('sort must be one of newestFirst, oldestFirst (got "sideways")');
		} finally {
			if (saved === undefined) delete process.env.SANDBOX_BEHAVIOUR;
			else process.env.SANDBOX_BEHAVIOUR = saved;
			await Promise.all([fromEnv.stop(), fromOption.stop()]);
		}
	});

	it('cli.js: SANDBOX_BEHAVIOUR first, flags on top, <service>=<value> for one service; --help lists the flags', async () => {
		const help = cli(['--help']);
		expect(await help.exited).toBe(0);
		for (const flag of [
			'--page-cap',
			'--cap-mode',
			'--no-totals',
			'--valigara-paging',
			'--sort',
			'--during-paging-add',
			'--during-paging-remove',
			'--latency',
			'--jitter',
			'--throttle',
			'--retry-after',
			'--valigara-throttle',
			'--behaviour',
			'SANDBOX_BEHAVIOUR',
		]) {
			expect(help.output.stdout).toContain(flag);
		}

		const flags = [
			'--page-cap',
			'5',
			'--page-cap',
			'gigrove=3',
			'--throttle',
			'10/1000',
			'--retry-after',
			'date',
			'--no-totals=guaranteed-reviews',
			'--during-paging-remove',
			'1',
			'--valigara-paging=honour',
		];
		const running = cli(['--port', '0', ...flags], {
			...process.env,
			SANDBOX_BEHAVIOUR: '{"latencyMs": 1, "pageCap": 9, "sort": "oldestFirst"}',
		});
		try {
			const baseUrl = await new Promise<string>((resolve, reject) => {
				running.child.stdout.on('data', () => {
					const started = /Commerce sandbox on (http:\/\/127\.0\.0\.1:\d+)/.exec(
						running.output.stdout,
					);
					if (started && running.output.stdout.includes('Ctrl+C stops it.')) resolve(started[1]);
				});
				void running.exited.then((code) =>
					reject(new Error(`cli.js exited with ${code}: ${running.output.stderr}`)),
				);
			});
			const { json } = await call(`${baseUrl}/_control/behaviour`, 'GET');
			expect(json.behaviour).toEqual({
				latencyMs: 1,
				pageCap: 5,
				sort: 'oldestFirst',
				throttle: { limit: 10, windowMs: 1000, retryAfter: 'date' },
				duringPaging: { add: 0, remove: 1 },
				valigaraPaging: 'honour',
				gigrove: { pageCap: 3 },
				'guaranteed-reviews': { noTotals: true },
			});
		} finally {
			running.child.kill();
			await running.exited;
		}
		const refused = cli(['--port', '0', '--sort', 'sideways']);
		expect({ status: await refused.exited, stderr: refused.output.stderr.trim() }).toEqual({
			status: 1,
			stderr: 'sandbox: sort must be one of newestFirst, oldestFirst (got "sideways")',
		});
	});

	it('reset brings back the seed data and keeps the behaviour', async () => {
		await behave({ pageCap: 2 });
		await call(`${sandbox.current.urls.control}valigara/orders`, 'POST', { count: 3 });
		await call(`${sandbox.current.urls.control}reset`);
		expect((await call(`${sandbox.current.urls.control}behaviour`, 'GET')).json.behaviour).toEqual({
			pageCap: 2,
		});
		expect(idsOf((await valigara('orders_export')).data, 'order_id')).toEqual([9001, 9002]);
	});
});
