import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { beyondDocNotice, idField, readId } from '../common';
import { readVariation, variationAttributes, variationFieldOptions } from './variationFields';

// WCFM route POST products/{id}/variations/ (not in Gigrove's documentation).

const properties: INodeProperties[] = [
	beyondDocNotice(),
	idField('productId', 'Product ID', 'The variable product to add the variation to'),
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

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['createVariation'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = readId(this, 'productId', 'Product ID', itemIndex);
	const body = readVariation(this, itemIndex, 'additionalFields');
	return await gigroveObject(
		this,
		{ method: 'POST', path: `products/${productId}/variations/`, body, subject: `product ${productId}` },
		itemIndex,
	);
}
