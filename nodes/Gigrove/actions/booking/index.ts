import type { INodeProperties } from 'n8n-workflow';

import { BEYOND_DOC } from '../common';
import * as get from './get';
import * as getMany from './getMany';
import * as update from './update';
import * as updateStatus from './updateStatus';

export { get, getMany, update, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['booking'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a booking', action: 'Get a booking' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many bookings', action: 'Get many bookings' },
			{ name: 'Update', value: 'update', description: `Move a booking to other dates. ${BEYOND_DOC}.`, action: 'Update a booking' },
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: `Change the status of a booking. ${BEYOND_DOC}.`,
				action: 'Update the status of a booking',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
	...update.description,
	...updateStatus.description,
];
