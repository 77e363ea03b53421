import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { formatDateTime } from '../../shared/dates';
import { requiredId, validate } from '../../shared/validation';

/** A required ID field (text, so expressions and long IDs pass unchanged). */
export function idField(name: string, displayName: string, description?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder: 'e.g. 5694268', description };
}

/** Store IDs are whole numbers; an empty one would turn a Get into a List, so it is refused. */
export const numericId = () =>
	requiredId().pipe(z.string().regex(/^\d+$/, 'must be a whole number (the ID shown in the store)'));

/** The ID in a required field, validated before any request. */
// Built once: a zod schema costs more to build than to check (140 µs against 22 µs per item).
const idSchema = z.object({ id: numericId() });

export function readId(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return validate(context.getNode(), idSchema, { id: value ?? '' }, itemIndex, { id: label }).id;
}

/** "15, 23" or [15, 23] or 15 → a list to validate; anything else is left for the schema to refuse. */
export function splitList(value: unknown): unknown {
	if (Array.isArray(value)) return value;
	if (typeof value === 'number') return [value];
	if (typeof value === 'string') {
		return value
			.split(',')
			.map((part) => part.trim())
			.filter((part) => part !== '');
	}
	return value;
}

/** A list of store IDs (categories, products) as numbers. */
export const idList = z.array(
	z
		.union([z.number(), z.string().trim().regex(/^\d+$/, 'must be a comma-separated list of IDs')])
		.transform(Number)
		.pipe(z.number().int('must be whole numbers').positive('must be IDs above 0')),
	{ invalid_type_error: 'must be a comma-separated list of IDs' },
);

/** A comma-separated list of names (tags, attribute terms). */
export const nameList = z.array(z.union([z.string(), z.number()]).transform((value) => String(value).trim()), {
	invalid_type_error: 'must be a comma-separated list',
});

/** A date field → `YYYY-MM-DDTHH:MM:SS` (ISO 8601 without offset) in the workflow's time zone. */
export function isoDateTime(value: unknown, timeZone: string): string | undefined {
	return formatDateTime(value, timeZone)?.replace(' ', 'T');
}

/** A date field as ISO text; what is not a date stays as written, for the schema to name it. */
export function dateOrRaw(value: unknown, timeZone: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return isoDateTime(value, timeZone) ?? String(value);
}

export const isoDate = z.string({ invalid_type_error: 'must be a date' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'must be a date');

/** Drops fields the user left empty, so only what was set is sent. */
export function compact(record: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(record).filter(([, value]) => value !== '' && value !== undefined && value !== null),
	);
}

/** Sort direction, shared by every list that the store can sort. */
export const sortDirectionOption: INodeProperties = {
	displayName: 'Sort Direction',
	name: 'order',
	type: 'options',
	options: [
		{ name: 'Descending', value: 'desc' },
		{ name: 'Ascending', value: 'asc' },
	],
	default: 'desc',
};

/** A list's Sort collection: what to order by (the store's own names) and the direction. */
export function sortCollection(orderBy: Array<{ name: string; value: string }>, defaultOrderBy: string): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		options: [
			{ displayName: 'Order By', name: 'orderby', type: 'options', options: orderBy, default: defaultOrderBy },
			sortDirectionOption,
		],
	};
}

/** The description every operation beyond Gigrove's documentation carries. */
export const BEYOND_DOC = 'Not in Gigrove’s documentation: depends on the store’s API (a WCFM Marketplace route)';

export function beyondDocNotice(): INodeProperties {
	return {
		displayName: `${BEYOND_DOC}. If the store does not offer it, the node says so.`,
		name: 'beyondDocNotice',
		type: 'notice',
		default: '',
	};
}
