import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { isRecord, labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { valigaraRequest } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiIdList, idListField, idListPaths } from '../ids';

// https://www.valigara.com/docs/api/products-actions/ "Delete products": by product ID. `channels`
// false (Valigara's default) deletes the product from Valigara AND from every connected channel
// (eBay, Etsy…); true keeps it on the channels.
const action = ACTIONS.product.delete;

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
				'Delete products by their IDs from Valigara and, unless Keep on Sales Channels is on, from every connected channel. Returns one item: deleted: true, the IDs and Valigara’s reply.',
			action: 'Delete products',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		idListField('Product IDs', 'productIds', 'The products to delete'),
		{
			displayName: 'Keep on Sales Channels',
			name: 'keepOnChannels',
			type: 'boolean',
			default: false,
			description:
				'Whether to delete the products from Valigara only and leave them on their channels (eBay, Etsy…). Off, as Valigara does by default: they are deleted from Valigara and from every connected channel.',
		},
	]),
];

const schema = z.object({ product_id: apiIdList(), channels: z.boolean() });
const labels = labelsByApiPath(properties, {
	...idListPaths('product_id', 'productIds'),
	channels: 'keepOnChannels',
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(
			this.getNode(),
			schema,
			{
				product_id: this.getNodeParameter('productIds', itemIndex),
				// sent even when false: the destructive default is then written in the request
				channels: this.getNodeParameter('keepOnChannels', itemIndex),
			},
			itemIndex,
			labels,
		),
	);
	const reply = await valigaraRequest(this, action, data, itemIndex);
	// Every Delete of the package outputs the same shape: ours, the IDs asked for, and Valigara's `data` whole.
	const ids =
		isRecord(data) && data.product_id !== undefined ? { product_id: data.product_id } : {};
	return { deleted: true, ...ids, response: (reply ?? null) as IDataObject | null };
}
