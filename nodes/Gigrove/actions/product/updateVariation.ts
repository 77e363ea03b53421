import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { beyondDocNotice, productIdField, variationIdField } from '../fields';
import { readId } from '../schema';
import { readVariation } from './body';
import { variationAttributes, variationFieldOptions } from './properties';

// WCFM route PUT products/{id}/variations/{variationId}/ (not in Gigrove's documentation). WCFM
// sets every field of the variation from the request, so fields left out are cleared.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'updateVariation',
	options: [
		{
			name: 'Update Variation',
			value: 'updateVariation',
			description:
				'Update a variation of a variable product; fields left out are cleared, so send every field to keep (beyond Gigrove’s docs: the store’s API must offer it). Returns the variation as the store sends it back.',
			action: 'Update a product variation',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	{
		displayName:
			'WCFM stores replace the variation’s prices, stock, SKU, image and attributes with what is sent: set every field you want to keep',
		name: 'wcfmVariationNotice',
		type: 'notice',
		default: '',
	},
	productIdField,
	variationIdField,
	variationAttributes,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: variationFieldOptions,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = readId(this, productIdField, itemIndex);
	const variationId = readId(this, variationIdField, itemIndex);
	const body = readVariation(this, itemIndex, 'updateFields');
	return await gigroveObject(
		this,
		{
			method: 'PUT',
			path: `products/${productId}/variations/${variationId}/`,
			body,
			subject: `variation ${variationId} of product ${productId}`,
		},
		itemIndex,
	);
}
