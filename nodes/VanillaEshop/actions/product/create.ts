import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readProduct } from './body';
import { productProperties } from './properties';

// Doc: Products › Create Product, POST v1/in/products
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
				'Create a product from its SKU, Arabic and English names, prices, stock and categories, or from JSON. Returns the API’s reply with the new product_id.',
			action: 'Create a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = productProperties('create');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readProduct(this, 'create', itemIndex);
	const data = await apiRequest(this, { method: 'POST', path: path('products'), body }, itemIndex);
	return recordOr(data, { sku: body.sku });
}
