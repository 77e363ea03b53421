/**
 * Gigrove Trigger › Order Status Changed, property-based: over random histories, every status
 * change of a watched order comes out exactly once, with the status seen at the poll before and
 * the one now, and nothing else does (status-oracle.ts says exactly what is due).
 *
 * A history mixes orders arriving (some already completed or cancelled: created and changed
 * between two polls), orders changing status (once, several times between two polls, or there and
 * back), bursts of up to ten pages of new orders, orders trashed (they leave the list, every later
 * one moves up and an order below the bound enters it), changes to orders far below the bound,
 * polls, polls failing on one of their requests (HTTP 500, an HTML 502, a refused token, a rate
 * limit, a dropped connection, a truncated or empty reply, an object where a list was expected),
 * polls run twice, orders arriving, changing or leaving while a poll pages, and restarts from the
 * JSON of the static data; against a store that caps its pages (clamping or cutting them) and one
 * that lists oldest first whatever is asked. It ends with one poll that succeeds.
 *
 * The bound, as the trigger documents it: the newest Orders Watched orders by ID, those within 20
 * IDs of the newest (the late-ID window), and every order created since the last poll. An order
 * surely inside (8 ranks or 5 IDs from the edge, room for what moves while a poll reads) at two
 * polls in a row gets the exact promise; one surely outside never comes out.
 *
 * The service is a stand-in on the loopback interface (stand-in.ts), made anew for each history.
 * A failure shows the shrunk history and the seed to replay it. RELIABILITY_RUNS=<n> sets the
 * number of histories (100 by default; CI runs 1 000).
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { API, TOKEN, bearerCredentials } from '../gigrove/fixtures';
import { ActivePoller } from '../kit/engine';
import { StatusOracle } from './status-oracle';
import type { Emission, Snapshot, Standing } from './status-oracle';
import { startStandIn, withoutNock } from './stand-in';
import type { Answer, Received, StandIn } from './stand-in';
import { RUNS, rareCases, replay } from './property-kit';

jest.setTimeout(300_000);

const LATE_IDS = 20;
/** room for orders arriving or leaving while a poll reads: ranks and IDs this close to the edge may go either way */
const RANK_MARGIN = 8;
const ID_MARGIN = 5;

type Fault =
	| 'http500'
	| 'html502'
	| 'unauthorized'
	| 'rateLimited'
	| 'network'
	| 'truncated'
	| 'empty'
	| 'notList';
type Status = 'processing' | 'on-hold' | 'completed' | 'cancelled' | 'refunded';
const STATUSES: Status[] = ['processing', 'on-hold', 'completed', 'cancelled', 'refunded'];

type Step =
	| { kind: 'arrive'; statuses: Status[] }
	| { kind: 'change'; changes: Array<{ pick: number; path: Status[] }> }
	| { kind: 'changeOld'; pick: number; status: Status }
	| { kind: 'burst'; pages: number }
	| { kind: 'trash'; picks: number[] }
	| { kind: 'poll' }
	| { kind: 'pollTwice' }
	| { kind: 'failingPoll'; at: number; fault: Fault }
	| {
			kind: 'duringPoll';
			after: number;
			arrive: Status[];
			change: Array<{ pick: number; status: Status }>;
			trash: number[];
	  }
	| { kind: 'restart' };

interface History {
	/** Options › Orders Watched */
	watched: number;
	/** Options › To Statuses (empty: any) */
	statuses: Status[];
	/** the most orders a list reply holds, whatever was asked (undefined: as asked, up to 100) */
	cap?: number;
	capMode: 'clamp' | 'truncate';
	/** the store lists oldest first, whatever `order` asks */
	ignoresOrder: boolean;
	existing: Status[];
	beforeBaseline: Step[];
	steps: Step[];
}

interface Order {
	id: number;
	status: Status;
}

/** The stand-in store: orders newest first by ID (or oldest first), `per_page` / `page`, trashed orders out of the list. */
class Store {
	orders: Order[] = [];
	private nextId = 5000;
	requests = 0;
	failure?: { at: number; fault: Fault };
	failed = false;
	during?: { after: number; act: () => void };

	constructor(
		private readonly history: History,
		readonly oracle: StatusOracle,
	) {}

	get pageSize(): number {
		return Math.min(this.history.cap ?? 100, 100);
	}

	add(status: Status): Order {
		const order = { id: this.nextId++, status };
		this.orders.push(order);
		this.oracle.status(String(order.id), status);
		return order;
	}

	set(order: Order, status: Status): void {
		order.status = status;
		this.oracle.status(String(order.id), status);
	}

	/** the list newest first: index = rank */
	newestFirst(): Order[] {
		return [...this.orders].sort((a, b) => b.id - a.id);
	}

	/** among the newest `watched + 10` (most changes land inside the bound, some on its edge) */
	pick(pick: number): Order | undefined {
		const list = this.newestFirst().slice(0, this.history.watched + 10);
		return list.length ? list[pick % list.length] : undefined;
	}

	trash(order: Order): void {
		this.orders = this.orders.filter((o) => o !== order);
	}

	snapshot(): Snapshot {
		const list = this.newestFirst();
		const rank = new Map(list.map((order, index) => [String(order.id), index]));
		const newest = list.length ? list[0].id : 0;
		const { watched } = this.history;
		const standing = (key: string): Standing => {
			const r = rank.get(key)!;
			const id = Number(key);
			if (r < watched - RANK_MARGIN || id >= newest - LATE_IDS + ID_MARGIN) return 'watched';
			if (r >= watched + RANK_MARGIN && id < newest - LATE_IDS - ID_MARGIN) return 'outside';
			return 'edge';
		};
		return {
			statuses: new Map(list.map((order) => [String(order.id), order.status])),
			standing,
			created: () => 'watched',
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
		const url = new URL(request.url, 'http://stand-in');
		let result: Answer;
		if (this.failure && this.failure.at === index) {
			this.failed = true;
			result = faultReply(this.failure.fault);
		} else if (request.headers.authorization !== `Bearer ${TOKEN}`) {
			result = {
				status: 401,
				body: JSON.stringify({ code: 'rest_forbidden', message: 'Bad token' }),
			};
		} else if (request.method !== 'GET' || url.pathname.slice(API.length) !== '/orders/') {
			result = {
				status: 404,
				body: JSON.stringify({ code: 'rest_no_route', message: 'No route' }),
			};
		} else {
			result = { status: 200, body: JSON.stringify(this.list(url)) };
		}
		if (this.during && this.during.after === index) this.during.act();
		return result;
	}

	private list(url: URL): IDataObject[] {
		const query = Object.fromEntries(url.searchParams);
		const records = this.history.ignoresOrder
			? [...this.orders].sort((a, b) => a.id - b.id)
			: this.newestFirst();
		const asked = Number(query.per_page ?? 10);
		const cap = this.history.cap ?? Infinity;
		const served = this.history.capMode === 'clamp' ? Math.min(asked, cap) : asked;
		const start = (Number(query.page ?? 1) - 1) * served;
		return records
			.slice(start, start + served)
			.slice(0, cap)
			.map((order) => ({
				id: order.id,
				status: order.status,
				date_created: '2026-11-20T10:00:00',
				total: '10.00',
			}));
	}
}

function faultReply(fault: Fault): Answer {
	switch (fault) {
		case 'http500':
			return {
				status: 500,
				body: JSON.stringify({
					code: 'internal_server_error',
					message: 'Database error',
					data: { status: 500 },
				}),
			};
		case 'html502':
			return {
				status: 502,
				body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
				headers: { 'Content-Type': 'text/html' },
			};
		case 'unauthorized':
			return {
				status: 401,
				body: JSON.stringify({ code: 'jwt_auth_invalid_token', message: 'Expired token' }),
			};
		case 'rateLimited':
			return {
				status: 429,
				body: JSON.stringify({ code: 'too_many_requests', message: 'Slow down' }),
				headers: { 'Retry-After': '3600' },
			};
		case 'truncated':
			return { status: 200, body: '[{"id": 5000, "status": "compl' };
		case 'empty':
			return { status: 200, body: '' };
		case 'notList':
			return {
				status: 200,
				body: JSON.stringify({ code: 'rest_invalid', message: 'Invalid parameter(s): page' }),
			};
		case 'network':
			return 'drop';
	}
}

// ── generators ──────────────────────────────────────────────────────────────────────────────

const status = fc.constantFrom(...STATUSES);
const FAULTS: Fault[] = [
	'http500',
	'html502',
	'unauthorized',
	'rateLimited',
	'network',
	'truncated',
	'empty',
	'notList',
];
const failingPoll = fc.record({
	kind: fc.constant('failingPoll' as const),
	at: fc.integer({ min: 0, max: 4 }),
	fault: fc.constantFrom(...FAULTS),
});
const arrive = fc.record({
	kind: fc.constant('arrive' as const),
	statuses: fc.array(status, { minLength: 1, maxLength: 4 }),
});
const restart = fc.record({ kind: fc.constant('restart' as const) });

const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 4, arbitrary: arrive },
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('change' as const),
			// one status, or several between two polls (ending where it began, sometimes)
			changes: fc.array(
				fc.record({ pick: fc.nat(), path: fc.array(status, { minLength: 1, maxLength: 3 }) }),
				{ minLength: 1, maxLength: 4 },
			),
		}),
	},
	{
		weight: 3,
		arbitrary: fc.record({ kind: fc.constant('changeOld' as const), pick: fc.nat(), status }),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('burst' as const),
			pages: fc.integer({ min: 1, max: 10 }),
		}),
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('trash' as const),
			picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
		}),
	},
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant('poll' as const) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('pollTwice' as const) }) },
	{ weight: 2, arbitrary: failingPoll },
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('duringPoll' as const),
			after: fc.integer({ min: 0, max: 3 }),
			arrive: fc.array(status, { maxLength: 3 }),
			change: fc.array(fc.record({ pick: fc.nat(), status }), { maxLength: 2 }),
			trash: fc.array(fc.nat(), { maxLength: 2 }),
		}),
	},
	{ weight: 1, arbitrary: restart },
);

const history: fc.Arbitrary<History> = fc
	.record({
		watched: fc.constantFrom(5, 12, 30, 30, 100),
		statuses: fc.oneof(
			fc.constant<Status[]>([]),
			fc.constant<Status[]>(['completed']),
			fc.constant<Status[]>(['completed', 'cancelled', 'refunded']),
		),
		cap: fc.option(fc.constantFrom(1, 2, 3, 7, 10, 25, 60), { nil: undefined, freq: 2 }),
		capMode: fc.constantFrom<'clamp' | 'truncate'>('clamp', 'truncate'),
		ignoresOrder: fc.constantFrom(false, false, false, true),
		existing: fc.oneof(
			fc.array(status, { maxLength: 10 }),
			fc.array(status, { minLength: 25, maxLength: 80 }),
		),
		beforeBaseline: fc.array(fc.oneof(failingPoll, arrive, restart), { maxLength: 2 }),
		steps: fc.array(step, { maxLength: 8 }),
	})
	// a hundred orders watched over pages of 10 or fewer: ten requests a poll and more, too slow for a thousand histories
	.map((h) => (h.watched === 100 && (h.cap ?? 100) <= 10 ? { ...h, watched: 30 } : h));

// ── running a history ───────────────────────────────────────────────────────────────────────

const trigger = (h: History) => ({
	type: 'gigroveTrigger',
	credentials: {
		gigroveApi: { ...bearerCredentials.gigroveApi, baseUrl: `${standIn.origin}${API}/` },
	},
	parameters: {
		event: 'orderStatusChanged',
		statuses: h.statuses,
		options: { watchedOrders: h.watched } as INodeParameters,
	},
});

function check(condition: boolean, message: string): void {
	if (!condition) throw new Error(message);
}

const emissionsOf = (items: INodeExecutionData[] | null): Emission[] =>
	(items ?? []).map((item) => {
		const change = item.json.statusChange as { from: string | null; to: string };
		return { key: String(item.json.id), from: change.from, to: change.to };
	});

async function runHistory(h: History): Promise<void> {
	const oracle = new StatusOracle(
		(s) => h.statuses.length === 0 || h.statuses.includes(s as Status),
	);
	const store = new Store(h, oracle);
	current = store;
	for (const s of h.existing) store.add(s);
	const poller = new ActivePoller(trigger(h));
	let activated = false;

	async function poll(
		failure?: { at: number; fault: Fault },
		during?: Extract<Step, { kind: 'duringPoll' }>,
	): Promise<INodeExecutionData[] | null | 'failed'> {
		const before = JSON.stringify(poller.staticData);
		const snapshot = store.snapshot();
		const act = () => {
			for (const s of during!.arrive) oracle.touchedDuringPoll(String(store.add(s).id));
			for (const { pick, status: s } of during!.change) {
				const order = store.pick(pick);
				if (order) {
					store.set(order, s);
					oracle.touchedDuringPoll(String(order.id));
				}
			}
			for (const pick of during!.trash) {
				const order = store.pick(pick);
				if (order) {
					store.trash(order);
					oracle.touchedDuringPoll(String(order.id));
				}
			}
		};
		store.startPoll(failure, during && { after: during.after, act });
		let items: INodeExecutionData[] | null;
		try {
			items = await poller.poll();
		} catch (error) {
			check(JSON.stringify(poller.staticData) === before, 'a failed poll changed the saved state');
			oracle.failed();
			// pages of 1 or 2 that cannot overlap (a cap, or a list of 1 or 2 orders: the store may serve no more a page),
			// under a list that changed while read: the poll says it cannot be sure, and the next poll reads again
			const unsure =
				(error as Error).message === 'Gigrove: could not read every order of this poll';
			if (
				!store.failed &&
				unsure &&
				Math.min(h.cap ?? Infinity, snapshot.statuses.size) <= 2 &&
				during
			) {
				tally.unsurePolls++;
				return 'failed';
			}
			check(store.failed, `a poll failed that was not told to: ${String(error)}`);
			check(
				(error as Error).name === 'NodeApiError',
				`a failed poll threw ${(error as Error).name}, not a NodeApiError`,
			);
			tally[failure!.fault]++;
			return 'failed';
		}
		check(!store.failed, 'a poll told to fail succeeded');
		const emitted = emissionsOf(items);
		const ids = emitted.map((e) => Number(e.key));
		check(
			ids.every((id, n) => n === 0 || id > ids[n - 1]),
			`items not oldest first: ${ids.join(', ')}`,
		);
		if (!activated) {
			oracle.baseline(snapshot, emitted);
			activated = true;
		} else {
			oracle.poll(snapshot, emitted);
			if (emitted.length > store.pageSize) tally.pagedPolls++;
			if (emitted.length && (h.cap ?? 100) <= 2) tally.tinyPages++;
			if (emitted.length && h.ignoresOrder) tally.oldestFirst++;
			if (during) tally.duringPolls++;
		}
		return items;
	}

	async function run(s: Step) {
		switch (s.kind) {
			case 'arrive':
				s.statuses.forEach((st) => store.add(st));
				return;
			case 'change':
				for (const { pick, path } of s.changes) {
					const order = store.pick(pick);
					if (order) path.forEach((st) => store.set(order, st));
				}
				return;
			case 'changeOld': {
				// an order far below the bound
				const list = store.newestFirst();
				const beyond = list.slice(h.watched + LATE_IDS + RANK_MARGIN + 1);
				if (beyond.length) store.set(beyond[s.pick % beyond.length], s.status);
				return;
			}
			case 'burst':
				for (let n = 0; n < s.pages * store.pageSize; n++) store.add(STATUSES[n % STATUSES.length]);
				if (activated) tally.bursts++;
				return;
			case 'trash':
				for (const pick of s.picks) {
					const order = store.pick(pick);
					if (order) store.trash(order);
				}
				if (activated) tally.trashed++;
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
	pagedPolls: 0,
	tinyPages: 0,
	oldestFirst: 0,
	bursts: 0,
	trashed: 0,
	duringPolls: 0,
	unsurePolls: 0,
	...(Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<Fault, number>),
};

let current: Store | undefined;
let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn((request) => current!.reply(request));
});

afterAll(async () => await standIn.close());

describe('Gigrove Trigger › Order Status Changed › random histories (fast-check)', () => {
	it(`emits every status change of a watched order exactly once, with the status before, and nothing else (${RUNS} histories)`, async () => {
		await withoutNock(
			async () =>
				await fc.assert(fc.asyncProperty(history, runHistory), { numRuns: RUNS, ...replay }),
		);
		// each case seen often enough (about a third of what 1 000 histories give): the generator is not degenerate
		const least = {
			exactChanges: 330,
			exactNew: 5000,
			multiStep: 230,
			undone: 50,
			outsideChanged: 20,
			restarts: 50,
			pagedPolls: 50,
			tinyPages: 30,
			oldestFirst: 60,
			bursts: 45,
			trashed: 45,
			duringPolls: 100,
			...Object.fromEntries(FAULTS.map((f) => [f, 12])),
		};
		const rare = rareCases(tally, least);
		expect({ rare, tally }).toEqual({ rare: [], tally });
	}, 300_000);
});
