import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { formatDateTime } from '../../shared/dates';
import { readLocatorValue } from '../../shared/locator';
import { labelsOf, numericId, requiredId, validate } from '../../shared/validation';
import type { FieldLabels } from '../../shared/validation';

// Checks several of Gigrove's operations share: IDs, lists of IDs, prices, dates.

// Built once: a zod schema costs more to build than to check (140 µs against 22 µs per item).
const idSchema = z.object({ id: numericId() });

/** The store ID in a required ID field (a locator or a plain field), checked before any request, named by the field's label. */
export function readId(
	context: IExecuteFunctions,
	field: INodeProperties,
	itemIndex: number,
): string {
	const value = readLocatorValue(context, field, itemIndex);
	return validate(context.getNode(), idSchema, { id: value ?? '' }, itemIndex, {
		id: field.displayName,
	}).id;
}

const deliveryIds = z.object({
	id: requiredId()
		.transform((value) => value.replace(/\s+/g, ''))
		.pipe(
			z.string().regex(/^\d+(,\d+)*$/, 'must be a delivery ID, or several separated by commas'),
		),
});

/** One delivery ID, or several separated by commas (WCFM accepts a list on this path). */
export function readDeliveryIds(
	context: IExecuteFunctions,
	field: INodeProperties,
	itemIndex: number,
): string {
	const value = readLocatorValue(context, field, itemIndex);
	return validate(context.getNode(), deliveryIds, { id: value ?? '' }, itemIndex, {
		id: field.displayName,
	}).id;
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
export const nameList = z.array(
	z.union([z.string(), z.number()]).transform((value) => String(value).trim()),
	{
		invalid_type_error: 'must be a comma-separated list',
	},
);

/** A price as the store takes it: digits with an optional decimal point, sent as text. */
export const price = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.pipe(z.string().regex(/^\d+(\.\d+)?$/, 'must be a price such as 19.99'));

/** A date field as ISO text (`YYYY-MM-DDTHH:MM:SS`, workflow time zone); what is not a date stays as written, for the schema to name it. */
export function dateOrRaw(value: unknown, timeZone: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return formatDateTime(value, timeZone)?.replace(' ', 'T') ?? String(value);
}

export const isoDate = z
	.string({ invalid_type_error: 'must be a date' })
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'must be a date');

/** The fields inside the collection `name` (Filters, Sort) of an operation's properties. */
export function fieldsIn(properties: readonly INodeProperties[], name: string): INodeProperties[] {
	const collection = properties.find(
		(property) => property.name === name && property.type === 'collection',
	);
	if (!collection) throw new Error(`No collection "${name}"`);
	return collection.options as INodeProperties[];
}

/** The labels of a collection's fields, by their own names: messages name "Search", not "Filters › Search". */
export function labelsIn(properties: readonly INodeProperties[], name: string): FieldLabels {
	return labelsOf(fieldsIn(properties, name));
}
