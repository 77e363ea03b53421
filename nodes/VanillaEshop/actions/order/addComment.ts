import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId, readText } from '../body';
import { readHistoryOptions } from './body';
import { historyOptions, orderIdField } from './properties';

// Doc: Order › Add Comment Order, POST v1/in/orderHistory
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'addComment',
	options: [
		{
			name: 'Add Comment',
			value: 'addComment',
			description:
				'Add a comment to an order’s history. Returns the history entry the API sends back, or success: true with the order ID.',
			action: 'Add a comment to an order',
		},
	],
} satisfies INodeProperties;

const commentField: INodeProperties = {
	displayName: 'Comment',
	name: 'comment',
	type: 'string',
	typeOptions: { rows: 3 },
	required: true,
	default: '',
};

export const properties: INodeProperties[] = [orderIdField, commentField, historyOptions];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, orderIdField, itemIndex);
	const comment = readText(this, commentField, itemIndex);
	const body = { comment, order_id: orderId, ...readHistoryOptions(this, itemIndex) };
	const data = await apiRequest(
		this,
		{ method: 'POST', path: path('orderHistory'), body },
		itemIndex,
	);
	return recordOr(data, { order_id: orderId });
}
