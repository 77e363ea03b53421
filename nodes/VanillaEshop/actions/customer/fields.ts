import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { compact } from '../common';
import { email, optionalText, text } from '../rules';

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	description: 'The customer’s ID in Vanilla eShop (the customer_id returned by Create)',
};

/** Create and Update take the same fields; only the password is optional on Update. */
export function customerFields(passwordRequired: boolean): INodeProperties[] {
	return [
		{ displayName: 'First Name', name: 'firstname', type: 'string', required: true, default: '' },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
		{ displayName: 'Telephone', name: 'telephone', type: 'string', required: true, default: '' },
		{
			displayName: passwordRequired ? 'Password' : 'New Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: passwordRequired,
			default: '',
			description: passwordRequired ? undefined : 'Leave empty to keep the current password',
		},
	];
}

const labels: FieldLabels = { firstname: 'First Name', email: 'Email', telephone: 'Telephone', password: 'Password' };

const customerSchema = (passwordRequired: boolean) =>
	z.object({ firstname: text, email, telephone: text, password: passwordRequired ? text : optionalText });

export function readCustomer(context: IExecuteFunctions, itemIndex: number, passwordRequired: boolean): IDataObject {
	const customer = compact({
		firstname: context.getNodeParameter('firstname', itemIndex) as string,
		email: context.getNodeParameter('email', itemIndex) as string,
		telephone: context.getNodeParameter('telephone', itemIndex) as string,
		password: context.getNodeParameter('password', itemIndex, '') as string,
	});
	return validate(context.getNode(), customerSchema(passwordRequired), customer, itemIndex, labels);
}
