import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { orderProperties, readOrder } from './fields';

// Doc: Order › Create Order, POST v1/in/order. The caller assigns the order ID (500000 or more).
export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['create'] } },
	orderProperties('create'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readOrder(this, 'create', itemIndex);
	const data = await apiRequest(this, { method: 'POST', path: path('order'), body }, itemIndex);
	return recordOr(data, { order_id: body.order_id });
}
