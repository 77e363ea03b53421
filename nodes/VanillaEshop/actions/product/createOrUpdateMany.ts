import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readBatchSize, runInBatches } from '../../../shared/batch';
import { optionsCollection } from '../../../shared/fields';
import { bulkResults, sendBulk } from '../../transport';
import { bulkSizeField } from '../bulk';
import { readProduct } from './body';
import { productProperties } from './properties';

// Doc: Products › Bulk Create, POST v1/in/products/bulk with {"products": [product, …]}, 1 to 10 per
// request. One product per input item; a product with product_id updates that product.
const perRequest = bulkSizeField('Products');

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'createOrUpdateMany',
	options: [
		{
			name: 'Create or Update Many',
			value: 'createOrUpdateMany',
			description:
				'Create or update one product per input item (a Product ID makes it an update), sent in requests of up to 10. Returns one item per product.',
			action: 'Create or update many products',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...productProperties('bulk'),
	optionsCollection([perRequest]),
];

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runInBatches(this, {
		size: readBatchSize(this, perRequest),
		prepare: (itemIndex) => readProduct(this, 'bulk', itemIndex),
		send: async (products, itemIndexes) =>
			bulkResults(await sendBulk(this, 'products', products, itemIndexes), products, (product) => ({
				product_id: product.product_id,
				sku: product.sku,
			})),
	});
}
