import { ExecutionBaseError } from 'n8n-workflow';
import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	IN8nHttpFullResponse,
	INodeProperties,
} from 'n8n-workflow';

export const DEFAULT_TOKEN_URL = 'https://gigrove.com/api/wp/v2/token';

/** Where the error n8n makes of a failed token exchange carries it (see TokenExchangeError). */
const TOKEN_EXCHANGE = 'gigroveTokenExchange';

/**
 * A refused or unusable token exchange; never holds the key or the secret. n8n wraps it in a
 * NodeApiError that keeps, of an n8n error, its context (on both n8n lines; the cause itself is
 * lost on 1.x): the failure travels there, and tokenExchangeFailure reads it back.
 */
class TokenExchangeError extends ExecutionBaseError {
	constructor(status: number, detail: string) {
		super(
			`Gigrove did not issue a token for the API key and secret (HTTP ${status})${detail ? `: ${detail}` : ''}`,
		);
		this.name = 'TokenExchangeError';
		this.context[TOKEN_EXCHANGE] = this.message;
	}
}

/**
 * The failed token exchange an error of n8n's request helper stands for, if it does: its message.
 * Read from the context, not by class: n8n loads this credential from a bundle of its own, so the
 * node's copy of the class is not the one thrown.
 */
export function tokenExchangeFailure(error: unknown): string | undefined {
	const failure = (error as { context?: IDataObject } | null | undefined)?.context?.[
		TOKEN_EXCHANGE
	];
	return typeof failure === 'string' ? failure : undefined;
}

function messageOf(body: unknown): string {
	if (typeof body === 'string')
		return body
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, 200);
	const reply = body as IDataObject | undefined;
	const message = reply?.message ?? reply?.error_description ?? reply?.error;
	return typeof message === 'string' ? message : '';
}

function accessTokenOf(body: unknown): string {
	let reply = body;
	if (typeof reply === 'string') {
		try {
			reply = JSON.parse(reply);
		} catch {
			return '';
		}
	}
	const token = (reply as IDataObject | undefined)?.access_token;
	return typeof token === 'string' ? token.trim() : '';
}

export class GigroveApi implements ICredentialType {
	name = 'gigroveApi';

	displayName = 'Gigrove API';

	icon: Icon = {
		light: 'file:../nodes/Gigrove/gigrove.svg',
		dark: 'file:../nodes/Gigrove/gigrove.dark.svg',
	};

	documentationUrl = 'https://gigrove.com/api-docs/';

	properties: INodeProperties[] = [
		{
			displayName:
				'Gigrove issues API keys and tokens per account through https://gigrove.com/api-form. Delivery endpoints need the token of a delivery person’s account: a seller’s token is refused there.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Bearer Token',
					value: 'accessToken',
					description: 'The token Gigrove sent you, used as issued',
				},
				{
					name: 'API Key and Secret',
					value: 'apiKey',
					description: 'Exchanged for a token when needed, and again when the token expires',
				},
			],
			default: 'accessToken',
		},
		{
			displayName: 'Bearer Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A seller’s token for products, orders, bookings and notifications; a delivery person’s token for deliveries',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['apiKey'] } },
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authentication: ['apiKey'] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: DEFAULT_TOKEN_URL,
			description:
				'Where the API key and secret are exchanged for a token (form fields api_key and api_secret)',
			displayOptions: { show: { authentication: ['apiKey'] } },
		},
		{
			// Filled by preAuthentication; n8n empties and refills it when a request answers 401.
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://gigrove.com/api/request/v1/',
			description: 'Change only to reach a copy of the API (a staging store, a local stand-in)',
		},
	];

	// API key mode: the token endpoint as a public client uses it (form fields api_key, api_secret;
	// reply {access_token}). Bearer mode has nothing to fetch.
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		if (credentials.authentication !== 'apiKey') return {};
		const reply = (await this.helpers.httpRequest({
			method: 'POST',
			url: String(credentials.tokenUrl || DEFAULT_TOKEN_URL).trim(),
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { api_key: credentials.apiKey, api_secret: credentials.apiSecret },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		const succeeded = reply.statusCode >= 200 && reply.statusCode < 300;
		const token = succeeded ? accessTokenOf(reply.body) : '';
		if (token) return { sessionToken: token };
		throw new TokenExchangeError(
			reply.statusCode,
			messageOf(reply.body) || (succeeded ? 'the reply holds no access_token' : ''),
		);
	}

	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const token =
			credentials.authentication === 'apiKey' ? credentials.sessionToken : credentials.accessToken;
		return {
			...requestOptions,
			headers: {
				...(requestOptions.headers ?? {}),
				Authorization: `Bearer ${String(token ?? '').trim()}`,
			},
		};
	};

	// Notifications need a logged-in account (products answer even without one), and a delivery
	// person may read them too.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: 'notifications/',
			qs: { per_page: 1 },
		},
	};
}
