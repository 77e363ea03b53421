import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { idField, readId } from '../common';
import { FORM_REFUSED_HINT } from './create';
import { categoryIdsField, inputModeField, productCollections, productFieldOptions, productJsonField, readProduct } from './fields';

// https://gigrove.com/api-docs/ "Update a product": PUT products/#ID

const fieldsOnly = { show: { inputMode: ['fields'] } };
const nameOption: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '' };

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'update',
	options: [
		{
			name: 'Update',
			value: 'update',
			description: 'Update a product',
			action: 'Update a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	idField('productId', 'Product ID'),
	{
		displayName:
			'WCFM stores rebuild the product from what is sent: include the name, and every field you want to keep. To change only price or stock, use Quick Edit.',
		name: 'wcfmUpdateNotice',
		type: 'notice',
		default: '',
	},
	inputModeField,
	productJsonField('{\n  "name": ""\n}'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: fieldsOnly,
		options: [...productFieldOptions, categoryIdsField, nameOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	...productCollections.map((collection) => ({ ...collection, displayOptions: fieldsOnly })),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'productId', 'Product ID', itemIndex);
	const body = readProduct(this, itemIndex, 'update');
	return await gigroveObject(this, { method: 'PUT', path: `products/${id}`, body, subject: `product ${id}` }, itemIndex, FORM_REFUSED_HINT);
}
