import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readPrice } from './body';
import { priceFields } from './properties';

// Doc: Prices › Add price, POST v1/in/pricing
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'add',
	options: [
		{
			name: 'Add',
			value: 'add',
			description:
				'Give a product, by its Magento entity ID, a price from a start date to an end date. Returns the API’s reply, or success: true with the entity ID.',
			action: 'Add a price',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = priceFields;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readPrice(this, itemIndex);
	const data = await apiRequest(this, { method: 'POST', path: path('pricing'), body }, itemIndex);
	return recordOr(data, { entity_id: body.entity_id });
}
