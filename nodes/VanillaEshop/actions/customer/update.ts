import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../common';
import { customerFields, customerIdField, readCustomer } from './fields';

// Doc: Customers › Update customer, PUT v1/in/customer/{customer}. First name, email and telephone
// are required again: the route replaces them.
export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, [
	customerIdField,
	...customerFields(false),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = readId(this, 'customerId', 'Customer ID', itemIndex);
	const body = readCustomer(this, itemIndex, false);
	const data = await apiRequest(
		this,
		{ method: 'PUT', path: path('customer', customerId), body, target: `Customer ${customerId}` },
		itemIndex,
	);
	return recordOr(data, { customer_id: customerId });
}
