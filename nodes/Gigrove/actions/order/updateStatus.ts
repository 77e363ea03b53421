import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { beyondDocNotice, ORDER_STATUSES, orderIdField } from '../fields';
import { readId } from '../schema';

// WCFM route PUT orders/{id} with {status} (not in Gigrove's documentation); replies with the order.

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
				'Set an order’s status, such as Processing or Completed (beyond Gigrove’s docs: the store’s API must offer it). Returns the order as the store sends it back.',
			action: 'Update the status of an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	orderIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: ORDER_STATUSES,
		default: 'processing',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, orderIdField, itemIndex);
	const status = this.getNodeParameter('status', itemIndex) as string;
	return await gigroveObject(
		this,
		{ method: 'PUT', path: `orders/${id}`, body: { status }, subject: `order ${id}` },
		itemIndex,
	);
}
