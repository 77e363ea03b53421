import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { BOOKING_STATUSES } from './status';
import { beyondDocNotice, bookingIdField } from '../fields';
import { readId } from '../schema';

// WCFM route PUT bookings/update-status/{id} with {status} (not in Gigrove's documentation);
// replies with the booking.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'updateStatus',
	options: [
		{
			name: 'Update Status',
			value: 'updateStatus',
			description:
				'Set a booking’s status, such as Confirmed or Cancelled (beyond Gigrove’s docs: the store’s API must offer it). Returns the booking as the store sends it back.',
			action: 'Update the status of a booking',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	bookingIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: BOOKING_STATUSES,
		default: 'confirmed',
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, bookingIdField, itemIndex);
	const status = this.getNodeParameter('status', itemIndex) as string;
	return await gigroveObject(
		this,
		{
			method: 'PUT',
			path: `bookings/update-status/${id}`,
			body: { status },
			subject: `booking ${id}`,
		},
		itemIndex,
	);
}
