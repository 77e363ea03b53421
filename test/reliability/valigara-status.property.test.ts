/**
 * Valigara Trigger › Order Status Changed, property-based: over random histories, every status
 * change of a watched order comes out exactly once, with the status seen at the poll before and
 * the one now, and nothing else does (status-oracle.ts says exactly what is due).
 *
 * A history mixes orders arriving (dated now, or late: within Look Back before the newest; some
 * already shipped: created and changed between two polls), orders changing status (once, several
 * times between two polls, or there and back), bursts of up to ten replies' worth, orders leaving
 * the export, changes to orders older than the bound, time passing (minutes, or days: orders leave
 * the watched days), polls, polls failing on one of their requests (HTTP 500, an HTML 502, a
 * Valigara error code in a 200, a rate limit, a dropped connection, a truncated or empty reply),
 * polls run twice, orders arriving, changing or leaving while a poll reads, and restarts from the
 * JSON of the static data; against an export that cuts its replies, pages by the guessed keys,
 * ignores or refuses them, lists in any order, and a server clock that differs from n8n's by up to
 * half a day. It ends with one poll that succeeds.
 *
 * The bound, as the trigger documents it: the orders dated within Days Watched before now (n8n's
 * clock), at least those within Look Back of its cursor, and every order created since the last
 * poll dated from the cursor minus Look Back on. An order surely inside (a minute from the edge)
 * at two polls in a row gets the exact promise; one surely outside (before both the window and the
 * baseline's window minus Look Back) never comes out.
 *
 * The service is a stand-in on the loopback interface (stand-in.ts), made anew for each history.
 * RELIABILITY_RUNS=<n> sets the number of histories (100 by default; CI runs 1 000).
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ActivePoller } from '../kit/engine';
import { ACCESS_KEY, PATH } from '../valigara/fixtures';
import { StatusOracle } from './status-oracle';
import type { Emission, Snapshot, Standing } from './status-oracle';
import { startStandIn, withoutNock } from './stand-in';
import type { Answer, Received, StandIn } from './stand-in';
import { RUNS, fakeDateOnly, rareCases, replay } from './property-kit';
import { FAULTS, answerOrdersExport, faultReply } from './valigara-export';
import type { ExportOrder, Fault } from './valigara-export';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MARGIN = MINUTE;
jest.setTimeout(300_000);

type Status = 'new' | 'paid' | 'shipped' | 'cancelled';
const STATUSES: Status[] = ['new', 'paid', 'shipped', 'cancelled'];

/** per order: its status, and undefined = dated now; n = n‰ of Look Back before the newest order */
type Arrival = Array<{ status: Status; late?: number }>;

type Step =
	| { kind: 'arrive'; advance: number; arrival: Arrival }
	| { kind: 'change'; advance: number; changes: Array<{ pick: number; path: Status[] }> }
	| { kind: 'changeOld'; advance: number; pick: number; status: Status }
	| { kind: 'burst'; advance: number; count: number; pages: number }
	| { kind: 'hide'; advance: number; picks: number[] }
	| { kind: 'days'; advance: number; days: number }
	| { kind: 'poll'; advance: number }
	| { kind: 'pollTwice'; advance: number }
	| { kind: 'failingPoll'; advance: number; at: number; fault: Fault }
	| {
			kind: 'duringPoll';
			advance: number;
			after: number;
			arrival: Arrival;
			change: Array<{ pick: number; status: Status }>;
			hide: number[];
	  }
	| { kind: 'restart'; advance: number };

interface History {
	/** Options › Days Watched */
	days: number;
	/** Options › To Statuses (empty: any) */
	statuses: Status[];
	cap?: number;
	paging: 'ignore' | 'honour' | 'reject';
	/** server clock minus n8n clock */
	skew: number;
	overlapMinutes: number;
	exportOrder: ExportOrder;
	shuffleSeed: number;
	/** orders existing before activation: age in minutes by the server's clock, and status */
	existing: Array<{ age: number; status: Status }>;
	/** orders existing before activation around the edge of the watched days: minutes after it (before it when negative) */
	nearEdge: Array<{ offset: number; status: Status }>;
	beforeBaseline: Step[];
	steps: Step[];
}

interface Order extends IDataObject {
	order_id: string;
	order_date: string;
	status: Status;
}

const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const msOf = (date: string) => Date.parse(`${date.replace(' ', 'T')}Z`);

/** The stand-in orders export: orders dated from `date_from` (to `date_to`) on, in the order the history chose. */
class OrdersExport {
	orders: Order[] = [];
	n8nNow = Date.UTC(2026, 10, 20, 9, 0, 0);
	private nextId = 1;
	requests = 0;
	failure?: { at: number; fault: Fault };
	failed = false;
	during?: { after: number; act: () => void };
	/** the newest date any order ever had: no cursor is newer */
	highWater = 0;
	/** the baseline's window start (n8n's clock at the baseline minus Days Watched) */
	baselineWindow?: number;
	private readonly dates = new Set<string>();

	constructor(
		private readonly history: History,
		readonly oracle: StatusOracle,
	) {}

	get serverNow() {
		return this.n8nNow + this.history.skew;
	}

	newestMs(): number | undefined {
		return this.orders.length
			? Math.max(...this.orders.map((order) => msOf(order.order_date)))
			: undefined;
	}

	add(ms: number, status: Status): Order {
		const id = this.nextId++;
		let date = wallClock(ms);
		// no two orders share a second (more orders in one second than a reply holds could not be read apart)
		while (this.dates.has(date)) date = wallClock(msOf(date) + 1000);
		this.dates.add(date);
		const order = { order_id: `V-${id}`, order_date: date, status, total: `${id}.00` };
		this.orders.push(order);
		this.oracle.status(order.order_id, status);
		this.highWater = Math.max(this.highWater, msOf(date));
		return order;
	}

	arrive(arrival: Arrival): Order[] {
		return arrival.map(({ status, late }) => {
			const newest = this.newestMs();
			if (late === undefined || newest === undefined) return this.add(this.serverNow, status);
			return this.add(
				newest - Math.floor((this.history.overlapMinutes * MINUTE * late) / 1000 / 1000) * 1000,
				status,
			);
		});
	}

	set(order: Order, status: Status): void {
		order.status = status;
		this.oracle.status(order.order_id, status);
	}

	/** among the orders of the watched days and a little before (most changes land inside, some on the edge) */
	pick(pick: number): Order | undefined {
		const from = this.n8nNow - this.history.days * DAY - 60 * MINUTE;
		const list = this.orders.filter((order) => msOf(order.order_date) >= from);
		return list.length ? list[pick % list.length] : undefined;
	}

	hide(order: Order): void {
		this.orders = this.orders.filter((o) => o !== order);
	}

	/** where an order stands: inside the watched days, before them and before anything a read may reach, or near the edge */
	snapshot(): Snapshot {
		const windowStart = this.n8nNow - this.history.days * DAY;
		const reach = Math.min(
			windowStart,
			(this.baselineWindow ?? windowStart) - this.history.overlapMinutes * MINUTE,
		);
		const dateOf = new Map(this.orders.map((order) => [order.order_id, msOf(order.order_date)]));
		const standing = (key: string): Standing => {
			const date = dateOf.get(key)!;
			if (date >= windowStart + MARGIN) return 'watched';
			if (date < reach - MARGIN) return 'outside';
			return 'edge';
		};
		// created since the last poll: new to the trigger if dated from its cursor (at most the high water then) minus Look Back on
		const highWater = this.highWater;
		const created = (key: string): Standing => {
			const date = dateOf.get(key)!;
			const lookBack = highWater - this.history.overlapMinutes * MINUTE;
			return standing(key) === 'watched' &&
				date >= lookBack + MARGIN &&
				date >= (this.baselineWindow ?? 0) + MARGIN
				? 'watched'
				: 'edge';
		};
		return {
			statuses: new Map(this.orders.map((order) => [order.order_id, order.status])),
			standing,
			created,
		};
	}

	startPoll(failure?: { at: number; fault: Fault }, during?: { after: number; act: () => void }) {
		this.requests = 0;
		this.failed = false;
		this.failure = failure;
		this.during = during;
	}

	reply(request: Received): Answer {
		const index = this.requests++;
		let result: Answer;
		if (this.failure && this.failure.at === index) {
			this.failed = true;
			result = faultReply(this.failure.fault);
		} else {
			const { answer } = answerOrdersExport(request, this.orders, this.history);
			result = answer;
		}
		if (this.during && this.during.after === index) this.during.act();
		return result;
	}
}

// ── generators ──────────────────────────────────────────────────────────────────────────────

const status = fc.constantFrom(...STATUSES);
const advance = fc.integer({ min: 0, max: 90 });
const arrival: fc.Arbitrary<Arrival> = fc.array(
	fc.record(
		{ status, late: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined, freq: 2 }) },
		{ requiredKeys: ['status'] },
	),
	{ minLength: 1, maxLength: 4 },
);
const failingPoll = fc.record({
	kind: fc.constant('failingPoll' as const),
	advance,
	at: fc.integer({ min: 0, max: 2 }),
	fault: fc.constantFrom(...FAULTS),
});
const arrive = fc.record({ kind: fc.constant('arrive' as const), advance, arrival });
const restart = fc.record({ kind: fc.constant('restart' as const), advance });

const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 4, arbitrary: arrive },
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('change' as const),
			advance,
			changes: fc.array(
				fc.record({ pick: fc.nat(), path: fc.array(status, { minLength: 1, maxLength: 3 }) }),
				{ minLength: 1, maxLength: 4 },
			),
		}),
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('changeOld' as const),
			advance,
			pick: fc.nat(),
			status,
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('burst' as const),
			advance,
			count: fc.integer({ min: 60, max: 150 }),
			pages: fc.integer({ min: 1, max: 10 }),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('hide' as const),
			advance,
			picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('days' as const),
			advance,
			days: fc.integer({ min: 1, max: 40 }).map((tenths) => tenths / 10),
		}),
	},
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant('poll' as const), advance }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('pollTwice' as const), advance }) },
	{ weight: 2, arbitrary: failingPoll },
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('duringPoll' as const),
			advance,
			after: fc.integer({ min: 0, max: 2 }),
			arrival: fc.array(
				fc.record(
					{ status, late: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }) },
					{ requiredKeys: ['status'] },
				),
				{ maxLength: 2 },
			),
			change: fc.array(fc.record({ pick: fc.nat(), status }), { maxLength: 2 }),
			hide: fc.array(fc.nat(), { maxLength: 1 }),
		}),
	},
	{ weight: 1, arbitrary: restart },
);

const history: fc.Arbitrary<History> = fc
	.record({
		days: fc.constantFrom(1, 2, 14),
		statuses: fc.oneof(
			fc.constant<Status[]>([]),
			fc.constant<Status[]>(['shipped']),
			fc.constant<Status[]>(['shipped', 'cancelled']),
		),
		cap: fc.option(fc.constantFrom(1, 2, 3, 7, 15, 40), { nil: undefined, freq: 2 }),
		paging: fc.constantFrom<History['paging']>('ignore', 'ignore', 'honour', 'reject'),
		// minutes to half a day either way: time zones, drift
		skew: fc.integer({ min: -720, max: 720 }).map((minutes) => minutes * MINUTE),
		overlapMinutes: fc.constantFrom(0, 5, 60, 240),
		exportOrder: fc.constantFrom<ExportOrder>('oldestFirst', 'newestFirst', 'shuffled'),
		shuffleSeed: fc.nat(),
		existing: fc.array(
			fc.record({
				age: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 45 * 24 * 60 })),
				status,
			}),
			{ maxLength: 12 },
		),
		nearEdge: fc.array(fc.record({ offset: fc.integer({ min: -300, max: 300 }), status }), {
			maxLength: 3,
		}),
		beforeBaseline: fc.array(fc.oneof(failingPoll, arrive, restart), { maxLength: 2 }),
		steps: fc.array(step, { maxLength: 8 }),
	})
	// a reply of one order cannot be told from a cut one when paging does not work (see the New Order suite)
	.map((h) => (h.cap === 1 && h.paging !== 'honour' ? { ...h, cap: 2 } : h));

// ── running a history ───────────────────────────────────────────────────────────────────────

const trigger = (h: History) => ({
	type: 'valigaraTrigger',
	credentials: { valigaraApi: { apiKey: ACCESS_KEY, baseUrl: `${standIn.origin}${PATH}` } },
	parameters: {
		event: 'orderStatusChanged',
		statuses: h.statuses.join(', '),
		options: { overlapMinutes: h.overlapMinutes, watchedDays: h.days } as INodeParameters,
	},
});

function check(condition: boolean, message: string): void {
	if (!condition) throw new Error(message);
}

const emissionsOf = (items: INodeExecutionData[] | null): Emission[] =>
	(items ?? []).map((item) => {
		const change = item.json.statusChange as { from: string | null; to: string };
		return { key: String(item.json.order_id), from: change.from, to: change.to };
	});

async function runHistory(h: History): Promise<void> {
	const oracle = new StatusOracle(
		(s) => h.statuses.length === 0 || h.statuses.includes(s as Status),
	);
	const api = new OrdersExport(h, oracle);
	current = api;
	for (const { age, status: s } of h.existing) api.add(api.serverNow - age * MINUTE, s);
	for (const { offset, status: s } of h.nearEdge)
		api.add(api.n8nNow - h.days * DAY + offset * MINUTE, s);
	const setClock = () => jest.setSystemTime(api.n8nNow);
	setClock();
	const poller = new ActivePoller(trigger(h));
	let activated = false;

	async function poll(
		failure?: { at: number; fault: Fault },
		during?: Extract<Step, { kind: 'duringPoll' }>,
	): Promise<INodeExecutionData[] | null | 'failed'> {
		const before = JSON.stringify(poller.staticData);
		if (!activated) api.baselineWindow = api.n8nNow - h.days * DAY;
		const snapshot = api.snapshot();
		const act = () => {
			for (const order of api.arrive(during!.arrival)) oracle.touchedDuringPoll(order.order_id);
			for (const { pick, status: s } of during!.change) {
				const order = api.pick(pick);
				if (order) {
					api.set(order, s);
					oracle.touchedDuringPoll(order.order_id);
				}
			}
			for (const pick of during!.hide) {
				const order = api.pick(pick);
				if (order) {
					api.hide(order);
					oracle.touchedDuringPoll(order.order_id);
				}
			}
		};
		api.startPoll(failure, during && { after: during.after, act });
		let items: INodeExecutionData[] | null;
		try {
			items = await poller.poll();
		} catch (error) {
			check(JSON.stringify(poller.staticData) === before, 'a failed poll changed the saved state');
			oracle.failed();
			if (!activated) api.baselineWindow = undefined;
			// replies of 1 or 2 orders cannot overlap (a cap, or an export of 1 or 2 orders in the days read: the service
			// may serve no more a reply): a poll whose export changed while read says it cannot be sure, and the next reads again
			const unsure =
				(error as Error).message === 'Could not read every order of this poll from Valigara';
			const read = [...snapshot.statuses.keys()].filter(
				(key) => snapshot.standing(key) !== 'outside',
			).length;
			if (!api.failed && unsure && ((h.cap ?? Infinity) <= 2 || (read <= 2 && during))) {
				tally.unsurePolls++;
				return 'failed';
			}
			check(api.failed, `a poll failed that was not told to: ${String(error)}`);
			check(
				(error as Error).name === 'NodeApiError',
				`a failed poll threw ${(error as Error).name}, not a NodeApiError`,
			);
			tally[failure!.fault]++;
			return 'failed';
		}
		check(!api.failed, 'a poll told to fail succeeded');
		const emitted = emissionsOf(items);
		if (!activated) {
			oracle.baseline(snapshot, emitted);
			activated = true;
		} else {
			oracle.poll(snapshot, emitted);
			if (h.cap !== undefined && emitted.length > h.cap) tally.cappedPolls++;
			if (during) tally.duringPolls++;
		}
		return items;
	}

	async function run(s: Step) {
		api.n8nNow += s.advance * MINUTE;
		setClock();
		switch (s.kind) {
			case 'arrive':
				api.arrive(s.arrival);
				return;
			case 'change':
				for (const { pick, path } of s.changes) {
					const order = api.pick(pick);
					if (order) path.forEach((st) => api.set(order, st));
				}
				return;
			case 'changeOld': {
				const windowStart = api.n8nNow - h.days * DAY;
				const reach = Math.min(
					windowStart,
					(api.baselineWindow ?? windowStart) - h.overlapMinutes * MINUTE,
				);
				const old = api.orders.filter((order) => msOf(order.order_date) < reach - MARGIN);
				if (old.length) api.set(old[s.pick % old.length], s.status);
				return;
			}
			case 'burst': {
				const count = h.cap === undefined ? s.count : Math.min(s.pages * h.cap, 200);
				api.arrive(
					Array.from({ length: count }, (_, n) => ({
						status: STATUSES[n % STATUSES.length],
						late: 1000 - Math.floor((1000 * n) / count),
					})),
				);
				if (activated) tally.bursts++;
				return;
			}
			case 'hide':
				for (const pick of s.picks) {
					const order = api.pick(pick);
					if (order) api.hide(order);
				}
				if (activated) tally.hidden++;
				return;
			case 'days':
				api.n8nNow += s.days * DAY;
				setClock();
				if (activated) tally.daysPassed++;
				return;
			case 'poll':
				await poll();
				return;
			case 'pollTwice': {
				const first = await poll();
				const again = await poll();
				check(
					!activated || first === 'failed' || again === null,
					'a poll run twice emitted items the second time',
				);
				return;
			}
			case 'failingPoll':
				await poll({ at: s.at, fault: s.fault });
				return;
			case 'duringPoll':
				await poll(undefined, s);
				return;
			case 'restart':
				poller.restart();
				if (activated) tally.restarts++;
				return;
		}
	}

	for (const s of h.beforeBaseline) await run(s);
	while (!activated) await poll();
	for (const s of h.steps) await run(s);
	while ((await poll()) === 'failed');

	expect(oracle.problems).toEqual([]);
	for (const [name, count] of Object.entries(oracle.counts))
		tally[name as keyof typeof oracle.counts] += count;
}

const tally = {
	exactChanges: 0,
	exactNew: 0,
	exactNone: 0,
	multiStep: 0,
	undone: 0,
	outsideChanged: 0,
	restarts: 0,
	bursts: 0,
	hidden: 0,
	daysPassed: 0,
	cappedPolls: 0,
	duringPolls: 0,
	unsurePolls: 0,
	...(Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<Fault, number>),
};

let current: OrdersExport | undefined;
let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn((request) => current!.reply(request));
	// only Date is faked: n8n's clock, which the watched days count back from
	fakeDateOnly();
});

afterAll(async () => {
	jest.useRealTimers();
	await standIn.close();
});

describe('Valigara Trigger › Order Status Changed › random histories (fast-check)', () => {
	it(`emits every status change of a watched order exactly once, with the status before, and nothing else (${RUNS} histories)`, async () => {
		await withoutNock(
			async () =>
				await fc.assert(fc.asyncProperty(history, runHistory), { numRuns: RUNS, ...replay }),
		);
		// each case seen often enough (about a third of what 1 000 histories give): the generator is not degenerate
		const least = {
			exactChanges: 230,
			exactNew: 1000,
			multiStep: 170,
			undone: 60,
			outsideChanged: 55,
			restarts: 50,
			bursts: 45,
			hidden: 45,
			daysPassed: 45,
			cappedPolls: 25,
			duringPolls: 100,
			...Object.fromEntries(FAULTS.map((f) => [f, 20])),
		};
		const rare = rareCases(tally, least);
		expect({ rare, tally }).toEqual({ rare: [], tally });
	}, 300_000);
});
