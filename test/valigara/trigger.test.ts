import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runTriggerManually } from '../kit/engine';
import type { NodeUnderTest } from '../kit/engine';
import { ACCESS_KEY, HOST, PATH, credentials } from './fixtures';

/**
 * A stand-in of Valigara's orders export that behaves like the service is assumed to: it keeps a
 * store of orders and returns those dated from `date_from` up to `date_to` (all of them without
 * them), in one reply; paging keys are ignored.
 */
function ordersExport(store: IDataObject[], dateField = 'order_date') {
	const requests: Array<{ action: string; data: IDataObject | undefined; auth: string | null }> =
		[];
	let failNext: { status: number; data: string } | undefined;
	nock(HOST)
		.post(PATH)
		.query(true)
		.reply(function (uri, body) {
			const form = new URLSearchParams(String(body));
			const data = form.get('data') ? (JSON.parse(form.get('data')!) as IDataObject) : undefined;
			requests.push({
				action: form.get('action')!,
				data,
				auth: new URL(uri, HOST).searchParams.get('auth'),
			});
			if (failNext) {
				const reply = failNext;
				failNext = undefined;
				return [200, reply];
			}
			const from = data?.date_from as string | undefined;
			const to = data?.date_to as string | undefined;
			const inWindow = (record: IDataObject) =>
				(!from || String(record[dateField]) >= from) && (!to || String(record[dateField]) <= to);
			return [200, { status: 100, data: store.filter(inWindow) }];
		})
		.persist();
	return {
		requests,
		failOnce: (status: number, data: string) => (failNext = { status, data }),
	};
}

const trigger = (options: IDataObject = {}): NodeUnderTest => ({
	type: 'valigaraTrigger',
	credentials,
	parameters: { event: 'newOrder', options: options as INodeParameters },
});

const order = (id: number, date: string) => ({ order_id: id, order_date: date, total: `${id}.00` });
const ids = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => item.json.order_id);
const wallClock = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('Valigara Trigger › New Order', () => {
	it('first activation notes what exists and emits nothing; the next poll emits only new orders, oldest first', async () => {
		const store = [order(1, '2026-11-20 09:00:00'), order(2, '2026-11-20 10:00:00')];
		const api = ordersExport(store);
		const poller = new ActivePoller(trigger());

		expect(await poller.poll()).toBeNull();
		store.push(order(4, '2026-11-20 12:00:00'), order(3, '2026-11-20 11:00:00'));
		const emitted = await poller.poll();

		expect(ids(emitted)).toEqual([3, 4]);
		expect(emitted![0].json).toEqual(order(3, '2026-11-20 11:00:00'));
		expect(emitted![0].pairedItem).toBeUndefined();
		// baseline: the last 30 days (by n8n's clock), whose first reply may have been cut (fewer than
		// asked, but nothing longer was seen yet): the next pages repeat it twice (this export ignores
		// paging), so the window is read again in two halves; the look-back window from the newest order
		// lies inside what was read. The next poll: 4 orders, more than any reply before, so again in
		// two halves (paging is known not to work by then).
		const thirtyDays = expect.stringMatching(wallClock);
		expect(api.requests.map((request) => request.data)).toEqual([
			{ date_from: thirtyDays, page: 1, limit: 100 },
			{ date_from: thirtyDays, page: 2, limit: 2 },
			{ date_from: thirtyDays, page: 3, limit: 2 },
			{ date_from: thirtyDays, date_to: '2026-11-20 09:59:59' },
			{ date_from: '2026-11-20 10:00:00' },
			{ date_from: '2026-11-20 09:00:00' },
			{ date_from: '2026-11-20 09:00:00', date_to: '2026-11-20 10:59:59' },
			{ date_from: '2026-11-20 11:00:00' },
		]);
		expect(
			api.requests.every(
				(request) => request.action === 'orders_export' && request.auth === ACCESS_KEY,
			),
		).toBe(true);
	});

	it('never emits an order twice: overlapping windows, the same poll run twice, late orders, a restart', async () => {
		const store = [order(1, '2026-11-20 09:00:00')];
		ordersExport(store);
		const poller = new ActivePoller(trigger());
		expect(await poller.poll()).toBeNull();

		store.push(order(2, '2026-11-20 09:30:00'));
		expect(ids(await poller.poll())).toEqual([2]);
		expect(await poller.poll()).toBeNull(); // n8n's scheduler may run a poll twice

		store.push(order(5, '2026-11-20 09:20:00')); // arrives late, dated before the newest order seen
		expect(ids(await poller.poll())).toEqual([5]);

		poller.restart(); // only the JSON of the static data survives
		expect(await poller.poll()).toBeNull();
		store.push(order(6, '2026-11-20 10:00:00'));
		expect(ids(await poller.poll())).toEqual([6]);
	});

	it('does not flood on activation even with many orders in the look-back window', async () => {
		const store = Array.from({ length: 300 }, (_, n) =>
			order(n, `2026-11-20 09:${String(Math.floor(n / 10)).padStart(2, '0')}:00`),
		);
		ordersExport(store);
		const poller = new ActivePoller(trigger());
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();
	});

	it('a poll that fails emits nothing and changes nothing: the next poll delivers the orders', async () => {
		const store = [order(1, '2026-11-20 09:00:00')];
		const api = ordersExport(store);
		const poller = new ActivePoller(trigger());
		await poller.poll();
		store.push(order(2, '2026-11-20 10:00:00'));
		const before = JSON.stringify(poller.staticData);

		api.failOnce(201, 'temporary failure');
		await expect(poller.poll()).rejects.toThrow(
			'Valigara error 201 (Action Failed): temporary failure',
		);
		expect(JSON.stringify(poller.staticData)).toBe(before);
		expect(ids(await poller.poll())).toEqual([2]);
	});

	it('with Start From, the first activation emits the orders from that date on', async () => {
		const api = ordersExport([
			order(6, '2026-10-31 08:00:00'),
			order(7, '2026-11-01 08:00:00'),
			order(8, '2026-11-02 08:00:00'),
		]);
		const poller = new ActivePoller({
			...trigger({ startFrom: '2026-11-01T00:00:00' }),
			timezone: 'UTC',
		});
		expect(ids(await poller.poll())).toEqual([7, 8]);
		expect(api.requests[0].data).toEqual({ date_from: '2026-10-31 23:00:00', page: 1, limit: 100 }); // 60 minutes of look-back
		expect(await poller.poll()).toBeNull();
	});

	it('an empty store at activation: every order after that is new', async () => {
		const store: IDataObject[] = [];
		const api = ordersExport(store);
		const poller = new ActivePoller(trigger());
		expect(await poller.poll()).toBeNull();
		store.push(order(1, '2026-11-20 09:00:00'));
		const before = api.requests.length;
		expect(ids(await poller.poll())).toEqual([1]);
		expect(api.requests[before]?.data).toEqual({ page: 1, limit: 100 }); // no date seen yet: the whole export
	});

	it('Fetch test event shows the most recent orders and leaves the state alone', async () => {
		ordersExport(Array.from({ length: 8 }, (_, n) => order(n + 1, `2026-11-1${n} 10:00:00`)));
		const { items, error, run } = await runTriggerManually(trigger());
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual([4, 5, 6, 7, 8]);
		expect(run.data.resultData.runData.Node).toHaveLength(1);
	});

	it('a changed action or field starts afresh with a new baseline', async () => {
		const store = [order(1, '2026-11-20 09:00:00')];
		ordersExport(store);
		const poller = new ActivePoller(trigger());
		await poller.poll();
		const renamed = new ActivePoller(
			trigger({ actionName: 'orders_export_v2' }),
			JSON.parse(JSON.stringify(poller.staticData)),
		);
		store.push(order(2, '2026-11-20 10:00:00'));
		expect(await renamed.poll()).toBeNull();
	});

	it('says which field is missing when the export’s records have no date', async () => {
		ordersExport([{ order_id: 1, created: '2026-11-20 09:00:00' }]);
		const poller = new ActivePoller(trigger());
		await expect(poller.poll()).rejects.toThrow('A order from Valigara has no "order_date" field');
	});

	it('uses the ID and date fields the user names', async () => {
		const store: IDataObject[] = [{ id: 'A', created: '2026-11-20 09:00:00' }];
		ordersExport(store, 'created');
		const poller = new ActivePoller(trigger({ idField: 'id', dateField: 'created' }));
		await poller.poll();
		store.push({ id: 'B', created: '2026-11-20 09:05:00' });
		expect((await poller.poll())!.map((item) => item.json.id)).toEqual(['B']);
	});

	it('keeps its state bounded with 10 000 orders: each emitted once, the saved state holds the look-back window only', async () => {
		const store: IDataObject[] = [];
		ordersExport(store);
		const poller = new ActivePoller(trigger());
		await poller.poll();
		for (let n = 0; n < 10_000; n++) {
			const seconds = n * 2; // two seconds apart: 5.5 hours of orders
			const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
				.map((v) => String(v).padStart(2, '0'))
				.join(':');
			store.push(order(n + 1, `2026-11-21 ${time}`));
		}
		expect(await poller.poll()).toHaveLength(10_000);
		expect(await poller.poll()).toBeNull();
		// the next poll reads from the newest order (05:33:18) minus 60 minutes: those 1 801 orders
		const state = poller.staticData.pollState as { cursor: string; seen: string[][] };
		expect(state.cursor).toBe('2026-11-21 05:33:18');
		expect(state.seen.map(([position]) => position)).toEqual(
			store.slice(-1_801).map((record) => record.order_date),
		);
		expect(JSON.stringify(poller.staticData).length).toBeLessThan(60_000);
	});

	it('state saved by the previous version (keys without positions) loads as it was: nothing again, nothing lost', async () => {
		const minute = (n: number) =>
			`2026-11-20 ${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00`;
		const store: IDataObject[] = Array.from({ length: 121 }, (_, n) => order(n, minute(n)));
		ordersExport(store);
		// what version 1 saved after emitting those 121 orders (one a minute, 08:00 to 10:00)
		const saved = {
			'node:Node': {
				pollState: {
					v: 1,
					config: JSON.stringify(['newOrder', 'orders_export', 'order_id', 'order_date']),
					cursor: minute(120),
					seen: store.map((record) => String(record.order_id)),
				},
			},
		};
		const poller = new ActivePoller(trigger(), saved);
		store.push(order(121, minute(121))); // not a new baseline: emitted
		expect(ids(await poller.poll())).toEqual([121]);
		store.push(order(122, minute(122)), order(500, minute(100))); // a new order, and one arriving late
		expect(ids(await poller.poll())).toEqual([500, 122]);
		expect(await poller.poll()).toBeNull();
		poller.restart();
		expect(await poller.poll()).toBeNull();
		expect((poller.staticData.pollState as { v: number }).v).toBe(2);
	});

	it('an export that ignores the date window cannot be read in parts: the poll fails saying so, and nothing changes', async () => {
		const store: IDataObject[] = [order(0, '2026-11-20 08:00:00')];
		nock(HOST)
			.post(PATH)
			.query(true)
			.reply(() => [200, { status: 100, data: store }])
			.persist();
		const poller = new ActivePoller(trigger());
		const failure = poller.poll();
		await expect(failure).rejects.toThrow('Could not read every order of this poll from Valigara');
		await expect(failure).rejects.toMatchObject({
			description: expect.stringMatching(
				/did not keep to the date window asked for \(date_from\/date_to on "order_date"\).*"Replies Are Never Cut"/,
			),
		});
		expect(poller.staticData).toEqual({});
	});

	it('with "Replies Are Never Cut", an export that ignores date_from emits nothing twice: what lies before the look-back window is not read as new', async () => {
		const minute = (n: number) =>
			`2026-11-20 ${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00`;
		const store: IDataObject[] = [order(0, minute(0))];
		const requests: unknown[] = [];
		nock(HOST)
			.post(PATH)
			.query(true)
			.reply((_uri, body) => {
				requests.push(new URLSearchParams(String(body)).get('data'));
				return [200, { status: 100, data: store }];
			})
			.persist();
		const poller = new ActivePoller(trigger({ wholeReplies: true }));
		expect(await poller.poll()).toBeNull();
		for (let n = 1; n <= 180; n++) store.push(order(n, minute(n)));
		expect(await poller.poll()).toHaveLength(180);
		store.push(order(181, minute(181)));
		expect(ids(await poller.poll())).toEqual([181]);
		// one request a poll (the baseline's look-back window lies inside its first read), no paging keys
		expect(requests).toHaveLength(3);
		expect(requests.every((data) => !String(data).includes('page'))).toBe(true);
	});
});
