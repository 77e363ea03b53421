import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiId, apiIdList, idListField, idListPaths } from '../ids';

// https://www.valigara.com/docs/api/products-actions/ "Products Post": posts products to their
// channels with a post template. The docs' data example is not public: `product_id: [..]` and
// `template_id` are this node's reading.
const action = ACTIONS.product.postToChannels;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'postToChannels',
	options: [
		{
			name: 'Post to Channels',
			value: 'postToChannels',
			description:
				'Post products, by their IDs, to their sales channels with a post template. Returns Valigara’s reply data, or success: true.',
			action: 'Post products to channels',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		idListField('Product IDs', 'productIds', 'The products to post'),
		{
			displayName: 'Post Template Name or ID',
			name: 'templateId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getPostTemplates' },
			required: true,
			default: '',
			description:
				'As List Post Templates lists them. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

const schema = z.object({ product_id: apiIdList(), template_id: apiId() });
const labels = labelsByApiPath(properties, {
	...idListPaths('product_id', 'productIds'),
	template_id: 'templateId',
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(
			this.getNode(),
			schema,
			{
				product_id: this.getNodeParameter('productIds', itemIndex),
				template_id: this.getNodeParameter('templateId', itemIndex),
			},
			itemIndex,
			labels,
		),
	);
	return await changeAction(this, action, data, itemIndex);
}
