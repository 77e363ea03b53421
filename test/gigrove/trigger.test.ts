import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runTriggerManually } from '../kit/engine';
import type { NodeUnderTest } from '../kit/engine';
import { API, HOST, TOKEN, bearerCredentials } from './fixtures';

interface Notification extends IDataObject {
	ID: string;
	message: string;
	message_type: string;
	created: string;
	read: boolean;
}

/**
 * A stand-in of the store's lists as WCFM serves them: newest first, `per_page` / `page`, no page
 * headers, notifications split by read status (unread unless asked), a bad token refused.
 */
function store() {
	const notifications: Notification[] = [];
	const orders: IDataObject[] = [];
	const requests: Array<{ path: string; query: Record<string, string> }> = [];
	let failNext = false;
	const page = <T>(list: T[], query: Record<string, string>) => {
		const perPage = Number(query.per_page ?? 10);
		const start = (Number(query.page ?? 1) - 1) * perPage;
		return list.slice(start, start + perPage);
	};
	nock(HOST)
		.get(/\/api\/request\/v1\/(notifications|orders)\//)
		.query(true)
		.reply(function (uri) {
			const url = new URL(uri, HOST);
			const query = Object.fromEntries(url.searchParams);
			requests.push({ path: url.pathname.slice(API.length), query });
			if (this.req.headers.authorization !== `Bearer ${TOKEN}`)
				return [401, { code: 'rest_forbidden', message: 'Bad token' }];
			if (failNext) {
				failNext = false;
				return [500, { code: 'internal', message: 'Database error' }];
			}
			if (url.pathname.endsWith('/orders/')) return [200, page([...orders].reverse(), query)];
			const status = query.notification_status ?? 'unread';
			const listed = notifications
				.filter((n) => n.read === (status === 'read'))
				.filter((n) => !query.notification_type || n.message_type === query.notification_type);
			const served = listed.map((n) =>
				Object.fromEntries(Object.entries(n).filter(([key]) => key !== 'read')),
			);
			return [200, page(served.reverse(), query)];
		})
		.persist();
	let next = 100;
	return {
		requests,
		failOnce: () => (failNext = true),
		notify(type = 'order', created = '2026-11-20 10:00:00', read = false) {
			const id = String(next++);
			notifications.push({
				ID: id,
				message: `Notification ${id}`,
				message_type: type,
				created,
				read,
			});
			return id;
		},
		read: (id: string) => (notifications.find((n) => n.ID === id)!.read = true),
		order(created = '2026-11-20 10:00:00') {
			const id = next++;
			orders.push({ id, status: 'processing', date_created: created, total: '10.00' });
			return id;
		},
	};
}

const trigger = (event: string, options: IDataObject = {}): NodeUnderTest => ({
	type: 'gigroveTrigger',
	credentials: bearerCredentials,
	parameters: { event, options: options as INodeParameters },
});
const ids = (items: Array<{ json: IDataObject }> | null, field = 'ID') =>
	(items ?? []).map((item) => item.json[field]);

describe('Gigrove Trigger › New Notification', () => {
	it('first activation notes what exists; then each new notification exactly once, oldest first', async () => {
		const shop = store();
		shop.notify();
		shop.notify();
		const poller = new ActivePoller(trigger('newNotification'));
		expect(await poller.poll()).toBeNull();

		const a = shop.notify('order');
		const b = shop.notify('product_review');
		const emitted = await poller.poll();
		expect(ids(emitted)).toEqual([a, b]);
		expect(emitted![0].json).toEqual({
			ID: a,
			message: `Notification ${a}`,
			message_type: 'order',
			created: '2026-11-20 10:00:00',
		});
		expect(await poller.poll()).toBeNull(); // the same poll run twice
		expect(shop.requests.at(-1)).toEqual({
			path: '/notifications/',
			query: {
				orderby: 'ID',
				order: 'desc',
				notification_status: 'read',
				per_page: '100',
				page: '1',
			},
		});
	});

	it('pages until past the last seen ID, across many new notifications, each page overlapping the one before', async () => {
		const shop = store();
		shop.notify();
		const poller = new ActivePoller(trigger('newNotification'));
		await poller.poll();
		const fresh = Array.from({ length: 250 }, () => shop.notify());
		const emitted = await poller.poll();
		expect(ids(emitted)).toEqual(fresh);
		const unreadPages = shop.requests
			.filter((r) => r.query.notification_status === 'unread')
			.map((r) => `${r.query.per_page}×${r.query.page}`);
		// records 0–99, 99–197, 196–293: each page starts one record or more before the last one ended
		expect(unreadPages.slice(-3)).toEqual(['100×1', '99×2', '98×3']);
	});

	it('sees notifications read in the dashboard before the poll, unless told to watch unread ones only', async () => {
		const shop = store();
		const poller = new ActivePoller(trigger('newNotification'));
		const unreadOnly = new ActivePoller(trigger('newNotification', { includeRead: false }));
		await poller.poll();
		await unreadOnly.poll();
		const id = shop.notify();
		shop.read(id);
		expect(ids(await poller.poll())).toEqual([id]);
		expect(await unreadOnly.poll()).toBeNull();
	});

	it('a notification that moves from unread to read is not emitted twice', async () => {
		const shop = store();
		const poller = new ActivePoller(trigger('newNotification'));
		await poller.poll();
		const id = shop.notify();
		expect(ids(await poller.poll())).toEqual([id]);
		shop.read(id);
		expect(await poller.poll()).toBeNull();
	});

	it('filters by message type', async () => {
		const shop = store();
		const poller = new ActivePoller(trigger('newNotification', { messageType: 'order' }));
		await poller.poll();
		shop.notify('product_review');
		const order = shop.notify('order');
		expect(ids(await poller.poll())).toEqual([order]);
		expect(shop.requests.at(-1)?.query.notification_type).toBe('order');
	});

	it('a failed poll changes nothing; the next delivers; a restart keeps what was emitted', async () => {
		const shop = store();
		const poller = new ActivePoller(trigger('newNotification'));
		await poller.poll();
		const a = shop.notify();
		const before = JSON.stringify(poller.staticData);
		shop.failOnce();
		await expect(poller.poll()).rejects.toThrow('Database error');
		expect(JSON.stringify(poller.staticData)).toBe(before);
		expect(ids(await poller.poll())).toEqual([a]);
		poller.restart();
		expect(await poller.poll()).toBeNull();
		const b = shop.notify();
		expect(ids(await poller.poll())).toEqual([b]);
	});

	it('with Start From, the first activation emits the notifications created from that date on', async () => {
		const shop = store();
		shop.notify('order', '2026-11-01 09:00:00');
		const b = shop.notify('order', '2026-11-02 09:00:00');
		const c = shop.notify('order', '2026-11-03 09:00:00', true);
		const poller = new ActivePoller({
			...trigger('newNotification', { startFrom: '2026-11-02T00:00:00' }),
			timezone: 'UTC',
		});
		expect(ids(await poller.poll())).toEqual([b, c]);
		expect(await poller.poll()).toBeNull();
	});

	it('Fetch test event shows recent notifications and keeps no state', async () => {
		const shop = store();
		const all = Array.from({ length: 7 }, () => shop.notify());
		const { items, error } = await runTriggerManually(trigger('newNotification'));
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(all.slice(-5));
	});
});

describe('Gigrove Trigger › New Order', () => {
	it('baseline, then new orders once, by order ID', async () => {
		const shop = store();
		shop.order();
		const poller = new ActivePoller(trigger('newOrder'));
		expect(await poller.poll()).toBeNull();
		const a = shop.order();
		const b = shop.order();
		expect(ids(await poller.poll(), 'id')).toEqual([a, b]);
		const before = shop.requests.length;
		expect(await poller.poll()).toBeNull();
		expect(shop.requests[before]).toEqual({
			path: '/orders/',
			query: { orderby: 'order_id', order: 'desc', per_page: '100', page: '1' },
		});
	});

	it('keeps a bounded state across 10 000 orders', async () => {
		const shop = store();
		const poller = new ActivePoller(trigger('newOrder'));
		await poller.poll();
		for (let n = 0; n < 10_000; n++) shop.order();
		expect(await poller.poll()).toHaveLength(10_000);
		expect(await poller.poll()).toBeNull();
		// the next poll reads from LATE_ID_WINDOW (20) IDs below the cursor: only those keys are needed
		const window = Array.from({ length: 21 }, (_, n) => String(10079 + n));
		expect(poller.staticData.pollState).toMatchObject({
			cursor: '10099',
			seen: window.map((id) => [id, id]),
		});
		expect(JSON.stringify(poller.staticData).length).toBeLessThan(700);
	});

	it('state saved by the previous version (keys without positions) loads as it was', async () => {
		const shop = store();
		const existing = Array.from({ length: 5 }, () => shop.order());
		const saved = {
			'node:Node': {
				pollState: {
					v: 1,
					config: JSON.stringify(['newOrder', ['unread', 'read'], '']),
					cursor: '104',
					seen: existing.map(String),
				},
			},
		};
		const poller = new ActivePoller(trigger('newOrder'), saved);
		const a = shop.order(); // not a new baseline: emitted
		expect(ids(await poller.poll(), 'id')).toEqual([a]);
		expect(await poller.poll()).toBeNull();
		const b = shop.order();
		expect(ids(await poller.poll(), 'id')).toEqual([b]);
		poller.restart();
		expect(await poller.poll()).toBeNull();
	});
});
