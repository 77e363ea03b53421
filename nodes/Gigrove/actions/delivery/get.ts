import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { send } from '../../transport';
import { idField } from '../common';
import { deliveriesOf, deliveryTokenNotice, readDeliveryId } from './common';

// https://gigrove.com/api-docs/ Delivery API "get a single Delivery": GET deliveries/{delivery_id}.
// (WCFM itself registers only the update on this path: a store without the route answers 404.)

export const description = updateDisplayOptions({ show: { resource: ['delivery'], operation: ['get'] } }, [
	deliveryTokenNotice,
	idField('deliveryId', 'Delivery ID'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readDeliveryId(this, itemIndex);
	const { body } = await send(this, { method: 'GET', path: `deliveries/${id}`, subject: `delivery ${id}` }, itemIndex);
	return deliveriesOf(this, body, id, itemIndex);
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
