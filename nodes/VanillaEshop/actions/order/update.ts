import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../body';
import { readOrder } from './body';
import { orderIdField, orderProperties } from './properties';

// Doc: Order › Update Order, PUT v1/in/order/{order}. Every field of Create but the ID is required
// again, and products and totals replace the order's own.
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'update',
	options: [
		{
			name: 'Update',
			value: 'update',
			description:
				'Replace an order by its ID: every field of Create is needed again, and its products and totals are replaced. Returns the order the API sends back.',
			action: 'Update an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = orderProperties('update');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, orderIdField, itemIndex);
	const body = readOrder(this, 'update', itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'PUT', path: path('order', orderId), body, subject: `order ${orderId}` },
		itemIndex,
	);
	return recordOr(data, { order_id: orderId });
}
