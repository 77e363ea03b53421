import type { INodeProperties } from 'n8n-workflow';

import * as add from './add';
import * as addMany from './addMany';

export { add, addMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['price'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Give a product a price for a period',
				action: 'Add a price',
			},
			{
				name: 'Add Many',
				value: 'addMany',
				description: 'Add one price per input item, sent in requests of up to 10',
				action: 'Add many prices',
			},
		],
		default: 'add',
	},
	...add.description,
	...addMany.description,
];
