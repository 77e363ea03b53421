import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as deleteCustomer from './deleteCustomer';
import * as update from './update';

export { create, deleteCustomer, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer account', action: 'Create a customer' },
			{ name: 'Delete', value: 'delete', description: 'Remove a customer', action: 'Delete a customer' },
			{
				name: 'Update',
				value: 'update',
				description: 'Replace a customer’s name, email, telephone and optionally password',
				action: 'Update a customer',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...deleteCustomer.description,
];
