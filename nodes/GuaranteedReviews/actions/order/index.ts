import type { INodeProperties } from 'n8n-workflow';

import * as send from './send';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send orders so their customers are asked for a review',
				action: 'Send orders',
			},
		],
		default: 'send',
	},
	...send.description,
];
