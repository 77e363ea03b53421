import type { INodeProperties } from 'n8n-workflow';

/** Return All and Limit for a list operation; each operation scopes them with updateDisplayOptions. */
export function listFields(maxLimit: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: maxLimit },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** What a polling trigger does on its first activation, said where the user sets it up. */
export const baselineNotice: INodeProperties = {
	displayName:
		'The first activation only notes the newest record: later ones start the workflow, one execution per poll, one item per record',
	name: 'baselineNotice',
	type: 'notice',
	default: '',
};

/** A trigger's "Start From" option: emit history from a date on, on the first activation only. */
export function startFromOption(whatDate: string): INodeProperties {
	return {
		displayName: 'Start From',
		name: 'startFrom',
		type: 'dateTime',
		default: '',
		description: `On the first activation, emit every record ${whatDate} from this date on instead of only noting the newest one`,
	};
}

/** Requests at once a run may send: the ceiling of its adaptive limit (shared/limiter.ts). */
export const MAX_REQUESTS_AT_ONCE = 100;

/**
 * Options › Requests at Once, which every per-item operation gets from the registry: for a read
 * the ceiling of the run's adaptive limit (READ_CEILING in items.ts: n8n's lint wants the default
 * written out here, and a test checks they agree), for a write 1 unless the user allows more,
 * knowing that the writes may then happen out of order.
 */
export const requestsAtOnceForReads: INodeProperties = {
	displayName: 'Requests at Once',
	name: 'requestsAtOnce',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 32,
	description:
		'The most requests the node sends at once. It starts with one and sends more only while the service answers cleanly and as fast as before; a rate limit or slower answers bring it down.',
};

export const requestsAtOnceForWrites: INodeProperties = {
	displayName: 'Requests at Once',
	name: 'requestsAtOnce',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100 },
	default: 1,
	description:
		'The most items changed at once. 1 (the default) changes them one after the other, in input order; with more, the changes may happen in another order.',
};

/**
 * An operation's Options collection, its options in alphabetical order as n8n's lint wants them.
 * Every Options block is built here, so they read and sort the same way.
 */
export function optionsCollection(
	options: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		...extra,
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The node version from which Simplify is offered (on by default); version-1 nodes keep the raw reply. */
export const SIMPLIFY_SINCE = 1.1;

const fromSimplifyOn = { '@version': [{ _cnd: { gte: SIMPLIFY_SINCE } }] };

/**
 * Simplify, as n8n's own nodes offer it (Notion v2, Airtable v2): shown from node version 1.1 on,
 * so saved version-1 workflows keep the raw reply. Each operation names its few fields
 * (shared/simplify.ts applies them). As an AI agent's tool (n8n's `<node>Tool` variant, which
 * `@tool` reads), Output takes its place, as n8n's guidelines ask for tools: Simplified, Raw or
 * the fields the agent's builder names.
 */
export const simplifyFields: INodeProperties[] = [
	{
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: { ...fromSimplifyOn, '@tool': [false] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'simple',
		description: 'Which fields of the reply go to the agent',
		options: [
			{ name: 'Raw', value: 'raw', description: 'Every field the service returns' },
			{
				name: 'Selected Fields',
				value: 'fields',
				description: 'Only the fields named below',
			},
			{
				name: 'Simplified',
				value: 'simple',
				description: 'The few fields a merchant uses (as Simplify gives them)',
			},
		],
		displayOptions: { show: { ...fromSimplifyOn, '@tool': [true] } },
	},
	{
		displayName: 'Fields',
		name: 'outputFields',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. status, total, billing.email, line_items[].name',
		description:
			'Comma-separated fields of the reply to keep: a field of an object as billing.email, of every entry of a list as line_items[].name',
		displayOptions: { show: { ...fromSimplifyOn, '@tool': [true], output: ['fields'] } },
	},
];
