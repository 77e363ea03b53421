import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { beyondDocNotice, productIdField } from '../fields';
import { readId } from '../schema';
import { readVariation } from './body';
import { variationAttributes, variationFieldOptions } from './properties';

// WCFM route POST products/{id}/variations/ (not in Gigrove's documentation).

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'createVariation',
	options: [
		{
			name: 'Create Variation',
			value: 'createVariation',
			description:
				'Add a variation, with its attributes, to a variable product (beyond Gigrove’s docs: the store’s API must offer it). Returns the variation as the store sends it back.',
			action: 'Create a product variation',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	{ ...productIdField, description: 'The variable product to add the variation to' },
	variationAttributes,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: variationFieldOptions,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = readId(this, productIdField, itemIndex);
	const body = readVariation(this, itemIndex, 'additionalFields');
	return await gigroveObject(
		this,
		{
			method: 'POST',
			path: `products/${productId}/variations/`,
			body,
			subject: `product ${productId}`,
		},
		itemIndex,
	);
}
