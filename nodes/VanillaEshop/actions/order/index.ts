import type { INodeProperties } from 'n8n-workflow';

import * as addComment from './addComment';
import * as changeStatus from './changeStatus';
import * as create from './create';
import * as get from './get';
import * as update from './update';
import * as updateAddress from './updateAddress';

export { addComment, changeStatus, create, get, update, updateAddress };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Add Comment',
				value: 'addComment',
				description: 'Add a comment to an order’s history',
				action: 'Add a comment to an order',
			},
			{
				name: 'Change Status',
				value: 'changeStatus',
				description: 'Set an order’s status and record it in its history',
				action: 'Change an order status',
			},
			{ name: 'Create', value: 'create', description: 'Create an order', action: 'Create an order' },
			{ name: 'Get', value: 'get', description: 'Get an order', action: 'Get an order' },
			{
				name: 'Update',
				value: 'update',
				description: 'Replace an order, its lines and totals included',
				action: 'Update an order',
			},
			{
				name: 'Update Address',
				value: 'updateAddress',
				description: 'Replace an order’s payment and shipping addresses',
				action: 'Update an order address',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...update.description,
	...updateAddress.description,
	...changeStatus.description,
	...addComment.description,
];
