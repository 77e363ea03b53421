import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { validate } from '../../../shared/validation';
import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../body';
import { readAddresses } from './body';
import { addressProperties, orderIdField } from './properties';
import { addressFieldLabels, addressSchema } from './schema';

// Doc: Order › Update Order address, POST v1/in/order/{order}/updateAddress (both addresses at once)
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'updateAddress',
	options: [
		{
			name: 'Update Address',
			value: 'updateAddress',
			description:
				'Replace an order’s payment and shipping addresses, both at once. Returns the order the API sends back.',
			action: 'Update an order address',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [orderIdField, ...addressProperties];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, orderIdField, itemIndex);
	const body = validate(
		this.getNode(),
		addressSchema,
		readAddresses(this, itemIndex),
		itemIndex,
		addressFieldLabels,
	);
	const data = await apiRequest(
		this,
		{
			method: 'POST',
			path: path('order', orderId, 'updateAddress'),
			body,
			subject: `order ${orderId}`,
		},
		itemIndex,
	);
	return recordOr(data, { order_id: orderId });
}
