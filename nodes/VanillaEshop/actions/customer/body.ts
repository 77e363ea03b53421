import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, validate } from '../../../shared/validation';
import { customerLabels, customerSchema } from './schema';

/** The customer as the API takes it, from the fields (properties.ts), checked by schema.ts. */
export function readCustomer(
	context: IExecuteFunctions,
	itemIndex: number,
	passwordRequired: boolean,
): IDataObject {
	const customer = compact({
		firstname: context.getNodeParameter('firstname', itemIndex) as string,
		email: context.getNodeParameter('email', itemIndex) as string,
		telephone: context.getNodeParameter('telephone', itemIndex) as string,
		password: context.getNodeParameter('password', itemIndex, '') as string,
	});
	const schema = customerSchema(passwordRequired);
	return validate(context.getNode(), schema, customer, itemIndex, customerLabels(passwordRequired));
}
