import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as update from './update';

export { create, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['manufacturer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a manufacturer', action: 'Create a manufacturer' },
			{ name: 'Update', value: 'update', description: 'Rename a manufacturer', action: 'Update a manufacturer' },
		],
		default: 'create',
	},
	...create.description,
	...update.description,
];
