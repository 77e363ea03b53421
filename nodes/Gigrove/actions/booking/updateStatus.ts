import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { beyondDocNotice, idField, readId } from '../common';
import { BOOKING_STATUSES } from './status';

// WCFM route PUT bookings/update-status/{id} with {status} (not in Gigrove's documentation);
// replies with the booking.

const properties: INodeProperties[] = [
	beyondDocNotice(),
	idField('bookingId', 'Booking ID'),
	{ displayName: 'Status', name: 'status', type: 'options', options: BOOKING_STATUSES, default: 'confirmed' },
];

export const description = updateDisplayOptions({ show: { resource: ['booking'], operation: ['updateStatus'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'bookingId', 'Booking ID', itemIndex);
	const status = this.getNodeParameter('status', itemIndex) as string;
	return await gigroveObject(
		this,
		{ method: 'PUT', path: `bookings/update-status/${id}`, body: { status }, subject: `booking ${id}` },
		itemIndex,
	);
}
