import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { gigroveObject } from '../../transport';
import { idField, readId } from '../common';

// https://gigrove.com/api-docs/ Bookings API "GET – Single Booking (ID)": GET bookings/{id}

export const description = updateDisplayOptions({ show: { resource: ['booking'], operation: ['get'] } }, [
	idField('bookingId', 'Booking ID'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'bookingId', 'Booking ID', itemIndex);
	return await gigroveObject(this, { method: 'GET', path: `bookings/${id}`, subject: `booking ${id}` }, itemIndex);
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
