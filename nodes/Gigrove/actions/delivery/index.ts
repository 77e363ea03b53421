import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getMany from './getMany';
import * as updateStatus from './updateStatus';

export { get, getMany, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['delivery'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a delivery', action: 'Get a delivery' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many deliveries', action: 'Get many deliveries' },
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Mark a delivery as delivered',
				action: 'Update the status of a delivery',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
	...updateStatus.description,
];
