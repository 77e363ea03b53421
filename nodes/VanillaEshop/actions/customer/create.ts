import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { customerFields, readCustomer } from './fields';

// Doc: Customers › Add Customer, POST v1/in/customer
export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	customerFields(true),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readCustomer(this, itemIndex, true);
	const data = await apiRequest(this, { method: 'POST', path: path('customer'), body }, itemIndex);
	return recordOr(data, {});
}
