/**
 * Guaranteed Reviews › Order › Send with Options › Result Per Order "Exact (One Order Per Request)":
 * one order per request, several requests at once (nodes/shared/items.ts runPerItem), each order
 * with the service's own answer; and the execution hint after a run whose results are uncertain.
 */
import nock from 'nock';
import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

/** Exact mode's most requests at once (nodes/GuaranteedReviews/actions/order/fields.ts) */
const EXACT_AT_ONCE = 5;
import { runNode } from '../kit/engine';
import type { NodeRun } from '../kit/engine';
import { API_KEY, BASE, apiOrder, credentials, order, orderFields } from './fixtures';

const ALREADY_SENT =
	'Some orders were not imported because they had already been sent (see documentation)';
const exact = { ...orderFields, options: { resultPerOrder: 'exact' } };
const orders = (count: number) => Array.from({ length: count }, (_, n) => order(n));

interface Seen {
	orders: IDataObject[];
	/** ms since the service was set up */
	at: number;
	/** requests in progress at the service when this one arrived, itself included */
	inFlight: number;
	/** ms since the service was set up, when the reply went */
	answeredAt?: number;
}

interface Answer {
	/** how long the service takes for this reply (default: the service's delay) */
	delayMs?: number;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

/**
 * The orders endpoint as the doc describes it: an order whose ID was sent before is not imported
 * again, and the reply only counts. `answer` may replace a reply (a refusal, a rate limit).
 */
function ordersService(
	options: {
		sentBefore?: string[];
		delayMs?: number;
		answer?: (request: Seen, seen: Seen[]) => Answer | undefined;
	} = {},
) {
	const sent = new Set(options.sentBefore ?? []);
	const started = Date.now();
	const seen: Seen[] = [];
	let inFlight = 0;
	nock(BASE)
		.persist()
		.post('/private/v3/orders')
		.reply(async (_uri, body) => {
			const { api_key: key, orders: received } = body as { api_key: string; orders: IDataObject[] };
			inFlight++;
			const request: Seen = { orders: received, at: Date.now() - started, inFlight };
			seen.push(request);
			const special = options.answer?.(request, seen);
			await sleep(special?.delayMs ?? options.delayMs ?? 10);
			inFlight--;
			request.answeredAt = Date.now() - started;
			if (special?.body !== undefined)
				return [
					special.status ?? 200,
					JSON.stringify(special.body),
					{ 'Content-Type': 'application/json', ...special.headers },
				];
			if (key !== API_KEY) return [401, JSON.stringify({ message: 'Invalid API key' })];
			const fresh = received.filter((entry) => !sent.has(String(entry.id_order)));
			fresh.forEach((entry) => sent.add(String(entry.id_order)));
			const reply = {
				success: fresh.length > 0 ? 1 : 0,
				orders_count: received.length,
				orders_imported: fresh.length,
				message: fresh.length < received.length ? ALREADY_SENT : null,
			};
			return [200, JSON.stringify(reply), { 'Content-Type': 'application/json' }];
		});
	return {
		seen,
		maxInFlight: () => Math.max(...seen.map((request) => request.inFlight)),
		of: (orderId: string) => seen.filter((request) => request.orders[0]?.id_order === orderId),
	};
}

const hintsOf = (run: NodeRun) => run.run.data.resultData.runData.Node?.[0]?.hints ?? [];
const paired = (run: NodeRun) =>
	run.items.map((item) => (item.pairedItem as { item: number }).item);

describe('Guaranteed Reviews › Order › Send › Result Per Order: Exact (One Order Per Request)', () => {
	it(`sends each order alone, up to ${EXACT_AT_ONCE} requests at once, and says for each: imported or already sent`, async () => {
		// (the run's adaptive limit starts at 1 and grows while replies are clean: 12 orders reach 5)
		const service = ordersService({ sentBefore: ['A-3', 'A-8'] });

		const run = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: exact },
			orders(12),
		);

		expect(run.error).toBeUndefined();
		expect(service.seen.map((request) => request.orders)).toHaveLength(12);
		expect(service.seen.every((request) => request.orders.length === 1)).toBe(true);
		expect(
			service.seen
				.map((request) => request.orders[0])
				.sort((a, b) => Number(String(a.id_order).slice(2)) - Number(String(b.id_order).slice(2))),
		).toEqual(orders(12).map((_, n) => apiOrder(n)));
		expect(service.maxInFlight()).toBeGreaterThan(1);
		expect(service.maxInFlight()).toBeLessThanOrEqual(EXACT_AT_ONCE);
		expect(paired(run)).toEqual(orders(12).map((_, n) => n));
		expect(run.items[0].json).toEqual({
			orderId: 'A-0',
			imported: true,
			status: 'imported',
			message: null,
			request: { ordersCount: 1, ordersImported: 1 },
		});
		expect(run.items[3].json).toEqual({
			orderId: 'A-3',
			imported: false,
			status: 'alreadySent',
			message: ALREADY_SENT,
			request: { ordersCount: 1, ordersImported: 0 },
		});
		expect(run.items.map((item) => item.json.status)).toEqual(
			orders(12).map((_, n) => (n === 3 || n === 8 ? 'alreadySent' : 'imported')),
		);
		// every result is certain: no hint
		expect(hintsOf(run)).toEqual([]);
	});

	it('says "notImported" when the service imported nothing and gave no reason', async () => {
		ordersService({
			answer: (request) =>
				request.orders[0].id_order === 'A-1'
					? { body: { success: 0, orders_count: 1, orders_imported: 0, message: null } }
					: undefined,
		});

		const run = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: exact },
			orders(3),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => [item.json.imported, item.json.status])).toEqual([
			[true, 'imported'],
			[false, 'notImported'],
			[true, 'imported'],
		]);
	});

	it('checks every order before the first request: a bad one stops the run with nothing sent', async () => {
		const service = ordersService();

		const run = await runNode({ type: 'guaranteedReviews', credentials, parameters: exact }, [
			...orders(6),
			{ ...order(6), email: 'ada@' },
		]);

		expect(run.error?.message).toBe(
			'Invalid input: "Email" must be a valid email address [item 6]',
		);
		expect(service.seen).toEqual([]);
	});

	it('with continue on fail: a bad order and an order the service refuses get their own error item, the others go through', async () => {
		const service = ordersService({
			answer: (request) =>
				request.orders[0].id_order === 'A-4'
					? {
							body: {
								success: 0,
								orders_count: 1,
								orders_imported: 0,
								message: 'Missing fields for array',
							},
						}
					: undefined,
		});

		const run = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: exact, onError: 'continue' },
			[...orders(2), { ...order(2), email: 'ada@' }, ...orders(8).slice(3)],
		);

		expect(run.error).toBeUndefined();
		expect(service.seen).toHaveLength(7);
		expect(paired(run)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(run.items.map((item) => item.json.status ?? item.json.error)).toEqual([
			'imported',
			'imported',
			'Invalid input: "Email" must be a valid email address [item 2]',
			'imported',
			'Missing fields for array',
			'imported',
			'imported',
			'imported',
		]);
	});

	it('without continue on fail: an order the service refuses stops the run, saying which orders went through', async () => {
		const service = ordersService({
			answer: (request) =>
				request.orders[0].id_order === 'A-6'
					? {
							body: {
								success: 0,
								orders_count: 1,
								orders_imported: 0,
								message: 'Missing fields for array',
							},
							delayMs: 0,
						}
					: undefined,
		});

		const run = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: exact },
			orders(12),
		);

		expect(run.items).toEqual([]);
		expect(run.error).toMatchObject({ name: 'NodeApiError', message: 'Missing fields for array' });
		expect(run.error?.context?.itemIndex).toBe(6);
		// the requests under way when 6 was refused finish, none starts after; the error names exactly
		// the orders that went through
		const sent = service.seen
			.map((request) => Number(String(request.orders[0].id_order).slice(2)))
			.sort((a, b) => a - b);
		expect(sent).toEqual(Array.from({ length: sent.length }, (_, n) => n));
		expect(sent.length).toBeLessThan(12);
		const through = sent.filter((n) => n !== 6).join(', ');
		expect(run.error?.description).toContain(
			`Items ${through} were already applied by earlier requests.`,
		);
	});

	it('shares the rate-limit wait: a 429 holds back the requests not yet sent until the one that met it is through', async () => {
		// the sixth request is refused with Retry-After: 1
		// 100 ms a reply, 30 orders: without the wait, orders would keep going out for a while after the refusal
		const service = ordersService({
			delayMs: 100,
			answer: (_request, seen) =>
				seen.length === EXACT_AT_ONCE + 1
					? { status: 429, body: { message: 'Too Many Requests' }, headers: { 'Retry-After': '1' } }
					: undefined,
		});

		const run = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: exact },
			orders(30),
		);

		expect(run.error).toBeUndefined();
		expect(service.seen).toHaveLength(31);
		expect(run.items.map((item) => item.json.status)).toEqual(orders(30).map(() => 'imported'));
		expect(service.maxInFlight()).toBeLessThanOrEqual(EXACT_AT_ONCE);
		const limited = service.seen[EXACT_AT_ONCE];
		const [, retry] = service.of(String(limited.orders[0].id_order));
		expect(retry.at - limited.at).toBeGreaterThanOrEqual(950);
		// the orders not yet under way when the limit was answered waited for the retry (a request
		// that passed the wait before the refusal was read may still arrive: on a loaded machine
		// reading it can take a while, hence 200 ms of slack)
		const notYetSent = service.seen.filter(
			(request) => request.at > limited.answeredAt! + 200 && request !== retry,
		);
		expect(notYetSent.length).toBeGreaterThan(0);
		for (const request of notYetSent) expect(request.at).toBeGreaterThanOrEqual(retry.at);
	});

	it('does not use Orders Per Request (a value the counted mode would refuse is left alone)', async () => {
		const service = ordersService();
		const run = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				parameters: {
					...orderFields,
					options: { resultPerOrder: 'exact', batchSize: '={{ "lots" }}' },
				},
			},
			orders(3),
		);
		expect(run.error).toBeUndefined();
		expect(service.seen.map((request) => request.orders.length)).toEqual([1, 1, 1]);
	});

	it('refuses a Result Per Order that is neither of its choices, naming the field', async () => {
		const service = ordersService();
		const run = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				parameters: { ...orderFields, options: { resultPerOrder: '={{ "precise" }}' } },
			},
			orders(2),
		);
		expect(run.error?.message).toBe(
			'Invalid input: "Result Per Order" must be one of counted (Counted Per Request), exact (Exact (One Order Per Request)) [item 0]',
		);
		expect(service.seen).toEqual([]);
	});
});

describe('Guaranteed Reviews › Order › Send › the hint after uncertain results', () => {
	it('points at the exact mode after a run with orders whose result is uncertain', async () => {
		ordersService({ sentBefore: ['A-1'] });

		const run = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: orderFields },
			orders(3),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.status)).toEqual([
			'importedOrAlreadySent',
			'importedOrAlreadySent',
			'importedOrAlreadySent',
		]);
		expect(hintsOf(run)).toEqual([
			{
				message:
					'3 of 3 orders have no exact result ("importedOrAlreadySent" or "unknown"): Guaranteed Reviews only counts the orders of a request. ' +
					'For an answer per order, set Options › Result Per Order to "Exact (One Order Per Request)".',
				location: 'outputPane',
			},
		]);
	});

	it('tells what to do when some orders of a request were not imported and the reply cannot say which: once, naming the first such item', async () => {
		// requests of 2: the first is imported whole; the second and third each take 1 of 2 and give no reason
		ordersService({
			answer: (request) =>
				request.orders[0].id_order === 'A-0'
					? undefined
					: { body: { success: 1, orders_count: 2, orders_imported: 1, message: null } },
		});

		const run = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				parameters: { ...orderFields, options: { batchSize: 2 } },
			},
			orders(6),
		);

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.status)).toEqual([
			'imported',
			'imported',
			'unknown',
			'unknown',
			'unknown',
			'unknown',
		]);
		// only this hint: the one that counts uncertain orders would say less
		expect(run.hints).toEqual([
			'Guaranteed Reviews imported only some orders of a request and did not say which: orders with status "unknown" may be missing. ' +
				'Send them again with Options › Result Per Order set to "Exact (One Order Per Request)" to import the missing ones and learn each order\'s result ' +
				'(orders it already has are not imported twice). [item 2]',
		]);
	});

	it('gives no hint when every result is certain in the counted mode', async () => {
		ordersService({ sentBefore: ['A-0', 'A-1', 'A-2'] });
		const run = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: orderFields },
			orders(3),
		);
		expect(run.items.map((item) => item.json.status)).toEqual([
			'alreadySent',
			'alreadySent',
			'alreadySent',
		]);
		expect(hintsOf(run)).toEqual([]);
	});
});
