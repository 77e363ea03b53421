import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../common';
import { orderIdField } from './fields';

// Doc: Order › Get Order, GET v1/in/order/{order}
export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, [
	orderIdField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', 'Order ID', itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'GET', path: path('order', orderId), target: `Order ${orderId}` },
		itemIndex,
	);
	return recordOr(data, { order_id: orderId });
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
