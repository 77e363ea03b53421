import type { INodeProperties } from 'n8n-workflow';

import { BEYOND_DOC } from '../common';
import * as create from './create';
import * as createVariation from './createVariation';
import * as deleteProduct from './delete';
import * as deleteVariation from './deleteVariation';
import * as get from './get';
import * as getMany from './getMany';
import * as getVariations from './getVariations';
import * as quickEdit from './quickEdit';
import * as update from './update';
import * as updateVariation from './updateVariation';

export { create, createVariation, deleteProduct, deleteVariation, get, getMany, getVariations, quickEdit, update, updateVariation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a product', action: 'Create a product' },
			{
				name: 'Create Variation',
				value: 'createVariation',
				description: `Add a variation to a variable product. ${BEYOND_DOC}.`,
				action: 'Create a product variation',
			},
			{ name: 'Delete', value: 'delete', description: `Delete a product permanently. ${BEYOND_DOC}.`, action: 'Delete a product' },
			{
				name: 'Delete Variation',
				value: 'deleteVariation',
				description: `Delete a variation permanently. ${BEYOND_DOC}.`,
				action: 'Delete a product variation',
			},
			{ name: 'Get', value: 'get', description: 'Get a product', action: 'Get a product' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many products', action: 'Get many products' },
			{
				name: 'Get Variations',
				value: 'getVariations',
				description: `Get the variations of a variable product. ${BEYOND_DOC}.`,
				action: 'Get product variations',
			},
			{
				name: 'Quick Edit',
				value: 'quickEdit',
				description: `Change a product’s price and stock only. ${BEYOND_DOC}.`,
				action: 'Quick edit a product',
			},
			{ name: 'Update', value: 'update', description: 'Update a product', action: 'Update a product' },
			{
				name: 'Update Variation',
				value: 'updateVariation',
				description: `Update a variation of a variable product. ${BEYOND_DOC}.`,
				action: 'Update a product variation',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...get.description,
	...getMany.description,
	...deleteProduct.description,
	...quickEdit.description,
	...getVariations.description,
	...createVariation.description,
	...updateVariation.description,
	...deleteVariation.description,
];
