import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../common';

// Doc: Products › Change Sku, POST v1/in/products/{sku}/change-sku. When a SKU changes in Magento,
// call this first, then Update with the new SKU.
export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['changeSku'] } }, [
	{
		displayName: 'Current SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'New SKU',
		name: 'new_sku',
		type: 'string',
		required: true,
		default: '',
		description: 'Change the SKU here before updating the product under its new SKU',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sku = readId(this, 'sku', 'Current SKU', itemIndex);
	const newSku = readId(this, 'new_sku', 'New SKU', itemIndex);
	const data = await apiRequest(
		this,
		{
			method: 'POST',
			path: path('products', sku, 'change-sku'),
			body: { new_sku: newSku },
			target: `Product with SKU ${sku}`,
		},
		itemIndex,
	);
	return recordOr(data, { sku, new_sku: newSku });
}
