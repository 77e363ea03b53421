import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path } from '../../transport';
import { readId } from '../body';
import { customerIdField } from './properties';

// Doc: Customers › Remove customer, DELETE v1/in/customer/{customer}
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'delete',
	options: [
		{
			name: 'Delete',
			value: 'delete',
			description:
				'Delete a customer by ID. Returns deleted: true, the customer ID and the API’s reply.',
			action: 'Delete a customer',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [customerIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = readId(this, customerIdField, itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'DELETE', path: path('customer', customerId), subject: `customer ${customerId}` },
		itemIndex,
	);
	// Every Delete of the package outputs the same shape: ours, and the service's reply (its `data`) whole.
	return { deleted: true, customer_id: customerId, response: (data ?? null) as IDataObject | null };
}
