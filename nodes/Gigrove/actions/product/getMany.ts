import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listFields, simplifyFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { simplifiedIfWanted } from '../../../shared/simplify';
import {
	compact,
	optionalText,
	labelsAt,
	numericId,
	oneOf,
	optionsOf,
	validate,
} from '../../../shared/validation';
import { SIMPLE_PRODUCT, gigroveList } from '../../transport';
import { sortCollection } from '../fields';
import { dateOrRaw, fieldsIn, idList, isoDate, labelsIn, price, splitList } from '../schema';
import { productTypes } from './properties';

// https://gigrove.com/api-docs/ "Get all products": GET products/. Filters as WCFM passes them to
// WordPress (WooCommerce's names); the seller's own products only.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getMany',
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'Get the seller’s products, optionally by search, SKU, category, tag, status, type, price or date, and sorted. Returns one item per product; Simplify keeps the fields a merchant uses.',
			action: 'Get many products',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...listFields(100_000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Category ID', name: 'category', type: 'string', default: '' },
			{
				displayName: 'Exclude Product IDs',
				name: 'exclude',
				type: 'string',
				default: '',
				placeholder: 'e.g. 101, 102',
			},
			{ displayName: 'Max Price', name: 'max_price', type: 'string', default: '' },
			{ displayName: 'Min Price', name: 'min_price', type: 'string', default: '' },
			{
				displayName: 'Parent Product IDs',
				name: 'parent',
				type: 'string',
				default: '',
				placeholder: 'e.g. 101',
			},
			{
				displayName: 'Product IDs',
				name: 'include',
				type: 'string',
				default: '',
				placeholder: 'e.g. 101, 102',
			},
			{ displayName: 'Published After', name: 'after', type: 'dateTime', default: '' },
			{ displayName: 'Published Before', name: 'before', type: 'dateTime', default: '' },
			{ displayName: 'Search', name: 'search', type: 'string', default: '' },
			{
				displayName: 'SKU',
				name: 'sku',
				type: 'string',
				default: '',
				description: 'One SKU, or several separated by commas',
			},
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'post_status',
				type: 'multiOptions',
				options: [
					{ name: 'Draft', value: 'draft' },
					{ name: 'Pending Review', value: 'pending' },
					{ name: 'Private', value: 'private' },
					{ name: 'Published', value: 'publish' },
				],
				default: [],
				description: 'The store returns published, pending and draft products when none is chosen',
			},
			{ displayName: 'Tag ID', name: 'tag', type: 'string', default: '' },
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: productTypes,
				default: 'simple',
			},
		],
	},
	sortCollection(
		[
			{ name: 'Date Published', value: 'date' },
			{ name: 'Date Modified', value: 'modified' },
			{ name: 'ID', value: 'id' },
			{ name: 'Title', value: 'title' },
		],
		'date',
	),
	...simplifyFields,
];

const filterFields = fieldsIn(properties, 'filters');
const sortFields = fieldsIn(properties, 'sort');

const filterSchema = z
	.object({
		after: isoDate,
		before: isoDate,
		category: numericId(),
		exclude: idList,
		include: idList,
		parent: idList,
		max_price: price,
		min_price: price,
		search: optionalText(),
		sku: z.string().trim(),
		slug: z.string().trim(),
		post_status: z.array(oneOf(optionsOf(filterFields, 'post_status'))),
		tag: numericId(),
		type: oneOf(productTypes),
		orderby: oneOf(optionsOf(sortFields, 'orderby')),
		order: oneOf(optionsOf(sortFields, 'order')),
	})
	.partial();

// the lists are checked entry by entry: an entry is named by its list's label
const filterLabels = labelsIn(properties, 'filters');
const labels = {
	...filterLabels,
	...labelsIn(properties, 'sort'),
	...labelsAt(filterLabels, {
		'exclude.*': 'exclude',
		'include.*': 'include',
		'parent.*': 'parent',
	}),
};

/** The query of one item's list: a new object per item, so nothing leaks into the next one. */
function listQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const timeZone = context.getTimezone();
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = context.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const draft = compact({
		...filters,
		...sort,
		after: dateOrRaw(filters.after, timeZone),
		before: dateOrRaw(filters.before, timeZone),
		exclude: filters.exclude ? splitList(filters.exclude) : undefined,
		include: filters.include ? splitList(filters.include) : undefined,
		parent: filters.parent ? splitList(filters.parent) : undefined,
		post_status:
			Array.isArray(filters.post_status) && filters.post_status.length > 0
				? filters.post_status
				: undefined,
	} as IDataObject);
	const query = validate(context.getNode(), filterSchema, draft, itemIndex, labels);
	// WordPress reads lists as comma-separated values.
	return compact({
		...query,
		exclude: query.exclude?.join(','),
		include: query.include?.join(','),
		parent: query.parent?.join(','),
		post_status: query.post_status?.join(','),
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = readListScope(this, itemIndex);
	const products = await gigroveList(
		this,
		'products/',
		listQuery(this, itemIndex),
		scope,
		itemIndex,
	);
	return simplifiedIfWanted(this, itemIndex, SIMPLE_PRODUCT, products);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
