import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { compact, optionalText, numericId, oneOf, validate } from '../../../shared/validation';
import { gigroveList } from '../../transport';
import { BOOKING_STATUSES } from './status';
import { dateOrRaw, isoDate, labelsIn } from '../schema';

// https://gigrove.com/api-docs/ Bookings API "GET – All Bookings": GET bookings/. Filters as WCFM
// reads them (it answers 403 when the store has no bookings plugin).

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
				'Get the store’s bookings, optionally by product, status, start date or search. Returns one item per booking; Return All or Limit sets how many.',
			action: 'Get many bookings',
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
				displayName: 'Product ID',
				name: 'booking_filter',
				type: 'string',
				default: '',
				description: 'Only bookings of this bookable product',
			},
			{ displayName: 'Search', name: 'search', type: 'string', default: '' },
			{
				displayName: 'Starts After',
				name: 'after',
				type: 'dateTime',
				default: '',
				description: 'WCFM stores compare the start day',
			},
			{
				displayName: 'Starts Before',
				name: 'before',
				type: 'dateTime',
				default: '',
				description: 'WCFM stores compare the start day',
			},
			{
				displayName: 'Status',
				name: 'booking_status',
				type: 'options',
				options: BOOKING_STATUSES,
				default: 'confirmed',
			},
		],
	},
];

const schema = z
	.object({
		booking_filter: numericId(),
		search: optionalText(),
		after: isoDate,
		before: isoDate,
		booking_status: oneOf(BOOKING_STATUSES),
	})
	.partial();

const labels = labelsIn(properties, 'filters');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = readListScope(this, itemIndex);
	const timeZone = this.getTimezone();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = validate(
		this.getNode(),
		schema,
		compact({
			...filters,
			after: dateOrRaw(filters.after, timeZone),
			before: dateOrRaw(filters.before, timeZone),
		}),
		itemIndex,
		labels,
	);
	return await gigroveList(this, 'bookings/', query, scope, itemIndex);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
