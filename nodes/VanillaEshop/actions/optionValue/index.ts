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
		displayOptions: { show: { resource: ['optionValue'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a value to a product option, such as "Red" to "Colour"',
				action: 'Create an option value',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change an option value’s option and names',
				action: 'Update an option value',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
];
