import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../body';
import { readCustomer } from './body';
import { customerFields, customerIdField } from './properties';

// Doc: Customers › Update customer, PUT v1/in/customer/{customer}. First name, email and telephone
// are required again: the route replaces them.
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'update',
	options: [
		{
			name: 'Update',
			value: 'update',
			description:
				'Replace a customer’s first name, email and telephone by ID, and optionally the password. Returns the API’s reply, or success: true with the customer ID.',
			action: 'Update a customer',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [customerIdField, ...customerFields(false)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = readId(this, customerIdField, itemIndex);
	const body = readCustomer(this, itemIndex, false);
	const data = await apiRequest(
		this,
		{ method: 'PUT', path: path('customer', customerId), body, subject: `customer ${customerId}` },
		itemIndex,
	);
	return recordOr(data, { customer_id: customerId });
}
