import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readProduct, readProductKey } from './body';
import { productKeyProperties, productProperties } from './properties';

// Doc: Products › Update Product, PUT v1/in/products/{product} ("replace {product} with sku of
// magento"). Options and special prices replace the product's own.
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'update',
	options: [
		{
			name: 'Update',
			value: 'update',
			description:
				'Replace a product, found by SKU or Magento entity ID, its options and special prices included. Returns the product the API sends back.',
			action: 'Update a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...productKeyProperties('sku'),
	...productProperties('update'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = readProductKey(this, itemIndex);
	const body = readProduct(this, 'update', itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'PUT', path: path('products', key.value), body, subject: key.subject },
		itemIndex,
	);
	return recordOr(data, key.output);
}
