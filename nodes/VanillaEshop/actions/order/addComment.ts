import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId, readText } from '../common';
import { orderIdField } from './fields';
import { historyOptions, readHistoryOptions } from './history';

// Doc: Order › Add Comment Order, POST v1/in/orderHistory
export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['addComment'] } }, [
	orderIdField,
	{ displayName: 'Comment', name: 'comment', type: 'string', typeOptions: { rows: 3 }, required: true, default: '' },
	historyOptions,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', 'Order ID', itemIndex);
	const comment = readText(this, 'comment', 'Comment', itemIndex);
	const body = { comment, order_id: orderId, ...readHistoryOptions(this, itemIndex) };
	const data = await apiRequest(this, { method: 'POST', path: path('orderHistory'), body }, itemIndex);
	return recordOr(data, { order_id: orderId });
}
