import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deliveriesExpected, deliveriesOf, send } from '../../transport';
import { deliveryIdField, deliveryTokenNotice } from '../fields';
import { readDeliveryIds } from '../schema';

// https://gigrove.com/api-docs/ Delivery API "get a single Delivery": GET deliveries/{delivery_id}.
// (WCFM itself registers only the update on this path: a store without the route answers 404.)

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'get',
	options: [
		{
			name: 'Get',
			value: 'get',
			description:
				'Get a delivery by its ID, or several by IDs separated by commas. Needs a delivery person’s token; returns one item per delivery.',
			action: 'Get a delivery',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [deliveryTokenNotice, deliveryIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readDeliveryIds(this, deliveryIdField, itemIndex);
	const { body } = await send(
		this,
		{
			method: 'GET',
			path: `deliveries/${id}`,
			subject: `delivery ${id}`,
			expects: deliveriesExpected(id),
		},
		itemIndex,
	);
	return deliveriesOf(body);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
