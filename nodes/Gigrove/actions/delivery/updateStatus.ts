import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { send } from '../../transport';
import { idField } from '../common';
import { deliveriesOf, deliveryTokenNotice, readDeliveryId } from './common';

// https://gigrove.com/api-docs/ Delivery API "update Delivery Status": POST deliveries/{delivery_id}.
// WCFM takes no body: it marks the delivery delivered, and replies with it (several IDs merged).

const properties: INodeProperties[] = [
	deliveryTokenNotice,
	{
		displayName: 'The store marks the delivery as delivered: its API offers no other status',
		name: 'deliveredNotice',
		type: 'notice',
		default: '',
	},
	idField('deliveryId', 'Delivery ID', 'One delivery ID, or several separated by commas'),
];

export const description = updateDisplayOptions({ show: { resource: ['delivery'], operation: ['updateStatus'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readDeliveryId(this, itemIndex);
	const { body } = await send(this, { method: 'POST', path: `deliveries/${id}`, subject: `delivery ${id}` }, itemIndex);
	return deliveriesOf(this, body, id, itemIndex)[0];
}
