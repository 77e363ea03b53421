import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class GuaranteedReviewsApi implements ICredentialType {
	name = 'guaranteedReviewsApi';

	displayName = 'Guaranteed Reviews API';

	icon: Icon = {
		light: 'file:../nodes/GuaranteedReviews/guaranteedReviews.svg',
		dark: 'file:../nodes/GuaranteedReviews/guaranteedReviews.dark.svg',
	};

	documentationUrl = 'https://www.guaranteed-reviews.com/settings/private-api-orders/';

	properties: INodeProperties[] = [
		{
			displayName: 'Private API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Your private key, shaped like 12345/en/…. Each shop language has its own account and key.',
		},
		{
			displayName: 'Public API Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			description:
				'Used to read public reviews. Leave empty to have it looked up with the private key.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.guaranteed-reviews.com',
			description: 'Change only to use a local stand-in of the service',
		},
	];

	// The private key goes in the body of POSTs and in the query of GETs, and only to private
	// endpoints: public review URLs are cached by a CDN and must never carry it.
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		// Judge the path below the base URL only: a base URL that happens to contain "/private/"
		// must not put the key on public review URLs.
		const base = String(requestOptions.baseURL ?? credentials.baseUrl ?? '').replace(/\/+$/, '');
		const url = String(requestOptions.url ?? '');
		const path = base && url.startsWith(base) ? url.slice(base.length) : url;
		if (!/^\/?private\//.test(path)) return requestOptions;
		const apiKey = credentials.apiKey as string;
		if ((requestOptions.method ?? 'GET').toUpperCase() === 'GET') {
			return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), api_key: apiKey } };
		}
		return {
			...requestOptions,
			body: { api_key: apiKey, ...((requestOptions.body as IDataObject) ?? {}) },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/private/v3/stats',
			qs: { scope: 'site', include_public_key: 'true' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'success', value: 0, message: 'The private API key was refused' },
			},
		],
	};
}
