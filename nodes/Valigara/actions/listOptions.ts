import type { INodeProperties } from 'n8n-workflow';

// Options of the operations that read lists Valigara documents no paging for (exports,
// searches): the guesses of ../guesses.ts, changeable per node. How they are read: ../listSettings.ts;
// how they are used: ../lists.ts.
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
		description:
			'The key of data asking for records from a date on (this node’s guess: Valigara’s Orders actions are not documented)',
	},
	{
		displayName: 'Date To Key',
		name: 'dateToKey',
		type: 'string',
		default: 'date_to',
		description: 'The key of data asking for records up to a date',
	},
];
