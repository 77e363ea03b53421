import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { oneOf, optionalText, validate } from '../../../shared/validation';
import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../body';
import { bodyLabels } from '../labels';
import { readHistoryOptions } from './body';
import { ORDER_STATUSES, historyOptions, orderIdField } from './properties';

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
			description:
				'Set an order’s status and record it in the order’s history. Returns the history entry the API sends back, or success: true with the order ID.',
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

const schema = z.object({
	order_status_code: oneOf(ORDER_STATUSES),
	order_id: z.string(),
	user_id: optionalText(),
});
const labels = bodyLabels(properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, orderIdField, itemIndex);
	const body = validate(
		this.getNode(),
		schema,
		{
			order_status_code: this.getNodeParameter('order_status_code', itemIndex),
			order_id: orderId,
			...readHistoryOptions(this, itemIndex),
		},
		itemIndex,
		labels,
	);
	const data = await apiRequest(
		this,
		{ method: 'POST', path: path('orderStatus'), body },
		itemIndex,
	);
	return recordOr(data, { order_id: orderId });
}
