import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { idField, readId } from '../common';

// https://gigrove.com/api-docs/ "Get a single order": GET orders/{id}

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, [idField('orderId', 'Order ID')]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'orderId', 'Order ID', itemIndex);
	return await gigroveObject(this, { method: 'GET', path: `orders/${id}`, subject: `order ${id}` }, itemIndex);
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
