import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { send } from '../../transport';
import { beyondDocNotice, productIdField } from '../fields';
import { readId } from '../schema';

// WCFM route DELETE products/{id} (not in Gigrove's documentation). WCFM deletes permanently
// whatever `force` says; `force=true` makes a plain WooCommerce store do the same.

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
				'Delete a product permanently, without the trash (beyond Gigrove’s docs: the store’s API must offer it). Returns deleted: true, the product ID and the store’s reply.',
			action: 'Delete a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	{ ...productIdField, description: 'The product is deleted permanently, not moved to the trash' },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, productIdField, itemIndex);
	const { body } = await send(
		this,
		{ method: 'DELETE', path: `products/${id}`, qs: { force: true }, subject: `product ${id}` },
		itemIndex,
	);
	// Every Delete of the package outputs the same shape: ours, and the store's reply (the deleted product) whole.
	return { deleted: true, id: Number(id), response: (body ?? null) as IDataObject | null };
}
