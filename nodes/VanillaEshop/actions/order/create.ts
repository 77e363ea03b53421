import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readOrder } from './body';
import { orderProperties } from './properties';

// Doc: Order › Create Order, POST v1/in/order. The caller assigns the order ID (500000 or more).
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			description:
				'Create an order under your own order ID (500000 or more) with its customer, addresses, products and totals, from fields or JSON. Returns the order the API sends back.',
			action: 'Create an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = orderProperties('create');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readOrder(this, 'create', itemIndex);
	const data = await apiRequest(this, { method: 'POST', path: path('order'), body }, itemIndex);
	return recordOr(data, { order_id: body.order_id });
}
