import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLocatorValue } from '../../../shared/locator';
import { labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { productIdField } from '../../locators';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiId } from '../ids';
import { productFromFields, productPaths } from './body';
import { productFieldOptions, productListProperties } from './fields';
import { productShape } from './schema';

// https://www.valigara.com/docs/api/products-actions/ "Product Update": fields left out are kept,
// empty values overwrite, and a list sent (metals, gemstones, images) replaces the stored one
// unless `actions` says otherwise.
const action = ACTIONS.product.update;

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
				'Change fields of a product by its ID; a field added but left empty is emptied, and a list sent replaces the stored one. Returns Valigara’s reply data, or success: true.',
			action: 'Update a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		{ ...productIdField, description: 'Valigara’s ID of the product, as Search returns it' },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Only the fields added here change. A field added but left empty is emptied in Valigara.',
			options: productFieldOptions,
		},
		...productListProperties,
		{
			displayName: 'Array Actions',
			name: 'arrayActions',
			type: 'collection',
			placeholder: 'Add Array Action',
			default: {},
			description:
				'The `actions` of product_update: how Valigara treats the Metals, Gemstones and Images sent. By default a list sent replaces the stored one; Valigara’s docs do not list the other values, so they are sent as typed.',
			options: [
				{
					displayName: 'Gemstones',
					name: 'gemstones',
					type: 'string',
					default: '',
					placeholder: 'e.g. add',
				},
				{
					displayName: 'Images',
					name: 'images',
					type: 'string',
					default: '',
					placeholder: 'e.g. add',
				},
				{
					displayName: 'Metals',
					name: 'metals',
					type: 'string',
					default: '',
					placeholder: 'e.g. add',
				},
			],
		},
	]),
];

const schema = z
	.object({
		product_id: apiId(),
		...productShape,
		actions: z.record(z.string().trim().min(1, 'must not be empty')).optional(),
	})
	.passthrough()
	.refine(
		(update) => Object.keys(update).some((key) => key !== 'product_id' && key !== 'actions'),
		'must hold at least one field to change',
	);

const labels = labelsByApiPath(properties, {
	...productPaths('updateFields'),
	product_id: 'productId',
	actions: 'arrayActions',
});

function updateFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const actions = context.getNodeParameter('arrayActions', itemIndex, {}) as IDataObject;
	return {
		product_id: readLocatorValue(context, productIdField, itemIndex) as string,
		...productFromFields(context, itemIndex, 'updateFields'),
		...(Object.keys(actions).length ? { actions } : {}),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(this.getNode(), schema, updateFromFields(this, itemIndex), itemIndex, labels),
	);
	return await changeAction(this, action, data, itemIndex);
}
