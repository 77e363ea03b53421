import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { FORM_REFUSED_HINT, gigroveObject } from '../../transport';
import { readProduct } from './body';
import {
	categoryIdsField,
	inputModeField,
	nameField,
	productCollections,
	productFieldOptions,
	productJsonField,
} from './properties';

// https://gigrove.com/api-docs/ "Create a product": POST products/

const fieldsOnly = { show: { inputMode: ['fields'] } };

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			description:
				'Create a product from its name and category IDs, plus any other product fields, or from JSON. Returns the new product as the store sends it back.',
			action: 'Create a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	inputModeField,
	productJsonField('{\n  "name": "",\n  "categories": [],\n  "regular_price": ""\n}'),
	{ ...nameField, required: true, displayOptions: fieldsOnly },
	{ ...categoryIdsField, required: true, displayOptions: fieldsOnly },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: fieldsOnly,
		options: productFieldOptions,
	},
	...productCollections.map((collection) => ({ ...collection, displayOptions: fieldsOnly })),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readProduct(this, itemIndex, 'create');
	return await gigroveObject(
		this,
		{ method: 'POST', path: 'products/', body, subject: 'new product' },
		itemIndex,
		FORM_REFUSED_HINT,
	);
}
