import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { idField, readId } from '../common';

// https://gigrove.com/api-docs/ "Get a single product": GET products/{id}/

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, [
	idField('productId', 'Product ID'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'productId', 'Product ID', itemIndex);
	return await gigroveObject(this, { method: 'GET', path: `products/${id}/`, subject: `product ${id}` }, itemIndex);
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
