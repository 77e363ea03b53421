import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runTriggerManually } from '../kit/engine';
import type { NodeUnderTest } from '../kit/engine';
import { HOST, PATH, credentials } from './fixtures';

/** Valigara's orders export as the node assumes it: orders dated from `date_from` on, in one reply. */
function ordersExport(store: IDataObject[]) {
	const requests: Array<IDataObject | undefined> = [];
	let failNext = false;
	nock(HOST)
		.post(PATH)
		.query(true)
		.reply(function (_uri, body) {
			const form = new URLSearchParams(String(body));
			const data = form.get('data') ? (JSON.parse(form.get('data')!) as IDataObject) : undefined;
			requests.push(data);
			if (failNext) {
				failNext = false;
				return [200, { status: 201, data: 'temporary failure' }];
			}
			const from = data?.date_from as string | undefined;
			const to = data?.date_to as string | undefined;
			const inWindow = (record: IDataObject) =>
				(!from || String(record.order_date) >= from) && (!to || String(record.order_date) <= to);
			return [200, { status: 100, data: store.filter(inWindow) }];
		})
		.persist();
	return { requests, failOnce: () => (failNext = true) };
}

const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
/** a date so many minutes before now (n8n's clock, and the stand-in's) */
const ago = (minutes: number) => wallClock(Date.now() - minutes * 60_000);
const DAY = 24 * 60;
const order = (id: number, status: string, minutesAgo = 60, field = 'status') => ({
	order_id: id,
	order_date: ago(minutesAgo),
	[field]: status,
	total: `${id}.00`,
});

const trigger = (statuses = '', options: IDataObject = {}): NodeUnderTest => ({
	type: 'valigaraTrigger',
	credentials,
	parameters: { event: 'orderStatusChanged', statuses, options: options as INodeParameters },
});
const changes = (items: INodeExecutionData[] | null) =>
	(items ?? []).map((item) => {
		const { from, to } = item.json.statusChange as IDataObject;
		return `${String(item.json.order_id)}:${String(from)}→${String(to)}`;
	});
const find = (store: IDataObject[], id: number) => store.find((record) => record.order_id === id)!;

describe('Valigara Trigger › Order Status Changed', () => {
	it('first activation emits nothing; each change comes out once, with the old and the new status; it reads the last 14 days', async () => {
		const store: IDataObject[] = [order(1, 'new', 3 * DAY), order(2, 'paid', 2 * DAY)];
		const api = ordersExport(store);
		const poller = new ActivePoller(trigger());
		expect(await poller.poll()).toBeNull();
		find(store, 1).status = 'shipped';
		const emitted = await poller.poll();
		expect(changes(emitted)).toEqual(['1:new→shipped']);
		expect(emitted![0].json).toEqual({
			...find(store, 1),
			statusChange: { from: 'new', to: 'shipped' },
		});
		expect(await poller.poll()).toBeNull(); // the same poll run twice
		// every poll reads from 14 days back (to the minute: the polls ran a moment ago), in parts when a reply may have been cut
		const fourteenDays = ago(14 * DAY).slice(0, 16);
		const starts = api.requests.map((data) => String(data?.date_from).slice(0, 16));
		expect(starts.filter((start) => start === fourteenDays).length).toBeGreaterThanOrEqual(3);
		expect(starts.every((start) => start >= fourteenDays)).toBe(true);
	});

	it('an order created and shipped between two polls comes out from null; changes to statuses not listed are remembered, not emitted', async () => {
		const store: IDataObject[] = [order(1, 'new')];
		ordersExport(store);
		const poller = new ActivePoller(trigger(' shipped , cancelled'));
		await poller.poll();
		store.push(order(2, 'shipped', 1), order(3, 'paid', 1));
		find(store, 1).status = 'paid';
		expect(changes(await poller.poll())).toEqual(['2:null→shipped']);
		find(store, 1).status = 'cancelled';
		find(store, 3).status = 'shipped';
		expect(changes(await poller.poll())).toEqual(['1:paid→cancelled', '3:paid→shipped']);
	});

	it('several changes between polls: the latest, from the status seen last; a change undone shows nothing', async () => {
		const store: IDataObject[] = [order(1, 'new', 90), order(2, 'new')];
		ordersExport(store);
		const poller = new ActivePoller(trigger());
		await poller.poll();
		find(store, 1).status = 'paid';
		find(store, 1).status = 'shipped';
		find(store, 2).status = 'paid';
		find(store, 2).status = 'new';
		expect(changes(await poller.poll())).toEqual(['1:new→shipped']);
	});

	it('watches the orders of the last Days Watched days: an older one is not seen, and never taken for new', async () => {
		const store: IDataObject[] = [order(1, 'new', 3 * DAY), order(2, 'new', 30)];
		const api = ordersExport(store);
		const poller = new ActivePoller(trigger('', { watchedDays: 2 }));
		await poller.poll();
		expect(String(api.requests[0]?.date_from).slice(0, 16)).toBe(ago(2 * DAY).slice(0, 16));
		find(store, 1).status = 'shipped';
		find(store, 2).status = 'shipped';
		expect(changes(await poller.poll())).toEqual(['2:new→shipped']);
		// an order saved late with a date older than the look-back and the window: noted, not emitted
		store.push(order(3, 'shipped', 3 * DAY));
		expect(await poller.poll()).toBeNull();
	});

	it('a baseline that finds no order in its days: an order just before them, read through the look-back, is not new', async () => {
		const store: IDataObject[] = [order(1, 'shipped', 2 * DAY + 30)];
		ordersExport(store);
		const poller = new ActivePoller(trigger('', { watchedDays: 2 }));
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();
		store.push(order(2, 'paid', 1));
		expect(changes(await poller.poll())).toEqual(['2:null→paid']);
	});

	it('Days Watched or Look Back from an expression that is not a whole number fails the poll naming the option, before any request', async () => {
		const api = ordersExport([order(1, 'new', 10)]);
		for (const [options, message] of [
			[
				{ watchedDays: '={{ "two weeks" }}' },
				'"Days Watched" must be a whole number from 1 to 366, not text',
			],
			[
				{ watchedDays: '={{ 0.5 }}' },
				'"Days Watched" must be a whole number from 1 to 366, not 0.5',
			],
			[
				{ overlapMinutes: '={{ "an hour" }}' },
				'"Look Back (Minutes)" must be a whole number from 0 to',
			],
		] as const) {
			await expect(new ActivePoller(trigger('', options)).poll()).rejects.toThrow(message);
		}
		expect(api.requests).toEqual([]);
	});

	it('an order saved late, dated within Look Back before the newest: new, from null', async () => {
		const store: IDataObject[] = [order(1, 'new', 10)];
		ordersExport(store);
		const poller = new ActivePoller(trigger());
		await poller.poll();
		store.push(order(2, 'paid', 50));
		expect(changes(await poller.poll())).toEqual(['2:null→paid']);
	});

	it('reads the status from the Status Field option; a record without it fails the poll, naming the option, and changes nothing', async () => {
		const store: IDataObject[] = [order(1, 'new', 60, 'order_status')];
		ordersExport(store);
		const poller = new ActivePoller(trigger('', { statusField: 'order_status' }));
		await poller.poll();
		find(store, 1).order_status = 'shipped';
		expect(changes(await poller.poll())).toEqual(['1:new→shipped']);

		const wrong = new ActivePoller(trigger());
		await expect(wrong.poll()).rejects.toThrow('An order from Valigara has no "status" field');
		await expect(wrong.poll()).rejects.toMatchObject({
			description: expect.stringContaining('Set "Status Field"'),
		});
		expect(wrong.staticData).toEqual({});
	});

	it('a failed poll changes nothing; the next one delivers; a restart keeps what was seen', async () => {
		const store: IDataObject[] = [order(1, 'new')];
		const api = ordersExport(store);
		const poller = new ActivePoller(trigger());
		await poller.poll();
		find(store, 1).status = 'paid';
		const before = JSON.stringify(poller.staticData);
		api.failOnce();
		await expect(poller.poll()).rejects.toThrow();
		expect(JSON.stringify(poller.staticData)).toBe(before);
		expect(changes(await poller.poll())).toEqual(['1:new→paid']);
		poller.restart();
		expect(await poller.poll()).toBeNull();
	});

	it('Fetch test event shows the newest orders in the statuses listed and keeps no state', async () => {
		const store: IDataObject[] = Array.from({ length: 7 }, (_, n) =>
			order(n + 1, 'shipped', 100 - n),
		);
		store.push(order(8, 'new', 1));
		ordersExport(store);
		const { items, error } = await runTriggerManually(trigger('shipped'));
		expect(error).toBeUndefined();
		expect(changes(items)).toEqual([3, 4, 5, 6, 7].map((id) => `${id}:null→shipped`));
	});

	it('a changed Status Field starts afresh with a new baseline', async () => {
		const store: IDataObject[] = [order(1, 'new')];
		ordersExport(store);
		const poller = new ActivePoller(trigger());
		await poller.poll();
		store[0] = { ...store[0], state: 'paid' };
		const other = new ActivePoller(trigger('', { statusField: 'state' }), {
			'node:Node': poller.staticData,
		});
		expect(await other.poll()).toBeNull();
	});
});
