import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { addHint } from '../../shared/hints';
import { readListScope } from '../../shared/pagination';
import { GUESSES } from '../guesses';
import { newListMemory, readValigaraList } from '../lists';
import { valigaraRequest } from '../transport';
import type { ValigaraData } from '../transport';
import { recordsOf } from './common';
import type { ListMemory, Paging } from '../lists';

// Options of the operations that read lists Valigara documents no paging for (exports,
// searches): the guesses of ../guesses.ts, changeable per node. How they are used: ../lists.ts.
// n8n's lint reads defaults as literals: test/valigara/definition.test.ts checks they are the guesses.

export const pagingOptions: INodeProperties[] = [
	{
		displayName: 'Page Key',
		name: 'pageKey',
		type: 'string',
		default: 'page',
		description:
			'The key of data asking for a page (1, 2, …). Valigara documents no paging: this is a guess, and a reply that may have been cut is read again in parts either way. Empty: no paging keys are sent.',
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10_000 },
		default: 100,
		description: 'How many records a page is asked to hold (sent under Page Size Key)',
	},
	{
		displayName: 'Page Size Key',
		name: 'limitKey',
		type: 'string',
		default: 'limit',
		description: 'The key of data asking for the page size. Empty: no paging keys are sent.',
	},
];

/** "Replies Are Never Cut": the user's word that Valigara answers with whole lists. */
export const wholeRepliesOption: INodeProperties = {
	displayName: 'Replies Are Never Cut',
	name: 'wholeReplies',
	type: 'boolean',
	default: false,
	description:
		'Whether Valigara always answers with the whole list in one reply. Off (safe): a reply that may have been cut is read again in parts, and the node says so when it cannot be. On: each reply is taken as it is; no paging keys are sent.',
};

/** The paging and record options of a search (no record fields) or an export. */
export function listOptions(record?: { idField: string; dateField: string }): INodeProperties[] {
	if (!record) return [...pagingOptions, wholeRepliesOption];
	return [
		{
			displayName: 'Date Field',
			name: 'dateField',
			type: 'string',
			default: '',
			placeholder: record.dateField,
			description: `The record field the date filters apply to (empty: ${record.dateField}). A reply that may have been cut is read again in smaller date windows by it.`,
		},
		...dateKeyOptions,
		{
			displayName: 'ID Field',
			name: 'idField',
			type: 'string',
			default: '',
			placeholder: record.idField,
			description: `The record field holding its ID (empty: ${record.idField}): a record read twice comes out once`,
		},
		...pagingOptions,
		wholeRepliesOption,
	];
}

/** The keys of data that ask for a date window (From Date / To Date). */
export const dateKeyOptions: INodeProperties[] = [
	{
		displayName: 'Date From Key',
		name: 'dateFromKey',
		type: 'string',
		default: 'date_from',
		description: 'The key of data asking for records from a date on (this node’s guess: Valigara’s Orders actions are not documented)',
	},
	{
		displayName: 'Date To Key',
		name: 'dateToKey',
		type: 'string',
		default: 'date_to',
		description: 'The key of data asking for records up to a date',
	},
];

/** The date keys of the options, the guesses where left out or empty. */
export function dateKeysFrom(options: IDataObject): { from: string; to: string } {
	return {
		from: String(options.dateFromKey ?? '').trim() || GUESSES.dateKeys.from,
		to: String(options.dateToKey ?? '').trim() || GUESSES.dateKeys.to,
	};
}

/**
 * The paging keys to send, from the options (the trigger's, or an item's); undefined when the
 * user emptied a key. A Page Size that is not a whole number of at least 1 is `invalid`.
 */
export function pagingFrom(options: IDataObject): Paging | undefined | 'invalid' {
	const pageKey = String(options.pageKey ?? GUESSES.paging.pageKey).trim();
	const limitKey = String(options.limitKey ?? GUESSES.paging.limitKey).trim();
	if (!pageKey || !limitKey) return undefined;
	const pageSize = options.pageSize ?? GUESSES.paging.pageSize;
	if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1) return 'invalid';
	return { pageKey, limitKey, pageSize };
}

export const PAGE_SIZE_PROBLEM = '"Page Size" must be a whole number of at least 1';

/** The paging keys of an item's options; bad input is an error naming the item. */
export function readPaging(context: IExecuteFunctions, itemIndex: number, options: IDataObject): Paging | undefined {
	const paging = pagingFrom(options);
	if (paging === 'invalid') throw inputError(context.getNode(), PAGE_SIZE_PROBLEM, { itemIndex });
	return paging;
}

const memories = new WeakMap<object, Map<string, ListMemory>>();

/** What this run has learnt of how an action answers lists, shared by its items. */
export function runMemory(context: IExecuteFunctions, action: string): ListMemory {
	let byAction = memories.get(context);
	if (!byAction) {
		byAction = new Map();
		memories.set(context, byAction);
	}
	let memory = byAction.get(action);
	if (!memory) {
		memory = newListMemory();
		byAction.set(action, memory);
	}
	return memory;
}

/**
 * A search of one item (its `data` filters, or none): every ID it finds, read as ../lists.ts reads
 * lists Valigara does not page.
 */
export async function readSearch(
	context: IExecuteFunctions,
	itemIndex: number,
	action: string,
	idField: string,
	filters: ValigaraData | undefined,
): Promise<IDataObject[]> {
	const { limit } = readListScope(context, itemIndex);
	if (Array.isArray(filters)) {
		// a list as data (JSON mode) takes no keys: sent as written, the reply as it comes
		return recordsOf(await valigaraRequest(context, action, filters, itemIndex), idField).slice(0, limit);
	}
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { records, warning } = await readValigaraList(
		context,
		{
			action,
			filters: (filters ?? {}) as IDataObject,
			idField,
			paging: readPaging(context, itemIndex, options),
			wholeReplies: options.wholeReplies === true,
			limit,
		},
		runMemory(context, action),
		itemIndex,
	);
	if (warning) addHint(context, warning, itemIndex);
	return records;
}
