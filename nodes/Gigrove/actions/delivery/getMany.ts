import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { compact, numericId, oneOf, optionsOf, validate } from '../../../shared/validation';
import { gigroveList } from '../../transport';
import { deliveryTokenNotice } from '../fields';
import { fieldsIn, labelsIn } from '../schema';

// https://gigrove.com/api-docs/ Delivery API "get a Delivery list": GET deliveries. Filters as WCFM
// reads them; without a delivery person, the token's own deliveries.

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
				'Get the deliveries of the token’s delivery person or of another one, optionally only pending or delivered ones. Needs a delivery person’s token; returns one item per delivery.',
			action: 'Get many deliveries',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	deliveryTokenNotice,
	...listFields(100_000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Delivery Person ID',
				name: 'wcfm_delivery_boy',
				type: 'string',
				default: '',
				description: 'The user ID of a delivery person; the token’s own account when empty',
			},
			{
				displayName: 'Status',
				name: 'delivery_status',
				type: 'options',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Pending', value: 'pending' },
				],
				default: 'pending',
			},
		],
	},
];

const schema = z
	.object({
		wcfm_delivery_boy: numericId(),
		delivery_status: oneOf(optionsOf(fieldsIn(properties, 'filters'), 'delivery_status')),
	})
	.partial();
const labels = labelsIn(properties, 'filters');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = readListScope(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = validate(this.getNode(), schema, compact(filters), itemIndex, labels);
	return await gigroveList(this, 'deliveries', query, scope, itemIndex);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
