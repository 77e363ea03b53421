import { updateDisplayOptions } from 'n8n-workflow';
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

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readProduct(this, itemIndex, 'create');
	return await gigroveObject(this, { method: 'POST', path: 'products/', body, subject: 'new product' }, itemIndex, FORM_REFUSED_HINT);
}
