import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/router';
import type { OrderOperation } from '../../actions';
import * as exportClients from './exportClients';
import * as exportOrders from './exportOrders';
import * as setSeparateTrackingNumbers from './setSeparateTrackingNumbers';
import * as setTrackingNumber from './setTrackingNumber';

export const operations: Record<OrderOperation, ItemOperation> = {
	exportOrders,
	exportClients,
	setTrackingNumber,
	setSeparateTrackingNumbers,
};

export const description: INodeProperties[] = [
	{
		displayName: 'The names of Valigara’s Orders actions are not public: each operation has an Action Name option in case Valigara answers "Action Not Found"',
		name: 'orderActionsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['order'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Export Clients', value: 'exportClients', description: 'Get the clients (customers)', action: 'Export clients' },
			{ name: 'Export Orders', value: 'exportOrders', description: 'Get orders, optionally filtered', action: 'Export orders' },
			{
				name: 'Set Separate Tracking Numbers',
				value: 'setSeparateTrackingNumbers',
				description: 'Give each item of an order its own tracking number',
				action: 'Set separate tracking numbers',
			},
			{ name: 'Set Tracking Number', value: 'setTrackingNumber', description: 'Give an order one tracking number', action: 'Set a tracking number' },
		],
		default: 'exportOrders',
	},
	...exportOrders.description,
	...exportClients.description,
	...setTrackingNumber.description,
	...setSeparateTrackingNumbers.description,
];
