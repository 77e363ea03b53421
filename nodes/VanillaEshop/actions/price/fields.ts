import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import { compact } from '../common';
import { atLeast, dateOnly, id, number } from '../rules';

// Doc: Prices › Add price / Add Bulk prices: the same fields, one price or a list of them.
export const priceFields: INodeProperties[] = [
	{
		displayName: 'Product Entity ID',
		name: 'entity_id',
		type: 'string',
		required: true,
		default: '',
		description: 'The product’s entity ID in Magento',
	},
	{ displayName: 'Price', name: 'price', type: 'number', required: true, default: 0, typeOptions: { minValue: 0 } },
	{
		displayName: 'Start Date',
		name: 'date_start',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of the price, sent as YYYY-MM-DD in the workflow’s time zone',
	},
	{
		displayName: 'End Date',
		name: 'date_end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the price, sent as YYYY-MM-DD in the workflow’s time zone',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'number',
				default: 0,
				description: 'Which price wins when several apply on the same day',
			},
		],
	},
];

const priceSchema = (timeZone: string) =>
	z.object({
		entity_id: id,
		price: atLeast(0),
		date_start: dateOnly(timeZone),
		date_end: dateOnly(timeZone),
		priority: number.optional(),
	});

const labels = { entity_id: 'Product Entity ID', price: 'Price', date_start: 'Start Date', date_end: 'End Date', priority: 'Priority' };

export function readPrice(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const price = compact({
		entity_id: context.getNodeParameter('entity_id', itemIndex) as string,
		price: context.getNodeParameter('price', itemIndex) as number,
		date_start: context.getNodeParameter('date_start', itemIndex) as string,
		date_end: context.getNodeParameter('date_end', itemIndex) as string,
		...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	});
	return validate(context.getNode(), priceSchema(context.getTimezone()), price, itemIndex, labels);
}
