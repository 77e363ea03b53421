import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../common';
import { oneOf, optionalText } from '../rules';
import { ORDER_STATUSES, orderIdField } from './fields';
import { historyOptions, readHistoryOptions } from './history';

// Doc: Order › Change Order Status, POST v1/in/orderStatus (also adds an order history entry)
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'changeStatus',
	options: [
		{
			name: 'Change Status',
			value: 'changeStatus',
			description: 'Set an order’s status and record it in its history',
			action: 'Change an order status',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	orderIdField,
	{
		displayName: 'Status',
		name: 'order_status_code',
		type: 'options',
		options: ORDER_STATUSES,
		default: 'processing',
	},
	historyOptions,
];

const schema = z.object({ order_status_code: oneOf(ORDER_STATUSES), order_id: z.string(), user_id: optionalText });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', 'Order ID', itemIndex);
	const body = validate(
		this.getNode(),
		schema,
		{
			order_status_code: this.getNodeParameter('order_status_code', itemIndex),
			order_id: orderId,
			...readHistoryOptions(this, itemIndex),
		},
		itemIndex,
		{ order_status_code: 'Status', user_id: 'User ID' },
	);
	const data = await apiRequest(this, { method: 'POST', path: path('orderStatus'), body }, itemIndex);
	return recordOr(data, { order_id: orderId });
}
