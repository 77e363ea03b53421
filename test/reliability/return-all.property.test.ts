/**
 * Return All of every list operation, property-based, through the engine against a stand-in on
 * the loopback interface that is as awkward as a real service may be: replies cut to a cap it
 * does not announce (honouring the page parameters where the docs name them, or a proxy cutting
 * the asked page), totals sent or not, its own sort order, records leaving the list above the
 * page being read or arriving at its top while the node pages, and for Valigara (which documents
 * no paging) the guessed paging keys ignored, honoured or refused (303).
 *
 * The property: no record comes out twice, and every record in the list for the whole read comes
 * out; or the node says, in a hint on its output, that the list may be incomplete, and only where
 * no client could be sure (Valigara's searches cannot be read in parts; pages of 1 or 2 records
 * cannot overlap, and a list that keeps changing is read again at most three times).
 *
 * Dates are one second apart (more records in one second than a reply holds could not be read
 * apart by date windows, see nodes/Valigara/lists.ts). RELIABILITY_RUNS / 5 histories per
 * operation (20 by default, 200 in CI).
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import { credentialsAt, gigrove, guaranteedReviews, valigara } from './operations';
import type { NodeSpec } from './operations';
import { startStandIn, withoutNock } from './stand-in';
import type { Answer, Received, StandIn } from './stand-in';
import { RUNS as HISTORIES, replay } from './property-kit';

const RUNS = Math.max(5, Math.floor(HISTORIES / 5));
jest.setTimeout(300_000);

interface Service {
	count: number;
	/** the most records a reply holds (undefined: as asked) */
	cap?: number;
	/** clamp: offsets in the size served; truncate: offsets in the size asked, the reply then cut */
	capMode: 'clamp' | 'truncate';
	newestFirst: boolean;
	/** X-WP-Total / the pagination object */
	totals: boolean;
	/** Valigara: what the export does with the guessed paging keys */
	paging: 'ignore' | 'honour' | 'reject';
	/** before request n: records leave (from above the page asked, or anywhere), records arrive at the top */
	changes: Array<{ request: number; leave: number[]; aboveOnly: boolean; arrive: number }>;
}

interface Asked {
	/** 1-based page and its size, when asked */
	page?: number;
	perPage?: number;
	from?: string;
	to?: string;
	/** Valigara's guessed paging keys were sent */
	guessedPaging?: boolean;
}

interface ListOperation {
	title: string;
	node: NodeSpec;
	parameters: INodeParameters;
	/** how paging works: documented (page numbers), or Valigara's guessed keys */
	kind: 'documented' | 'guessed';
	/** exports are read in date windows when cut; searches cannot be */
	dated: boolean;
	/** the request as the service reads it */
	read(request: Received): Asked;
	/** a record as the service sends it */
	shape(record: Stored): unknown;
	/** the reply around the served records */
	reply(served: unknown[], total: number | undefined): Answer;
	/** the identity of an output item */
	key(json: IDataObject): string;
}

interface Stored {
	id: number;
	date: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
	status,
	body: JSON.stringify(body),
	headers,
});

function queryOf(request: Received): URLSearchParams {
	return new URL(request.url, 'http://stand-in').searchParams;
}

const gigroveList = (resource: string, path: string, idField = 'id'): ListOperation => ({
	title: `Gigrove › ${resource} › Get Many`,
	node: gigrove,
	parameters: { resource, operation: 'getMany', returnAll: true },
	kind: 'documented',
	dated: false,
	read: (request) => {
		const query = queryOf(request);
		return new URL(request.url, 'http://x').pathname.includes(path)
			? { page: Number(query.get('page')), perPage: Number(query.get('per_page')) }
			: {};
	},
	shape: (record) => ({
		[idField]: idField === 'ID' ? String(record.id) : record.id,
		date_created: record.date,
	}),
	reply: (served, total) =>
		json(200, served, total === undefined ? {} : { 'X-WP-Total': String(total) }),
	key: (item) => String(item[idField]),
});

const valigaraList = (
	title: string,
	parameters: INodeParameters,
	idField: string,
	dateField: string | undefined,
	ids: boolean,
): ListOperation => ({
	title: `Valigara › ${title}`,
	node: valigara,
	parameters: { ...parameters, returnAll: true },
	kind: 'guessed',
	dated: dateField !== undefined,
	read: (request) => {
		const form = new URLSearchParams(request.body);
		const data = form.get('data') ? (JSON.parse(form.get('data')!) as IDataObject) : {};
		return {
			page: data.page === undefined ? undefined : Number(data.page),
			perPage: data.limit === undefined ? undefined : Number(data.limit),
			from: data.date_from as string | undefined,
			to: data.date_to as string | undefined,
			guessedPaging: data.page !== undefined || data.limit !== undefined,
		};
	},
	shape: (record) =>
		ids ? record.id : { [idField]: record.id, ...(dateField ? { [dateField]: record.date } : {}) },
	reply: (served) => json(200, { status: 100, data: served }),
	key: (item) => String(item[idField]),
});

const OPERATIONS: ListOperation[] = [
	gigroveList('product', '/products/'),
	gigroveList('order', '/orders/'),
	gigroveList('notification', '/notifications/', 'ID'),
	gigroveList('booking', '/bookings/'),
	gigroveList('delivery', '/deliveries'),
	{
		title: 'Guaranteed Reviews › Review › Get Many (Private API)',
		node: guaranteedReviews,
		parameters: {
			resource: 'review',
			operation: 'getManyPrivate',
			reviewType: 'site',
			returnAll: true,
		},
		kind: 'documented',
		dated: false,
		read: (request) => {
			const query = queryOf(request);
			return { page: Number(query.get('page')), perPage: Number(query.get('limit')) };
		},
		shape: (record) => ({ id: record.id, date: record.date }),
		reply: (served, total) =>
			json(200, {
				reviews: served,
				...(total === undefined ? {} : { pagination: { total_results: total } }),
			}),
		key: (item) => String(item.id),
	},
	valigaraList(
		'Order › Export Orders',
		{ resource: 'order', operation: 'exportOrders' },
		'order_id',
		'order_date',
		false,
	),
	valigaraList(
		'Order › Export Clients',
		{ resource: 'order', operation: 'exportClients' },
		'client_id',
		'date_created',
		false,
	),
	valigaraList(
		'Product › Search',
		{ resource: 'product', operation: 'search' },
		'product_id',
		undefined,
		true,
	),
	valigaraList(
		'Gemstone › Search',
		{ resource: 'gemstone', operation: 'search' },
		'gemstone_id',
		undefined,
		true,
	),
];

const START = Date.UTC(2026, 10, 20, 0, 0, 0);
const second = (n: number) =>
	new Date(START + n * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** The list as the service holds it, changing as the history says, and answering each request. */
class StandInList {
	records: Stored[];
	private next: number;
	requests = 0;
	/** records that left the list while it was read */
	readonly left = new Set<string>();
	/** the longest reply served: what the node can have learned of the service's page size */
	longestServed = 0;

	constructor(
		private readonly service: Service,
		private readonly operation: ListOperation,
	) {
		this.records = Array.from({ length: service.count }, (_, n) => ({
			id: n + 1,
			date: second(n),
		}));
		this.next = service.count + 1;
	}

	private ordered(): Stored[] {
		return [...this.records].sort((a, b) => (this.service.newestFirst ? b.id - a.id : a.id - b.id));
	}

	/** what was asked, for the failure message */
	readonly log: string[] = [];

	answer(request: Received): Answer {
		this.requests++;
		const asked = this.operation.read(request);
		this.log.push(JSON.stringify(asked));
		if (asked.guessedPaging && this.service.paging === 'reject')
			return json(200, { status: 303, data: 'Unknown field "page"' });
		const cap = this.service.cap ?? Infinity;
		const paged =
			asked.page !== undefined &&
			asked.perPage !== undefined &&
			(this.operation.kind === 'documented' || this.service.paging === 'honour');
		const start = (() => {
			if (!paged) return 0;
			const served =
				this.service.capMode === 'truncate' && this.operation.kind === 'documented'
					? asked.perPage!
					: Math.min(asked.perPage!, cap);
			return (asked.page! - 1) * served;
		})();
		this.change(start);
		let list = this.ordered().filter(
			(record) =>
				(!asked.from || record.date >= asked.from) && (!asked.to || record.date <= asked.to),
		);
		if (paged) list = list.slice(start, start + asked.perPage!);
		const served = list.slice(0, cap).map((record) => this.operation.shape(record));
		this.longestServed = Math.max(this.longestServed, served.length);
		return this.operation.reply(served, this.service.totals ? this.records.length : undefined);
	}

	/** the history's changes due before this request */
	private change(start: number): void {
		for (const change of this.service.changes.filter((c) => c.request === this.requests)) {
			const ordered = this.ordered();
			for (const pick of change.leave) {
				const range = change.aboveOnly ? Math.min(start, ordered.length) : ordered.length;
				if (range === 0) continue;
				const gone = ordered.splice(pick % range, 1)[0];
				this.records = this.records.filter((record) => record !== gone);
				this.left.add(String(gone.id));
			}
			for (let n = 0; n < change.arrive; n++)
				this.records.push({ id: this.next, date: second(this.next++) });
		}
	}
}

const service: fc.Arbitrary<Service> = fc.record({
	count: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 400 })),
	cap: fc.option(fc.constantFrom(1, 2, 3, 7, 25, 60, 150), { nil: undefined, freq: 2 }),
	capMode: fc.constantFrom<Service['capMode']>('clamp', 'truncate'),
	newestFirst: fc.boolean(),
	totals: fc.boolean(),
	paging: fc.constantFrom<Service['paging']>('ignore', 'honour', 'reject'),
	changes: fc.array(
		fc.record({
			request: fc.integer({ min: 1, max: 12 }),
			leave: fc.array(fc.nat(), { maxLength: 3 }),
			aboveOnly: fc.boolean(),
			arrive: fc.integer({ min: 0, max: 30 }),
		}),
		{ maxLength: 3 },
	),
});

let current: StandInList | undefined;
let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn((request) => current!.answer(request));
});

afterAll(async () => await standIn.close());

/** Up to this many records a page, overlapping pages cannot always be found (sizes c…c/2 all divide some place). */
const SMALL_PAGES = 7;

/**
 * Where the node may say it cannot be sure (and then may miss records), and nowhere else.
 * `longestPage` is the longest reply it was served: a short list looks exactly like a small cap to
 * the node (a first page of 3 records may be all there is, or all the service serves), and a list
 * that grows only after it was read short is, to the node, a list with small pages that changes
 * (CI: 1 record, 2 then 5 arriving mid-read, seed -771840438).
 */
function mayWarn(operation: ListOperation, s: Service, longestPage: number): boolean {
	if (operation.kind === 'guessed') {
		// a search from a service that does not page cannot be read in parts: any reply may have been
		// cut, and the node cannot know it was not (an empty first page followed by records asked for
		// without paging keys looks like keys taken as filters: also not paging)
		if (!operation.dated && s.paging !== 'honour') return true;
		if (!operation.dated && s.count === 0 && s.changes.length > 0) return true;
		// read page by page as shared/pagination.ts reads lists: see below
		if (s.paging === 'honour') return s.changes.length > 0 && longestPage <= SMALL_PAGES;
		return false;
	}
	// small pages cannot always overlap (page numbers are multiples of a size): a list that changes
	// is read again, at most three times
	return s.changes.length > 0 && (longestPage <= SMALL_PAGES || s.capMode === 'truncate');
}

describe.each(OPERATIONS.map((operation) => [operation.title, operation] as const))(
	'%s › Return All, property',
	(_title, operation) => {
		it(`nothing lost, nothing twice, whatever the service does (${RUNS} histories)`, async () => {
			await withoutNock(async () =>
				fc.assert(
					fc.asyncProperty(service, async (s) => {
						const list = new StandInList(s, operation);
						current = list;
						const everything = list.records.map((record) => String(record.id));
						const run = await runNode({
							type: operation.node.name,
							credentials: credentialsAt(operation.node, standIn.origin),
							parameters: operation.parameters,
						});
						if (run.error)
							throw new Error(
								`the run failed: ${run.error.message} ${run.error.description ?? ''}`,
							);
						const keys = run.items.map((item) => operation.key(item.json));
						const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
						const stayed = everything.filter((key) => !list.left.has(key));
						const lost = stayed.filter((key) => !keys.includes(key));
						const warned = run.hints.length > 0;
						if (warned && !mayWarn(operation, s, list.longestServed))
							throw new Error(`a hint where the node can be sure: ${run.hints.join(' ')}`);
						if (twice.length || (!warned && lost.length)) {
							throw new Error(
								`twice: ${twice.join(',')}; lost: ${lost.join(',')}; asked: ${list.log.join(' ')}; hints: ${run.hints.join(' ')}`,
							);
						}
					}),
					{ numRuns: RUNS, ...replay },
				),
			);
		});
	},
);
