import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { productProperties, readProduct } from './fields';

// Doc: Products › Create Product, POST v1/in/products
export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['create'] } },
	productProperties('create'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readProduct(this, 'create', itemIndex);
	const data = await apiRequest(this, { method: 'POST', path: path('products'), body }, itemIndex);
	return recordOr(data, { sku: body.sku });
}
