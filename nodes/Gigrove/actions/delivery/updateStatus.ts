import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { deliveriesExpected, deliveriesOf, send } from '../../transport';
import { deliveryIdField, deliveryTokenNotice } from '../fields';
import { readDeliveryIds } from '../schema';

// https://gigrove.com/api-docs/ Delivery API "update Delivery Status": POST deliveries/{delivery_id}.
// WCFM takes no body: it marks the delivery delivered, and replies with it (several IDs merged).

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'updateStatus',
	options: [
		{
			name: 'Update Status',
			value: 'updateStatus',
			description:
				'Mark a delivery, or several by IDs separated by commas, as delivered. Needs a delivery person’s token; returns the delivery as the store sends it back (one item; one per delivery if the store answers them apart).',
			action: 'Update the status of a delivery',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	deliveryTokenNotice,
	{
		displayName: 'The store marks the delivery as delivered: its API offers no other status',
		name: 'deliveredNotice',
		type: 'notice',
		default: '',
	},
	{ ...deliveryIdField, description: 'One delivery ID, or several separated by commas' },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readDeliveryIds(this, deliveryIdField, itemIndex);
	const { body } = await send(
		this,
		{
			method: 'POST',
			path: `deliveries/${id}`,
			subject: `delivery ${id}`,
			expects: deliveriesExpected(id),
		},
		itemIndex,
	);
	// WCFM merges several IDs into one delivery; should the store answer one per ID, each is an item
	return deliveriesOf(body);
}
