import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { idField, readId } from '../common';

// https://gigrove.com/api-docs/ Bookings API "GET – Single Booking (ID)": GET bookings/{id}

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'get',
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a booking',
			action: 'Get a booking',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	idField('bookingId', 'Booking ID'),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'bookingId', 'Booking ID', itemIndex);
	return await gigroveObject(this, { method: 'GET', path: `bookings/${id}`, subject: `booking ${id}` }, itemIndex);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
