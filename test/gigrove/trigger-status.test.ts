import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runTriggerManually } from '../kit/engine';
import type { NodeUnderTest } from '../kit/engine';
import { API, HOST, TOKEN, bearerCredentials } from './fixtures';

/** The store's orders list as WCFM serves it: newest first by ID, `per_page` / `page`, no page headers. */
function store({ oldestFirst = false } = {}) {
	const orders: IDataObject[] = [];
	const requests: Array<Record<string, string>> = [];
	let failNext = false;
	nock(HOST)
		.get(`${API}/orders/`)
		.query(true)
		.reply(function (uri) {
			const query = Object.fromEntries(new URL(uri, HOST).searchParams);
			requests.push(query);
			if (this.req.headers.authorization !== `Bearer ${TOKEN}`)
				return [401, { code: 'rest_forbidden', message: 'Bad token' }];
			if (failNext) {
				failNext = false;
				return [500, { code: 'internal', message: 'Database error' }];
			}
			const perPage = Number(query.per_page ?? 10);
			const start = (Number(query.page ?? 1) - 1) * perPage;
			return [
				200,
				(oldestFirst ? [...orders] : [...orders].reverse()).slice(start, start + perPage),
			];
		})
		.persist();
	let next = 100;
	return {
		requests,
		failOnce: () => (failNext = true),
		order(status = 'processing', created = '2026-11-20T10:00:00') {
			const id = next++;
			orders.push({
				id,
				status,
				date_created: created,
				date_modified: created,
				billing: { email: `buyer${id}@example.com` },
			});
			return id;
		},
		set(id: number, status: string) {
			orders.find((order) => order.id === id)!.status = status;
		},
		modified(id: number, date: string) {
			orders.find((order) => order.id === id)!.date_modified = date;
		},
		trash(id: number) {
			orders.splice(
				orders.findIndex((order) => order.id === id),
				1,
			);
		},
	};
}

const trigger = (statuses: string[] = [], options: IDataObject = {}): NodeUnderTest => ({
	type: 'gigroveTrigger',
	credentials: bearerCredentials,
	parameters: { event: 'orderStatusChanged', statuses, options: options as INodeParameters },
});
const changes = (items: INodeExecutionData[] | null) =>
	(items ?? []).map((item) => {
		const { from, to } = item.json.statusChange as IDataObject;
		return `${String(item.json.id)}:${String(from)}→${String(to)}`;
	});

describe('Gigrove Trigger › Order Status Changed', () => {
	it('first activation emits nothing; each change comes out once, with the old and the new status', async () => {
		const shop = store();
		const a = shop.order();
		const b = shop.order('on-hold');
		const poller = new ActivePoller(trigger());
		expect(await poller.poll()).toBeNull();
		shop.set(a, 'completed');
		shop.set(b, 'cancelled');
		const emitted = await poller.poll();
		expect(changes(emitted)).toEqual([`${a}:processing→completed`, `${b}:on-hold→cancelled`]);
		expect(emitted![0].json).toEqual({
			id: a,
			status: 'completed',
			date_created: '2026-11-20T10:00:00',
			date_modified: '2026-11-20T10:00:00',
			billing: { email: `buyer${a}@example.com` },
			statusChange: { from: 'processing', to: 'completed' },
		});
		const before = shop.requests.length;
		expect(await poller.poll()).toBeNull(); // the same poll run twice
		expect(shop.requests[before]).toEqual({
			orderby: 'order_id',
			order: 'desc',
			per_page: '100',
			page: '1',
		});
	});

	it('an order created and completed between two polls comes out, from null; one created in another status waits for its change', async () => {
		const shop = store();
		shop.order();
		const poller = new ActivePoller(trigger(['completed']));
		await poller.poll();
		const done = shop.order('completed');
		const later = shop.order('processing');
		expect(changes(await poller.poll())).toEqual([`${done}:null→completed`]);
		shop.set(later, 'completed');
		expect(changes(await poller.poll())).toEqual([`${later}:processing→completed`]);
	});

	it('statuses not picked are not emitted, but are remembered as the status a later change starts from', async () => {
		const shop = store();
		const a = shop.order();
		const poller = new ActivePoller(trigger(['completed', 'refunded']));
		await poller.poll();
		shop.set(a, 'on-hold');
		expect(await poller.poll()).toBeNull();
		shop.set(a, 'wc-completed'); // with or without WooCommerce's prefix: one status
		expect(changes(await poller.poll())).toEqual([`${a}:on-hold→completed`]);
	});

	it('several changes between two polls: the latest, from the status seen last; a change undone shows nothing', async () => {
		const shop = store();
		const a = shop.order();
		const b = shop.order();
		const poller = new ActivePoller(trigger());
		await poller.poll();
		shop.set(a, 'on-hold');
		shop.set(a, 'completed');
		shop.set(b, 'on-hold');
		shop.set(b, 'processing');
		expect(changes(await poller.poll())).toEqual([`${a}:processing→completed`]);
	});

	it('watches the newest Orders Watched orders (at least those within 20 IDs of the newest), and every order created since the last poll', async () => {
		const shop = store();
		const ids = Array.from({ length: 30 }, () => shop.order());
		const poller = new ActivePoller(trigger([], { watchedOrders: 25 }));
		await poller.poll();
		shop.set(ids[4], 'completed'); // the 26th newest: not watched
		shop.set(ids[5], 'completed');
		expect(changes(await poller.poll())).toEqual([`${ids[5]}:processing→completed`]);
		// a burst of more new orders than are watched: each comes out, however many
		const burst = Array.from({ length: 7 }, () => shop.order());
		expect(changes(await poller.poll())).toEqual(burst.map((id) => `${id}:null→processing`));
		expect(await poller.poll()).toBeNull();
		// the state holds the watched orders (and those the late-ID window reads again): 25 keys
		expect(JSON.stringify(poller.staticData).length).toBeLessThan(400);
	});

	it('one request a poll for the default 100 orders watched, when the store serves 100 a page', async () => {
		const shop = store();
		const ids = Array.from({ length: 150 }, () => shop.order());
		const poller = new ActivePoller(trigger());
		await poller.poll();
		shop.set(ids[60], 'completed'); // the 90th newest
		const before = shop.requests.length;
		expect(changes(await poller.poll())).toEqual([`${ids[60]}:processing→completed`]);
		expect(shop.requests.slice(before)).toEqual([
			{ orderby: 'order_id', order: 'desc', per_page: '100', page: '1' },
		]);
	});

	it('an order entering the watched orders from below (those above it left the list) is noted, not emitted', async () => {
		const shop = store();
		const below = shop.order('completed');
		const ids = Array.from({ length: 25 }, () => shop.order());
		const poller = new ActivePoller(trigger([], { watchedOrders: 25 }));
		await poller.poll();
		shop.trash(ids[3]);
		expect(await poller.poll()).toBeNull();
		shop.set(below, 'refunded');
		expect(changes(await poller.poll())).toEqual([`${below}:completed→refunded`]);
	});

	it('a failed poll changes nothing; the next one delivers; a restart keeps what was seen', async () => {
		const shop = store();
		const a = shop.order();
		const poller = new ActivePoller(trigger());
		await poller.poll();
		shop.set(a, 'completed');
		const before = JSON.stringify(poller.staticData);
		shop.failOnce();
		await expect(poller.poll()).rejects.toThrow('Database error');
		expect(JSON.stringify(poller.staticData)).toBe(before);
		expect(changes(await poller.poll())).toEqual([`${a}:processing→completed`]);
		poller.restart();
		expect(await poller.poll()).toBeNull();
		shop.set(a, 'refunded');
		expect(changes(await poller.poll())).toEqual([`${a}:completed→refunded`]);
	});

	it('Orders Watched from an expression that is not a whole number fails the poll naming the option, before any request (it would watch nothing)', async () => {
		const shop = store();
		shop.order();
		for (const value of ['={{ "lots" }}', '={{ 2.5 }}', '={{ 0 }}']) {
			const poller = new ActivePoller(trigger([], { watchedOrders: value }));
			await expect(poller.poll()).rejects.toThrow(
				'"Orders Watched" must be a whole number from 1 to 10000, not',
			);
		}
		expect(shop.requests).toEqual([]);
	});

	it('a store that lists oldest first whatever is asked: read to the end, the newest watched', async () => {
		const shop = store({ oldestFirst: true });
		const ids = Array.from({ length: 150 }, () => shop.order());
		const poller = new ActivePoller(trigger([], { watchedOrders: 2 }));
		await poller.poll();
		shop.set(ids[149], 'completed');
		shop.set(ids[0], 'completed'); // far below the watched two
		expect(changes(await poller.poll())).toEqual([`${ids[149]}:processing→completed`]);
		expect(shop.requests.at(-1)?.page).not.toBe('1'); // read past the first page
	});

	it('with Start From, the first activation emits the watched orders created from that date on, in the statuses picked', async () => {
		const shop = store();
		shop.order('completed', '2026-11-01T09:00:00');
		const b = shop.order('completed', '2026-11-02T09:00:00');
		shop.order('processing', '2026-11-03T09:00:00');
		const poller = new ActivePoller({
			...trigger(['completed'], { startFrom: '2026-11-02T00:00:00' }),
			timezone: 'UTC',
		});
		expect(changes(await poller.poll())).toEqual([`${b}:null→completed`]);
		expect(await poller.poll()).toBeNull();
	});

	it('Fetch test event shows the most recently modified orders in the statuses picked, from null, and keeps no state', async () => {
		const shop = store();
		const done = Array.from({ length: 7 }, (_, n) =>
			shop.order('completed', `2026-11-0${n + 1}T10:00:00`),
		);
		shop.order('processing', '2026-11-09T10:00:00');
		// the oldest order was modified last (completed again after a refund, say): it is among the most recent changes
		shop.modified(done[0], '2026-11-30T08:00:00');
		const { items, error } = await runTriggerManually(trigger(['completed']));
		expect(error).toBeUndefined();
		expect(changes(items)).toEqual(
			[done[0], ...done.slice(-4)].map((id) => `${id}:null→completed`),
		);
	});

	it('switching to New Order and back starts afresh each time: nothing from the other event is taken for seen', async () => {
		const shop = store();
		const a = shop.order();
		const status = new ActivePoller(trigger());
		await status.poll();
		const newOrder = new ActivePoller(
			{ ...trigger(), parameters: { event: 'newOrder', options: {} } },
			{ 'node:Node': status.staticData },
		);
		expect(await newOrder.poll()).toBeNull(); // a baseline, not a flood
		const b = shop.order();
		expect((await newOrder.poll())?.map((item) => item.json.id)).toEqual([b]);
		const back = new ActivePoller(trigger(), { 'node:Node': newOrder.staticData });
		shop.set(a, 'completed');
		expect(await back.poll()).toBeNull(); // a new baseline
	});
});
