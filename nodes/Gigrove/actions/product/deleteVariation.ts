import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { send } from '../../transport';
import { beyondDocNotice, productIdField, variationIdField } from '../fields';
import { readId } from '../schema';

// WCFM route DELETE products/{id}/variations/{variationId}/ (not in Gigrove's documentation);
// the variation is deleted permanently.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'deleteVariation',
	options: [
		{
			name: 'Delete Variation',
			value: 'deleteVariation',
			description:
				'Delete a variation of a product permanently (beyond Gigrove’s docs: the store’s API must offer it). Needs the product and variation IDs; returns deleted: true, both IDs and the store’s reply.',
			action: 'Delete a product variation',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	productIdField,
	{ ...variationIdField, description: 'The variation is deleted permanently' },
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = readId(this, productIdField, itemIndex);
	const variationId = readId(this, variationIdField, itemIndex);
	const { body } = await send(
		this,
		{
			method: 'DELETE',
			path: `products/${productId}/variations/${variationId}/`,
			qs: { force: true },
			subject: `variation ${variationId} of product ${productId}`,
		},
		itemIndex,
	);
	return {
		deleted: true,
		productId: Number(productId),
		variationId: Number(variationId),
		response: (body ?? null) as IDataObject | null,
	};
}
