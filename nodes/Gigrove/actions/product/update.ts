import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FORM_REFUSED_HINT, gigroveObject } from '../../transport';
import { productIdField } from '../fields';
import { readId } from '../schema';
import { readProduct } from './body';
import {
	categoryIdsField,
	inputModeField,
	nameField,
	productCollections,
	productFieldOptions,
	productJsonField,
} from './properties';

// https://gigrove.com/api-docs/ "Update a product": PUT products/#ID

const fieldsOnly = { show: { inputMode: ['fields'] } };

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
			description:
				'Update a product by its ID from fields or JSON; the store rebuilds it from what is sent, so send its name and every field to keep. Returns the product as the store sends it back.',
			action: 'Update a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	productIdField,
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
		options: [...productFieldOptions, categoryIdsField, nameField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	...productCollections.map((collection) => ({ ...collection, displayOptions: fieldsOnly })),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, productIdField, itemIndex);
	const body = readProduct(this, itemIndex, 'update');
	return await gigroveObject(
		this,
		{ method: 'PUT', path: `products/${id}`, body, subject: `product ${id}` },
		itemIndex,
		FORM_REFUSED_HINT,
	);
}
