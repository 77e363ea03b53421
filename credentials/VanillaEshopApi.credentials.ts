import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

// The API reference names no authentication at all, so the credential lets the merchant add
// whatever their server expects: a header, a query parameter, or both.
export class VanillaEshopApi implements ICredentialType {
	name = 'vanillaEshopApi';

	displayName = 'Vanilla eShop API';

	icon: Icon = {
		light: 'file:../nodes/VanillaEshop/vanillaEshop.svg',
		dark: 'file:../nodes/VanillaEshop/vanillaEshop.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-commerce-pack/n8n-nodes-commerce-pack/blob/main/docs/vanilla-eshop.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://api.vanillaeshop.com',
			required: true,
			description: 'The address of the Vanilla eShop API, without /v1/in',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Authorization',
			description: 'A header sent with every request, if your server asks for one. Leave empty to send none.',
		},
		{
			displayName: 'Header Value',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. Bearer 1a2b3c…',
			displayOptions: { hide: { headerName: [''] } },
		},
		{
			displayName: 'Query Parameter Name',
			name: 'queryName',
			type: 'string',
			default: '',
			placeholder: 'e.g. api_token',
			description: 'A query parameter added to every request, if your server asks for one. Leave empty to send none.',
		},
		{
			displayName: 'Query Parameter Value',
			name: 'querySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { hide: { queryName: [''] } },
		},
		{
			displayName: 'Order ID for Test',
			name: 'testOrderId',
			type: 'string',
			default: '500000',
			description:
				'The API has nothing to list, so Test reads this order. Put the number of an order that exists.',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const headerName = String(credentials.headerName ?? '').trim();
		const queryName = String(credentials.queryName ?? '').trim();
		const options = { ...requestOptions };
		if (headerName) {
			options.headers = { ...(options.headers ?? {}), [headerName]: String(credentials.headerSecret ?? '') };
		}
		if (queryName) {
			options.qs = { ...((options.qs as IDataObject) ?? {}), [queryName]: String(credentials.querySecret ?? '') };
		}
		return options;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '=v1/in/order/{{$credentials.testOrderId}}',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'The API answered, but found no such order: put an existing order number in "Order ID for Test"',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 401, message: 'The API refused the header or query parameter' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The API refused the header or query parameter' },
			},
		],
	};
}
