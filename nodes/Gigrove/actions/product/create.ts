import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import {
	categoryIdsField,
	inputModeField,
	productCollections,
	productFieldOptions,
	productJsonField,
	readProduct,
} from './fields';

// https://gigrove.com/api-docs/ "Create a product": POST products/

export const FORM_REFUSED_HINT =
	'WCFM stores answer with nothing when their product form refuses the data (a duplicate SKU, a missing name or category). Check the fields, and the store’s dashboard for a saved draft.';

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
			description: 'Create a product',
			action: 'Create a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	inputModeField,
	productJsonField('{\n  "name": "",\n  "categories": [],\n  "regular_price": ""\n}'),
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', displayOptions: fieldsOnly },
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
	return await gigroveObject(this, { method: 'POST', path: 'products/', body, subject: 'new product' }, itemIndex, FORM_REFUSED_HINT);
}
