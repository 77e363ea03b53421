import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: [
			{ name: 'Get Many', value: 'getMany', description: 'Get the store’s notifications', action: 'Get many notifications' },
		],
		default: 'getMany',
	},
	...getMany.description,
];
