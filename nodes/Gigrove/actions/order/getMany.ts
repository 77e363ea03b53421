import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listFields, simplifyFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { simplifiedIfWanted } from '../../../shared/simplify';
import { compact, optionalText, oneOf, optionsOf, validate } from '../../../shared/validation';
import { SIMPLE_ORDER, gigroveList } from '../../transport';
import { sortCollection } from '../fields';
import { dateOrRaw, fieldsIn, isoDate, labelsIn } from '../schema';

// https://gigrove.com/api-docs/ "Get all orders": GET orders/. WCFM lists the seller's orders from
// its own table: it filters by creation day only when both dates are given (and not with a
// search), and sorts by a column of that table.

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
				'Get the seller’s orders, optionally by creation dates or a search (order number, customer name or email). Returns one item per order; Simplify keeps the fields a merchant uses.',
			action: 'Get many orders',
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
			{
				displayName: 'Created After',
				name: 'after',
				type: 'dateTime',
				default: '',
				description: 'WCFM stores apply the dates only when both are set, and compare whole days',
			},
			{
				displayName: 'Created Before',
				name: 'before',
				type: 'dateTime',
				default: '',
				description: 'WCFM stores apply the dates only when both are set, and compare whole days',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Order number, customer name or email',
			},
		],
	},
	sortCollection(
		[
			{ name: 'Date Created', value: 'created' },
			{ name: 'Order ID', value: 'order_id' },
		],
		'order_id',
	),
	...simplifyFields,
];

const schema = z
	.object({
		after: isoDate,
		before: isoDate,
		search: optionalText(),
		orderby: oneOf(optionsOf(fieldsIn(properties, 'sort'), 'orderby')),
		order: oneOf(optionsOf(fieldsIn(properties, 'sort'), 'order')),
	})
	.partial();
const labels = { ...labelsIn(properties, 'filters'), ...labelsIn(properties, 'sort') };

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = readListScope(this, itemIndex);
	const timeZone = this.getTimezone();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const query = validate(
		this.getNode(),
		schema,
		compact({
			...filters,
			...sort,
			after: dateOrRaw(filters.after, timeZone),
			before: dateOrRaw(filters.before, timeZone),
		}),
		itemIndex,
		labels,
	);
	const orders = await gigroveList(this, 'orders/', query, scope, itemIndex);
	return simplifiedIfWanted(this, itemIndex, SIMPLE_ORDER, orders);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
