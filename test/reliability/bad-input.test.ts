/**
 * Bad input, every operation: for each required field of each operation (as the node's
 * description shows it, per input mode), missing, empty, wrong-type, huge (1 MiB) and odd-Unicode
 * values (an RTL mark, emoji, NUL, a lone surrogate) must be refused before any request with a
 * NodeOperationError naming the field and the item, or, where the value is one a merchant may
 * mean (an Arabic name, an emoji in a note), be sent exactly as given.
 *
 * The rows come from operations.ts and the nodes' descriptions; each field has a kind (below)
 * that decides its bad values and what must happen to each:
 * - `refuse`: NodeOperationError, its message names the field ("Label…") and `[item N]`, and no
 *   other field's problem (the item's other fields are valid), nothing sent;
 * - `intact`: sent, and the service receives the value unchanged (path, query or body);
 * - `either`: one or the other, never a request with the value altered, never an error that
 *   names neither field nor item. Used where the node cannot know: an identifier with an emoji,
 *   a 1 MiB note (no service documents a length), text with NUL or a lone surrogate.
 *
 * One run per operation, with continue on fail (error output): item 0 has every required field valid, then each
 * field in turn gets one item per bad value (`={{ $json[field] }}`), so each item's error must
 * name its own index. A required group of sub-fields (an address) is set in the node itself, as
 * n8n reads none of its sub-fields from an expression. The services are a loopback stand-in that
 * records every request, even one refused for its size (see stand-in.ts for why not nock): a
 * refused item must have cost no request, and each item sent exactly one (or one per batch).
 *
 * Known bugs are listed in KNOWN_BUGS; their rows run as `it.failing` and go red once fixed.
 */
import type {
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';

import { runNode } from '../kit/engine';
import {
	NODES,
	OPERATIONS,
	credentialsAt,
	offeredOperations,
	replyOf,
	requiredFields,
	titleOf,
} from './operations';
import type { FieldKind, NodeName, OperationCase } from './operations';
import { startStandIn, withoutNock } from './stand-in';
import type { Received, StandIn } from './stand-in';

const HUGE = 1 << 20;

type Expectation = 'refuse' | 'intact' | 'either';

interface BadValue {
	name: string;
	value: unknown;
	expect: Expectation;
	/** what the service must receive when the value is sent (default: the value itself) */
	received?: string;
}

// ── the kind of each required field ──────────────────────────────────────────────────────────

const KINDS: Record<NodeName, Record<string, FieldKind>> = {
	valigara: {
		dataJson: 'jsonData',
		productId: 'textId',
		productIds: 'idList',
		quantitySold: 'number',
		accountIds: 'idList',
		templateId: 'textId',
		title: 'text',
		code: 'textId',
		type: 'text',
		gemstoneId: 'textId',
		gemstoneIds: 'idList',
		orderId: 'textId',
		trackingNumber: 'text',
		trackingNumbers: 'collection',
	},
	vanillaEshop: {
		firstname: 'text',
		lastname: 'text',
		email: 'email',
		telephone: 'text',
		password: 'text',
		customerId: 'textId',
		manufacturerName: 'text',
		entityId: 'textId',
		option_id: 'textId',
		ar_name: 'text',
		en_name: 'text',
		optionValueId: 'textId',
		orderId: 'textId',
		order_id: 'numericId',
		store_id: 'number',
		paymentAddress: 'collection',
		shippingAddress: 'collection',
		bodyJson: 'jsonObject',
		products_json: 'jsonList',
		totals_json: 'jsonList',
		comment: 'text',
		entity_id: 'textId',
		price: 'number',
		date_start: 'date',
		date_end: 'date',
		sku: 'textId',
		new_sku: 'textId',
		productSku: 'textId',
		productEntityId: 'textId',
		cost: 'number',
		logistics_cost: 'number',
		inventory_cost: 'number',
		quantity: 'number',
		minimum: 'number',
		maximum: 'number',
		stock_status_id: 'textId',
		status: 'textId',
		master_category_id: 'textId',
		product_link: 'text',
	},
	gigrove: {
		bookingId: 'numericId',
		deliveryId: 'numericId',
		orderId: 'numericId',
		productId: 'numericId',
		itemId: 'numericId',
		variationId: 'numericId',
		start: 'date',
		end: 'date',
		note: 'text',
		name: 'text',
		categoryIds: 'numericIdList',
		productJson: 'jsonObject',
	},
	guaranteedReviews: {
		orderId: 'textId',
		orderDate: 'date',
		firstName: 'text',
		lastName: 'text',
		email: 'email',
		orderJson: 'jsonObject',
		productId: 'textId',
	},
};

// ── the bad values of each kind ──────────────────────────────────────────────────────────────

const ODD = { rtl: '\u200F', emoji: '💍', nul: '\u0000', lone: '\uD800' };

const absent = (): BadValue[] => [
	{ name: 'missing', value: undefined, expect: 'refuse' },
	{ name: 'null', value: null, expect: 'refuse' },
	{ name: 'empty', value: '', expect: 'refuse' },
	{ name: 'blank', value: ' \t ', expect: 'refuse' },
];

/** A valid single value to put an odd character into (the first ID of a list). */
function plain(valid: unknown): string {
	return String(valid ?? '').split(/[\s,;]+/)[0] || 'A1';
}

/** An odd character inside an otherwise valid value, as a copy-paste would leave it. */
const oddOf = (valid: unknown, expect: Expectation): BadValue[] =>
	Object.entries(ODD).map(([name, char]) => ({ name, value: `${plain(valid)}${char}`, expect }));

/** The valid JSON with one more field holding `text` (JSON modes pass fields through): the service must get `text`. */
function withNote(name: string, valid: unknown, text: string, expect: Expectation): BadValue {
	if (planning) return { name, value: undefined, expect };
	return {
		name,
		value: JSON.stringify({ ...(JSON.parse(String(valid)) as IDataObject), note: text }),
		expect,
		received: text,
	};
}

/** while only the values' names and expectations are wanted (no megabyte strings) */
let planning = false;

function badValues(kind: FieldKind, valid: unknown): BadValue[] {
	const MIB = planning ? 1 : HUGE;
	const wrongTypes = (...names: Array<'object' | 'array' | 'boolean'>): BadValue[] =>
		names.map((name) => ({
			name,
			value:
				name === 'object' ? { id: plain(valid) } : name === 'array' ? [{ id: plain(valid) }] : true,
			expect: 'refuse',
		}));
	switch (kind) {
		case 'numericId':
		case 'numericIdList':
			return [
				...absent(),
				...wrongTypes('object', 'array', 'boolean'),
				{ name: 'huge', value: '7'.repeat(MIB), expect: 'refuse' },
				...oddOf(valid, 'refuse'),
			];
		case 'textId':
		case 'idList':
			return [
				...absent(),
				...wrongTypes('object', 'array', 'boolean'),
				{ name: 'huge', value: 'x'.repeat(MIB), expect: 'refuse' },
				// a lone surrogate is refused in any ID: it cannot go into a URL (encodeURIComponent throws)
				...oddOf(valid, 'either').map(
					(value): BadValue => (value.name === 'lone' ? { ...value, expect: 'refuse' } : value),
				),
			];
		case 'text':
			return [
				...absent(),
				...wrongTypes('object', 'array', 'boolean'),
				{ name: 'huge', value: 'x'.repeat(MIB), expect: 'either' },
				{ name: 'rtl', value: `خاتم ذهب${ODD.rtl} ${plain(valid)}`, expect: 'intact' },
				{ name: 'emoji', value: `${plain(valid)} ${ODD.emoji}`, expect: 'intact' },
				{ name: 'nul', value: `${plain(valid)}${ODD.nul}x`, expect: 'either' },
				{ name: 'lone', value: `${plain(valid)}${ODD.lone}`, expect: 'either' },
			];
		case 'email':
			return [
				...absent(),
				...wrongTypes('object', 'array', 'boolean'),
				{ name: 'huge', value: `${'x'.repeat(MIB)}@example.com`, expect: 'refuse' },
				...Object.entries(ODD).map(
					([name, char]): BadValue => ({ name, value: `ada${char}@example.com`, expect: 'refuse' }),
				),
			];
		case 'date':
			return [
				...absent(),
				...wrongTypes('object', 'array', 'boolean'),
				{ name: 'words', value: 'next tuesday', expect: 'refuse' },
				{ name: 'huge', value: 'x'.repeat(MIB), expect: 'refuse' },
				// a day with a stray character is no date (JavaScript's own parser stops at a NUL and
				// reads the rest as midnight UTC: the day before in the workflow's zone)
				...oddOf(plain(valid).slice(0, 10), 'refuse'),
			];
		case 'number':
			return [
				...absent(),
				...wrongTypes('object', 'array', 'boolean'),
				{ name: 'words', value: 'twelve', expect: 'refuse' },
				{ name: 'infinity', value: Infinity, expect: 'refuse' },
				{ name: '-infinity', value: -Infinity, expect: 'refuse' },
				{ name: 'NaN', value: Number.NaN, expect: 'refuse' },
				{ name: 'huge', value: '9'.repeat(MIB), expect: 'refuse' },
				...oddOf(valid, 'refuse'),
			];
		case 'jsonObject':
		case 'jsonData':
			return [
				...absent(),
				{ name: 'number', value: 5, expect: 'refuse' },
				{ name: 'boolean', value: true, expect: 'refuse' },
				{ name: 'text', value: '"a ring"', expect: 'refuse' },
				...(kind === 'jsonObject'
					? [{ name: 'list', value: '[1, 2]', expect: 'refuse' as const }]
					: []),
				{ name: 'malformed', value: '{"name": ', expect: 'refuse' },
				withNote('huge', valid, 'x'.repeat(MIB), 'either'),
				withNote('rtl', valid, `خاتم${ODD.rtl} ذهب`, 'intact'),
				withNote('emoji', valid, `ring ${ODD.emoji}`, 'intact'),
				withNote('nul', valid, `ring${ODD.nul}x`, 'either'),
				withNote('lone', valid, `ring${ODD.lone}`, 'either'),
			];
		case 'jsonList':
			return [
				...absent(),
				{ name: 'number', value: 5, expect: 'refuse' },
				{ name: 'object', value: '{"sku": "RING-1"}', expect: 'refuse' },
				{ name: 'malformed', value: '[{"sku": ', expect: 'refuse' },
			];
		case 'collection': {
			// set in the node as it is (n8n reads no sub-field from an expression): left out, left
			// empty, or with its entries emptied
			const [key, entries] = Object.entries((valid ?? {}) as IDataObject)[0] ?? ['values', {}];
			return [
				{ name: 'missing', value: undefined, expect: 'refuse' },
				{ name: 'empty', value: {}, expect: 'refuse' },
				{ name: 'emptied', value: { [key]: Array.isArray(entries) ? [] : {} }, expect: 'refuse' },
			];
		}
	}
}

// ── known bugs: these rows run as it.failing ─────────────────────────────────────────────────

interface KnownBug {
	bug: string;
	applies(row: Row, value: BadValue): boolean;
}

/** None known at present: a row added here runs as `it.failing` until the bug is fixed. */
const KNOWN_BUGS: KnownBug[] = [];

// ── running a row ────────────────────────────────────────────────────────────────────────────

interface Row {
	case: OperationCase;
	node: NodeName;
	operation: string;
	field: string;
	label: string;
	kind: FieldKind;
	/** the bad values' names and expectations (the values themselves are made when the row runs) */
	plan: Array<Pick<BadValue, 'name' | 'expect'>>;
}

type Request = Received | 'refused by the server';

/** What an item sent cost: a request, and its place in the request's list when items go together. */
interface Sending {
	request: Request;
	/** the item's entry in a bulk request's list (`products`, `orders`) */
	entry?: number;
}

interface Outcome {
	value: BadValue;
	/** the item's index in the run */
	index: number;
	item?: INodeExecutionData;
	sending?: Sending;
	/** n8n itself would not run the workflow: a required sub-field is empty (WorkflowHasIssuesError) */
	notRun?: boolean;
	/** the run threw this instead of finishing */
	crash?: string;
}

interface CaseRun {
	/** the outcome of each bad value, by row */
	outcomes: Map<Row, Outcome[]>;
	/** item 0 of each run: every field valid */
	valid: Outcome[];
	requestCount: number;
	expectedRequests: number;
}

const valuesOf = (row: Row) => badValues(row.kind, row.case.parameters[row.field]);

planning = true;
const rows: Row[] = OPERATIONS.flatMap((c) =>
	requiredFields(c).map((property: INodeProperties): Row => {
		const kind = KINDS[c.node.name][property.name];
		const row: Row = {
			case: c,
			node: c.node.name,
			operation: c.operation,
			field: property.name,
			label: property.displayName,
			kind,
			plan: [],
		};
		row.plan = kind ? valuesOf(row).map(({ name, expect }) => ({ name, expect })) : [];
		return row;
	}),
);
planning = false;

let standIn: StandIn;
let log: Request[] = [];
let replyFor: (body: string) => unknown;

/**
 * Item 0 has every field of `group` valid; then, for each field in turn, one item per bad value
 * with the other fields valid. The group's fields read their item's value (`$json[field]`).
 */
async function runGroup(c: OperationCase, group: Row[], run: CaseRun): Promise<void> {
	const valid: IDataObject = Object.fromEntries(
		group.map((row) => [row.field, c.parameters[row.field]]),
	);
	const entries: Array<{ row?: Row; value: BadValue; json: IDataObject }> = [
		{ value: { name: 'valid', value: undefined, expect: 'intact' }, json: valid },
	];
	for (const row of group)
		for (const value of valuesOf(row))
			entries.push({ row, value, json: { ...valid, [row.field]: value.value } as IDataObject });
	log = [];
	replyFor = (body) => replyOf(c, body);
	const result = await runNode(
		{
			type: c.node.name,
			credentials: credentialsAt(c.node, standIn.origin),
			parameters: {
				resource: c.resource,
				operation: c.operation,
				...c.parameters,
				...Object.fromEntries(group.map((row) => [row.field, `={{ $json["${row.field}"] }}`])),
			},
			// the error output: its items carry the error itself (its kind, NodeOperationError for bad input)
			onError: 'errorOutput',
		},
		entries.map(({ json }) => json),
	);
	const requests = [...log];
	const outputs = [...result.items, ...result.errorItems];
	const items = entries.map((_entry, index) =>
		outputs.find((item) => (item.pairedItem as { item: number } | undefined)?.item === index),
	);
	const sent = items
		.map((item, index) => (item?.error?.name === 'NodeOperationError' ? undefined : index))
		.filter((index): index is number => index !== undefined);
	const outcomes: Outcome[] = entries.map(({ value }, index) => ({
		value,
		index,
		item: items[index],
	}));
	if (c.batchSize) {
		// bulk operations send in item order, batchSize items per request
		sent.forEach((index, position) => {
			const request = requests[Math.floor(position / c.batchSize!)];
			if (request) outcomes[index].sending = { request, entry: position % c.batchSize! };
		});
	} else {
		// one request per item, several at once for reads (they may arrive out of item order): each
		// item's request is the one carrying its own value; the valid item 0 takes the one left
		const left = new Set(requests);
		for (const index of sent.filter((index) => index > 0)) {
			const request = [...left].find((candidate) =>
				carries({ request: candidate }, entries[index].value),
			);
			if (!request) continue;
			outcomes[index].sending = { request };
			left.delete(request);
		}
		const rest = [...left];
		if (sent.includes(0) && rest.length) outcomes[0].sending = { request: rest[0] };
	}
	entries.forEach(({ row }, index) => row && run.outcomes.get(row)!.push(outcomes[index]));
	run.valid.push(outcomes[0]);
	run.requestCount += requests.length;
	run.expectedRequests += c.batchSize ? Math.ceil(sent.length / c.batchSize) : sent.length;
}

/** A required group of sub-fields (an address) set in the node itself: one run of one item per value. */
async function runCollection(c: OperationCase, row: Row, run: CaseRun): Promise<void> {
	for (const value of valuesOf(row)) {
		const parameters: Record<string, unknown> = {
			resource: c.resource,
			operation: c.operation,
			...c.parameters,
			[row.field]: value.value,
		};
		if (value.value === undefined) delete parameters[row.field];
		log = [];
		replyFor = (body) => replyOf(c, body);
		const result = await runNode(
			{
				type: c.node.name,
				credentials: credentialsAt(c.node, standIn.origin),
				parameters: parameters as INodeParameters,
				onError: 'errorOutput',
			},
			[{}],
		).catch((error: Error) => error);
		const sending = log[0] ? { request: log[0] } : undefined;
		if (result instanceof Error) {
			// n8n refuses to run a workflow whose required sub-field is empty; anything else is a crash
			run.outcomes.get(row)!.push({
				value,
				index: 0,
				notRun: result.name === 'WorkflowHasIssuesError',
				crash: result.message,
				sending,
			});
		} else {
			const item = [...result.items, ...result.errorItems][0];
			run.outcomes.get(row)!.push({ value, index: 0, item, sending });
			run.expectedRequests += item?.error?.name === 'NodeOperationError' ? 0 : 1;
		}
		run.requestCount += log.length;
	}
}

/**
 * One run for the operation's fields; a required group of sub-fields (an address) is set in the
 * node as it is, since n8n reads no sub-field from an expression.
 */
async function runCase(c: OperationCase, caseRows: Row[]): Promise<CaseRun> {
	const run: CaseRun = {
		outcomes: new Map(caseRows.map((row) => [row, []])),
		valid: [],
		requestCount: 0,
		expectedRequests: 0,
	};
	const plain = caseRows.filter((row) => row.kind !== 'collection');
	if (plain.length) await runGroup(c, plain, run);
	for (const row of caseRows.filter((r) => r.kind === 'collection'))
		await runCollection(c, row, run);
	return run;
}

const textsCache = new WeakMap<object, Set<string>>();

/** Every text in a value, JSON inside text included (Valigara's `data`). */
function collect(value: unknown, texts: Set<string>): Set<string> {
	if (typeof value === 'string') {
		texts.add(value);
		if (/^[[{]/.test(value)) {
			try {
				collect(JSON.parse(value), texts);
			} catch {
				// not JSON
			}
		}
	} else if (typeof value === 'number') texts.add(String(value));
	else if (value && typeof value === 'object')
		Object.values(value).forEach((entry) => collect(entry, texts));
	return texts;
}

const bodyCache = new WeakMap<Received, { body: unknown }>();

function parsedBody(request: Received): unknown {
	const cached = bodyCache.get(request);
	if (cached) return cached.body;
	const type = String(request.headers['content-type'] ?? '');
	let body: unknown = request.body;
	if (type.includes('form')) {
		const form = Object.fromEntries(new URLSearchParams(request.body)) as Record<string, unknown>;
		// Valigara's `data` is JSON inside the form: read as the service reads it
		try {
			if (typeof form.data === 'string') form.data = JSON.parse(form.data);
		} catch {
			// not JSON: kept as text
		}
		body = form;
	} else {
		try {
			body = JSON.parse(request.body);
		} catch {
			// not JSON: the text itself
		}
	}
	bodyCache.set(request, { body });
	return body;
}

/**
 * Every text the service received for an item: path segments and query values decoded, the body
 * parsed; for an item of a bulk request, only its own entry of the request's list.
 */
function textsReceived({ request, entry }: Sending): Set<string> {
	if (request === 'refused by the server') return new Set();
	if (entry !== undefined) {
		const body = parsedBody(request) as IDataObject;
		// the list of entries: at the top of a JSON body, or in Valigara's `data`
		const list = [
			...Object.values(body ?? {}),
			...Object.values((body?.data as IDataObject) ?? {}),
		].find(Array.isArray) as unknown[] | undefined;
		return collect(list?.[entry], new Set());
	}
	const cached = textsCache.get(request);
	if (cached) return cached;
	const texts = new Set<string>();
	const [path, query = ''] = request.url.split('?');
	for (const segment of path.split('/')) {
		try {
			texts.add(decodeURIComponent(segment));
		} catch {
			texts.add(segment);
		}
	}
	new URLSearchParams(query).forEach((value) => texts.add(value));
	collect(parsedBody(request), texts);
	textsCache.set(request, texts);
	return texts;
}

/** Whether a request carries the value as the service should receive it. */
function carries(sent: Sending, value: BadValue): boolean {
	const received = value.received ?? String(value.value);
	// a megabyte of letters: found as it is in the URL or the body, no need to decode them
	if (
		received.length > 4096 &&
		/^[a-z0-9]+$/i.test(received) &&
		sent.request !== 'refused by the server'
	) {
		return sent.request.url.includes(received) || sent.request.body.includes(received);
	}
	return textsReceived(sent).has(received);
}

function describeOutcome({ item, sending, notRun, crash }: Outcome): string {
	if (crash && !notRun) return `the run threw: ${crash}`;
	if (notRun)
		return `not run by n8n (a required sub-field is empty)${sending ? ' after a request' : ''}`;
	const error = item?.error;
	if (error)
		return `${error.name}: ${error.message.slice(0, 160)}${sending ? ' after a request' : ''}`;
	return sending ? 'sent in 1 request' : 'no output item';
}

/**
 * Whether an error names no other field of the item as a problem: the item's other fields are all
 * valid, so a problem listed for one of them (`"End" must not be before the start`) is spurious.
 */
function namesNoOtherField(
	row: Row,
	error: { message: string; description?: string | null },
): boolean {
	const others = rows
		.filter((other) => other.case === row.case && other.label !== row.label)
		.map((other) => other.label);
	const lines = [
		error.message.replace(/^Invalid input: /, ''),
		...String(error.description ?? '').split('\n'),
	];
	return !lines.some((line) =>
		others.some((label) => line.startsWith(`"${label}"`) || line.startsWith(`"${label} (`)),
	);
}

/** Whether the item's outcome is what its value calls for (see the top of the file). */
function behaves(row: Row, outcome: Outcome): boolean {
	const { value, item, sending, index } = outcome;
	const error = item?.error;
	const refusedWell =
		error?.name === 'NodeOperationError' &&
		// the field's label; a JSON list may be named as the list it is ("Products" for "Products (JSON)")
		(error.message.includes(`"${row.label}`) ||
			error.message.includes(`"${row.label.replace(/ \(JSON\)$/, '')}"`)) &&
		// only this field's problem: every other field of the item is valid, so a problem naming one is spurious
		namesNoOtherField(row, error) &&
		error.message.includes(`[item ${index}]`) &&
		(item?.pairedItem as { item: number } | undefined)?.item === index &&
		sending === undefined;
	if (value.expect === 'refuse')
		return refusedWell || (outcome.notRun === true && sending === undefined);
	// (an item sent may have no output item: a list the service answered empty)
	const sentIntact = !error && sending !== undefined && carries(sending, value);
	return value.expect === 'intact' ? sentIntact : refusedWell || sentIntact;
}

const EXPECTED = {
	refuse: 'refused, naming field and item',
	intact: 'sent intact',
	either: 'refused, or sent intact',
};

/** name → what happened, for the values that did not behave */
function misbehaving(row: Row, outcomes: Outcome[], names: string[]): Record<string, string> {
	return Object.fromEntries(
		outcomes
			.filter((outcome) => names.includes(outcome.value.name) && !behaves(row, outcome))
			.map((outcome) => [
				outcome.value.name,
				`expected ${EXPECTED[outcome.value.expect]}, got ${describeOutcome(outcome)}`,
			]),
	);
}

beforeAll(async () => {
	standIn = await startStandIn(
		(request) => {
			log.push(request);
			return { status: 200, body: JSON.stringify(replyFor(request.body)) };
		},
		() => log.push('refused by the server'),
	);
});

afterAll(async () => await standIn.close());

describe('bad input › the table', () => {
	it('has a row for every operation each node offers, and a kind for every required field', () => {
		const covered = new Set(
			OPERATIONS.map((c) => `${c.node.name} › ${c.resource} › ${c.operation}`),
		);
		const missing = NODES.flatMap((node) =>
			offeredOperations(node.name).map((name) => `${node.name} › ${name}`),
		).filter((name) => !covered.has(name));
		expect(missing).toEqual([]);
		expect(
			rows.filter((row) => !row.kind).map((row) => `${titleOf(row.case)}: ${row.field}`),
		).toEqual([]);
	});
});

const cases = OPERATIONS.map(
	(c) => [titleOf(c), c, rows.filter((row) => row.case === c && row.kind)] as const,
).filter(([, , caseRows]) => caseRows.length > 0);

describe.each(cases)('%s', (_title, c, caseRows) => {
	let result: CaseRun;
	beforeAll(async () => {
		result = await withoutNock(async () => await runCase(c, caseRows));
	});

	it('sends the item whose fields are all valid', () => {
		expect(result.valid.map(describeOutcome)).toEqual(result.valid.map(() => 'sent in 1 request'));
	});

	it('costs one request per item it does not refuse (one per batch), and none for the others', () => {
		expect(result.requestCount).toBe(result.expectedRequests);
	});

	for (const row of caseRows) {
		const bugs = new Map(
			row.plan.map(({ name, expect: expectation }) => [
				name,
				KNOWN_BUGS.find((known) =>
					known.applies(row, { name, value: undefined, expect: expectation }),
				),
			]),
		);
		const sound = row.plan.filter(({ name }) => !bugs.get(name)).map(({ name }) => name);

		it(`"${row.label}" (${row.kind}): refuses or sends each value as it should: ${sound.join(', ')}`, () => {
			expect(misbehaving(row, result.outcomes.get(row)!, sound)).toEqual({});
		});

		for (const [name, bug] of bugs) {
			if (!bug) continue;
			const expectation = EXPECTED[row.plan.find((value) => value.name === name)!.expect];
			it.failing(`"${row.label}" ${name}: ${expectation} [known bug: ${bug.bug}]`, () => {
				expect(misbehaving(row, result.outcomes.get(row)!, [name])).toEqual({});
			});
		}
	}
});
