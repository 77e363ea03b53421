import type { INodeProperties } from 'n8n-workflow';

import * as changeSku from './changeSku';
import * as create from './create';
import * as createOrUpdateMany from './createOrUpdateMany';
import * as deleteProduct from './deleteProduct';
import * as update from './update';

export { changeSku, create, createOrUpdateMany, deleteProduct, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Change SKU',
				value: 'changeSku',
				description: 'Rename a product’s SKU, before updating it under the new one',
				action: 'Change a product SKU',
			},
			{ name: 'Create', value: 'create', description: 'Create a product', action: 'Create a product' },
			{
				name: 'Create or Update Many',
				value: 'createOrUpdateMany',
				description: 'Create or update one product per input item, sent in requests of up to 10',
				action: 'Create or update many products',
			},
			{ name: 'Delete', value: 'delete', description: 'Remove a product', action: 'Delete a product' },
			{
				name: 'Update',
				value: 'update',
				description: 'Replace a product, its options and special prices included',
				action: 'Update a product',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...deleteProduct.description,
	...changeSku.description,
	...createOrUpdateMany.description,
];
