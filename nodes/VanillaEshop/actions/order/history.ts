import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact } from '../common';

// Change Status and Add Comment both write an order history row; user_id is optional on both.
export const historyOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'User ID',
			name: 'user_id',
			type: 'string',
			default: '',
			description: 'The back-office user the history entry is recorded for',
		},
	],
};

export function readHistoryOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return compact(context.getNodeParameter('options', itemIndex, {}) as IDataObject);
}
