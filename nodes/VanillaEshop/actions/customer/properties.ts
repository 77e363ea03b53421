import type { INodeProperties } from 'n8n-workflow';

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
