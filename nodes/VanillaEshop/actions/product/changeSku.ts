import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../body';

// Doc: Products › Change Sku, POST v1/in/products/{sku}/change-sku. When a SKU changes in Magento,
// call this first, then Update with the new SKU.
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'changeSku',
	options: [
		{
			name: 'Change SKU',
			value: 'changeSku',
			description:
				'Change a product’s SKU, before updating the product under its new SKU. Returns the API’s reply, or success: true with both SKUs.',
			action: 'Change a product SKU',
		},
	],
} satisfies INodeProperties;

const currentSkuField: INodeProperties = {
	displayName: 'Current SKU',
	name: 'sku',
	type: 'string',
	required: true,
	default: '',
	description: 'The product’s current SKU in Magento',
};

const newSkuField: INodeProperties = {
	displayName: 'New SKU',
	name: 'new_sku',
	type: 'string',
	required: true,
	default: '',
	description: 'Change the SKU here before updating the product under its new SKU',
};

export const properties: INodeProperties[] = [currentSkuField, newSkuField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sku = readId(this, currentSkuField, itemIndex);
	const newSku = readId(this, newSkuField, itemIndex);
	const data = await apiRequest(
		this,
		{
			method: 'POST',
			path: path('products', sku, 'change-sku'),
			body: { new_sku: newSku },
			subject: `product with SKU ${sku}`,
		},
		itemIndex,
	);
	return recordOr(data, { sku, new_sku: newSku });
}
