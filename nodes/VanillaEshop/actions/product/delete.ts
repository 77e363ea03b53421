import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path } from '../../transport';
import { readProductKey } from './body';
import { productKeyProperties } from './properties';

// Doc: Products › Remove Product, DELETE v1/in/products/{product} ("replace {product} with entity id
// of magento")
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'delete',
	options: [
		{
			name: 'Delete',
			value: 'delete',
			description:
				'Delete a product, found by its Magento entity ID or SKU. Returns deleted: true, that ID or SKU and the API’s reply.',
			action: 'Delete a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = productKeyProperties('entityId');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = readProductKey(this, itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'DELETE', path: path('products', key.value), subject: key.subject },
		itemIndex,
	);
	return { deleted: true, ...key.output, response: (data ?? null) as IDataObject | null };
}
