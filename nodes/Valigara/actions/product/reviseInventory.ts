import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiIdList, idListField, idListPaths } from '../ids';

// https://www.valigara.com/docs/api/products-actions/ "Products Revise Inventory": sends the
// products' stock to their channels. The docs' data example is not public: `product_id: [..]`.
const action = ACTIONS.product.reviseInventory;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'reviseInventory',
	options: [
		{
			name: 'Revise Inventory on Channels',
			value: 'reviseInventory',
			description:
				'Send the stock of products, by their IDs, to their sales channels. Returns Valigara’s reply data, or success: true.',
			action: 'Revise inventory on channels',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		idListField(
			'Product IDs',
			'productIds',
			'The products whose inventory to revise on their channels',
		),
	]),
];

const schema = z.object({ product_id: apiIdList() });
const labels = labelsByApiPath(properties, idListPaths('product_id', 'productIds'));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(
			this.getNode(),
			schema,
			{ product_id: this.getNodeParameter('productIds', itemIndex) },
			itemIndex,
			labels,
		),
	);
	return await changeAction(this, action, data, itemIndex);
}
