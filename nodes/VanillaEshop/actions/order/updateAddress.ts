import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { validate } from '../../../shared/validation';
import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../common';
import { addressFieldLabels, addressProperties, addressSchema, orderIdField, readAddresses } from './fields';

// Doc: Order › Update Order address, POST v1/in/order/{order}/updateAddress (both addresses at once)
export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['updateAddress'] } }, [
	orderIdField,
	...addressProperties,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, 'orderId', 'Order ID', itemIndex);
	const body = validate(this.getNode(), addressSchema, readAddresses(this, itemIndex), itemIndex, addressFieldLabels);
	const data = await apiRequest(
		this,
		{ method: 'POST', path: path('order', orderId, 'updateAddress'), body, target: `Order ${orderId}` },
		itemIndex,
	);
	return recordOr(data, { order_id: orderId });
}
