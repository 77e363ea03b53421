import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readCustomer } from './body';
import { customerFields } from './properties';

// Doc: Customers › Add Customer, POST v1/in/customer
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			description:
				'Create a customer account from first name, email, telephone and password. Returns the API’s reply with the new customer_id.',
			action: 'Create a customer',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = customerFields(true);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readCustomer(this, itemIndex, true);
	const data = await apiRequest(this, { method: 'POST', path: path('customer'), body }, itemIndex);
	return recordOr(data, {});
}
