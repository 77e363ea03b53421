import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readBatchSize, runInBatches } from '../../../shared/batch';
import { optionsCollection } from '../../../shared/fields';
import { bulkResults, sendBulk } from '../../transport';
import { bulkSizeField } from '../bulk';
import { readPrice } from './body';
import { priceFields } from './properties';

// Doc: Prices › Add Bulk prices, POST v1/in/pricing/bulk with {"products": [price, …]}. One price per
// input item; the doc sets no maximum, the node keeps to the 10 of the product bulk route.
const perRequest = bulkSizeField('Prices');

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'addMany',
	options: [
		{
			name: 'Add Many',
			value: 'addMany',
			description:
				'Add one price per input item (product entity ID, price, dates), sent in requests of up to 10. Returns one item per price.',
			action: 'Add many prices',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [...priceFields, optionsCollection([perRequest])];

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runInBatches(this, {
		size: readBatchSize(this, perRequest),
		prepare: (itemIndex) => readPrice(this, itemIndex),
		send: async (prices, itemIndexes) =>
			bulkResults(await sendBulk(this, 'pricing', prices, itemIndexes), prices, (price) => ({
				entity_id: price.entity_id,
			})),
	});
}
