import type { INodeProperties } from 'n8n-workflow';

import { BEYOND_DOC } from '../common';
import * as addNote from './addNote';
import * as addShipmentTracking from './addShipmentTracking';
import * as get from './get';
import * as getMany from './getMany';
import * as getNotes from './getNotes';
import * as updateStatus from './updateStatus';

export { addNote, addShipmentTracking, get, getMany, getNotes, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Add Note', value: 'addNote', description: `Add a note to an order. ${BEYOND_DOC}.`, action: 'Add a note to an order' },
			{
				name: 'Add Shipment Tracking',
				value: 'addShipmentTracking',
				description: `Mark an order item shipped, with its tracking. ${BEYOND_DOC}.`,
				action: 'Add shipment tracking to an order',
			},
			{ name: 'Get', value: 'get', description: 'Get an order', action: 'Get an order' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many orders', action: 'Get many orders' },
			{ name: 'Get Notes', value: 'getNotes', description: `Get the notes of an order. ${BEYOND_DOC}.`, action: 'Get the notes of an order' },
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: `Change the status of an order. ${BEYOND_DOC}.`,
				action: 'Update the status of an order',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
	...updateStatus.description,
	...getNotes.description,
	...addNote.description,
	...addShipmentTracking.description,
];
