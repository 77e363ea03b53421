import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

const REFUSED =
	'The API refused the header or query parameter: check them, and that the Base URL is your shop’s API';

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
			description:
				'A header sent with every request, if your server asks for one. Leave empty to send none.',
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
			description:
				'A query parameter added to every request, if your server asks for one. Leave empty to send none.',
		},
		{
			displayName: 'Query Parameter Value',
			name: 'querySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { hide: { queryName: [''] } },
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const headerName = String(credentials.headerName ?? '').trim();
		const queryName = String(credentials.queryName ?? '').trim();
		const options = { ...requestOptions };
		if (headerName) {
			options.headers = {
				...(options.headers ?? {}),
				[headerName]: String(credentials.headerSecret ?? ''),
			};
		}
		if (queryName) {
			options.qs = {
				...((options.qs as IDataObject) ?? {}),
				[queryName]: String(credentials.querySecret ?? ''),
			};
		}
		return options;
	};

	// The API has nothing to list, and a Test must not need an order the user looks up: it asks for
	// order 0, which no shop has. A shop that accepts the key answers 404 (no such order); one that
	// refuses it answers before looking (Laravel authenticates before it binds the route's model).
	// n8n fails a Test on any HTTP error, a 404 included, so statuses are taken as replies and the
	// refusals are told by their bodies: Laravel's own, or the app's envelope `{status, success}`.
	// A refusal in another form (a proxy's HTML page) is not recognised: see docs/vanilla-eshop.md.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: 'v1/in/order/0',
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'message', value: 'Unauthenticated.', message: REFUSED },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'message', value: 'This action is unauthorized.', message: REFUSED },
			},
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 401, message: REFUSED } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 403, message: REFUSED } },
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'Server Error',
					message: 'The API answered with a server error (HTTP 500): the key could not be checked',
				},
			},
		],
	};
}
