import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { bookingIdField } from '../fields';
import { readId } from '../schema';

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
			description: 'Get one booking by its ID. Returns the booking as the store sends it.',
			action: 'Get a booking',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [bookingIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, bookingIdField, itemIndex);
	return await gigroveObject(
		this,
		{ method: 'GET', path: `bookings/${id}`, subject: `booking ${id}` },
		itemIndex,
	);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
