import { sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';

import { serviceError } from './errors';
import type { ServiceFailure } from './errors';
import { secretValues } from './redact';
import { DEFAULT_RETRY_POLICY, nextDelay, parseRetryAfter } from './retry';
import type { RetryPolicy } from './retry';

/** Any n8n context that may call a service with the node's credential. */
export type RequestContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** path below the credential's base URL, e.g. `private/v3/orders` */
	path: string;
	qs?: IDataObject;
	/** a JSON body, or a form body when `form` is set */
	body?: IDataObject | IDataObject[];
	/** send `body` as application/x-www-form-urlencoded */
	form?: boolean;
	headers?: Record<string, string>;
}

export interface ApiResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	/** the parsed JSON reply, or the raw text when it is not JSON */
	body: unknown;
	/** whether the reply parsed as JSON (an empty body did not) */
	isJson: boolean;
}

/** How one service is reached and how it says "no". Each node's transport declares one. */
export interface Service {
	/** shown in messages: "Valigara", "Gigrove", … */
	name: string;
	credentialType: string;
	/** credential fields whose values are secret: removed from every error and output */
	secretFields: readonly string[];
	/** the failure the reply carries, if any (HTTP status, or an error inside a 200 body) */
	readFailure(response: ApiResponse, request: ApiRequest): ServiceFailure | undefined;
	/** when the reply is a rate limit: how long the service asks us to wait (ms), or null for "unsaid" */
	rateLimitDelay?(response: ApiResponse): number | null | undefined;
	retryPolicy?: RetryPolicy;
	/**
	 * The credential field holding a token that expires (fetched by the credential's
	 * preAuthentication), when the credential uses one. On a 401 the request is sent once more with
	 * that field emptied, so n8n fetches a new token, saves it in the credential and uses it.
	 */
	expirableTokenField?(credentials: ICredentialDataDecryptedObject): string | undefined;
}

export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function parseBody(text: string): { body: unknown; isJson: boolean } {
	if (text.trim() === '') return { body: '', isJson: false };
	try {
		return { body: JSON.parse(text), isJson: true };
	} catch {
		return { body: text, isJson: false };
	}
}

/** A short, tag-free excerpt of a non-JSON reply (an HTML error page, a truncated body). */
export function excerpt(text: string, length = 200): string {
	const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
	return plain.length > length ? `${plain.slice(0, length)}…` : plain;
}

// Executions (their node contexts) that already fetched a new token after a 401: once per run,
// so a 401 that is really a refusal does not cost a token fetch per item.
const refreshedIn = new WeakSet<object>();

/** 429 is a rate limit everywhere; services add their own signals through `rateLimitDelay`. */
function rateLimitDelay(service: Service, response: ApiResponse): number | null | undefined {
	const own = service.rateLimitDelay?.(response);
	if (own !== undefined) return own;
	if (response.statusCode === 429) return parseRetryAfter(response.headers['retry-after']) ?? null;
	return undefined;
}

/**
 * The only way the nodes talk HTTP: the credential's base URL and `authenticate`, a fresh copy of
 * query and body for each call, JSON read by us (so a truncated or HTML reply gets a clear error),
 * rate limits retried within a bounded budget, and every failure turned into a NodeApiError with
 * the service's own message and no secret in it.
 */
export async function sendRequest(
	context: RequestContext,
	service: Service,
	request: ApiRequest,
	itemIndex?: number,
): Promise<ApiResponse> {
	const node = context.getNode();
	const credentials = await context.getCredentials(service.credentialType, itemIndex ?? 0);
	const baseUrl = String(credentials.baseUrl ?? '');
	const policy = service.retryPolicy ?? DEFAULT_RETRY_POLICY;

	// Secrets are read again when failing: a token fetched during the call is one of them.
	const fail = async (failure: ServiceFailure) => {
		const latest = await context.getCredentials(service.credentialType, itemIndex ?? 0);
		const secrets = secretValues(service.secretFields.map((field) => latest[field] ?? credentials[field]));
		return serviceError(node, failure, { itemIndex, secrets });
	};

	const tokenField = service.expirableTokenField?.(credentials);
	let waitedMs = 0;
	let tokenRefreshed = false;
	for (let attempt = 1; ; attempt++) {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: joinUrl(baseUrl, request.path),
			// copies: authenticate() adds to these, and a shared object would leak into the next item
			qs: request.qs ? { ...request.qs } : undefined,
			headers: { Accept: 'application/json', ...request.headers },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
		};
		if (request.body !== undefined) {
			if (request.form) {
				options.headers!['Content-Type'] = 'application/x-www-form-urlencoded';
				options.body = { ...(request.body as IDataObject) };
			} else {
				options.headers!['Content-Type'] = 'application/json';
				options.body = Array.isArray(request.body) ? [...request.body] : { ...request.body };
			}
		}

		let raw: IN8nHttpFullResponse;
		try {
			raw = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				service.credentialType,
				options,
				tokenRefreshed && tokenField ? { credentialsDecrypted: withoutToken(credentials, service, tokenField) } : undefined,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw await fail(networkFailure(service, error));
		}

		if (raw.statusCode === 401 && tokenField && !tokenRefreshed && !refreshedIn.has(context)) {
			tokenRefreshed = true;
			refreshedIn.add(context);
			attempt--;
			continue;
		}

		const text = typeof raw.body === 'string' ? raw.body : raw.body === undefined ? '' : String(raw.body);
		const response: ApiResponse = {
			statusCode: raw.statusCode,
			headers: lowerCaseKeys(raw.headers as Record<string, unknown>),
			...parseBody(text),
		};

		const serviceDelay = rateLimitDelay(service, response);
		if (serviceDelay !== undefined) {
			const delay = nextDelay(policy, attempt, waitedMs, serviceDelay ?? undefined);
			if (delay !== undefined) {
				await sleep(delay);
				waitedMs += delay;
				continue;
			}
			const failure = service.readFailure(response, request) ?? {
				message: `${service.name} is rate limiting requests`,
				httpCode: response.statusCode,
			};
			const retryHint =
				serviceDelay !== null ? ` It asks to wait ${Math.ceil(serviceDelay / 1000)} s.` : '';
			throw await fail({
				...failure,
				description: [
					failure.description,
					`Still rate limited after ${attempt} attempt(s) and ${Math.round(waitedMs / 1000)} s of waiting.${retryHint} Try again later, or send fewer items per run.`,
				]
					.filter(Boolean)
					.join('\n'),
			});
		}

		const failure = service.readFailure(response, request);
		if (failure) throw await fail(failure);
		return response;
	}
}

/** The credential as n8n would load it, with the expired token emptied so n8n fetches a new one. */
function withoutToken(
	credentials: ICredentialDataDecryptedObject,
	service: Service,
	tokenField: string,
): ICredentialsDecrypted {
	return { id: '', name: service.name, type: service.credentialType, data: { ...credentials, [tokenField]: '' } };
}

function lowerCaseKeys(headers: Record<string, unknown> = {}): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(headers)) result[key.toLowerCase()] = value;
	return result;
}

/** No reply at all: refused, timed out, DNS. Say which problem, never the full URL (it may hold a key). */
function networkFailure(service: Service, error: unknown): ServiceFailure {
	// n8n's NodeApiError keeps no link to the socket error; its code (ECONNREFUSED, ETIMEDOUT…)
	// survives only in the texts.
	const { message = String(error), description, messages = [] } = error as {
		message?: string;
		description?: string;
		messages?: string[];
	};
	const code = [message, description, ...messages].join(' ').match(/\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/)?.[1];
	// The code stays out of the message: NodeApiError would replace a message containing it.
	return {
		message: `Could not reach ${service.name}`,
		description: `${message}${code ? ` (${code})` : ''}\nCheck the base URL in the credential and that the service is up.`,
		code,
	};
}

/** The HTTP status as the failure for a reply that is not 2xx and has no message of its own. */
export function httpStatusFailure(service: Service, response: ApiResponse): ServiceFailure | undefined {
	if (response.statusCode >= 200 && response.statusCode < 300) return undefined;
	return {
		message: `${service.name} answered HTTP ${response.statusCode}`,
		description: typeof response.body === 'string' && response.body ? excerpt(response.body) : undefined,
		httpCode: response.statusCode,
		body: response.isJson ? response.body : undefined,
	};
}

/** A 2xx reply that should have been JSON but was empty, HTML or cut short. */
export function notJsonFailure(service: Service, response: ApiResponse): ServiceFailure | undefined {
	if (response.isJson) return undefined;
	const text = String(response.body ?? '');
	return {
		message:
			text === ''
				? `${service.name} sent an empty reply where data was expected`
				: `${service.name} sent a reply that is not valid JSON`,
		description: text ? `The reply began: ${excerpt(text)}` : undefined,
		httpCode: response.statusCode,
	};
}
