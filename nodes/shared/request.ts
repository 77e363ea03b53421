import { sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';

import { ExecutionCanceledError, serviceError } from './errors';
import type { ServiceFailure } from './errors';
import { networkFailure, rateLimitFailure } from './failures';
import { limiterOf } from './limiter';
import type { Outcome } from './limiter';
import { secretValues } from './redact';
import { DEFAULT_RETRY_POLICY, RateLimitGate, nextDelay, parseRetryAfter } from './retry';
import type { RetryPolicy } from './retry';
import { TokenRefresh, TokenTurns } from './token';

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
	/**
	 * What the request is about, as said inside a sentence: `product 42`, `order 500123`, `product
	 * with SKU RING-1`. A failure names it: "Product 42 was not found" (see notFoundMessage).
	 */
	subject?: string;
	/**
	 * What the reply must hold to answer the request (one record, a list…), checked once the
	 * service's own mapper found no failure in it; the failure is thrown as the mapper's would be.
	 * The shared guards in failures.ts (recordExpected, listExpected) say it alike for every service.
	 */
	expects?: ReplyCheck;
}

/** A check of what a reply holds (ApiRequest.expects): the failure when it does not hold it. */
export type ReplyCheck = (
	response: ApiResponse,
	request: ApiRequest,
	service: Service,
) => ServiceFailure | undefined;

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
	/**
	 * A request that got no reply: the service's own reading of the error, when it knows better than
	 * "could not reach" (Gigrove: its credential's token exchange was refused). Undefined: the
	 * shared reading (failures.ts' networkFailure).
	 */
	readNetworkFailure?(error: unknown): ServiceFailure | undefined;
	/**
	 * When the reply is a rate limit: how long the service asks us to wait (ms), null when it does
	 * not say, or Infinity when no wait within the retry budget can help (the failure then says
	 * when to try again). undefined: not a rate limit.
	 */
	rateLimitDelay?(response: ApiResponse, request: ApiRequest): number | null | undefined;
	retryPolicy?: RetryPolicy;
	/** how long a request may wait for the service (see REQUEST_TIMEOUT_MS, the default) */
	timeoutMs?: number;
	/**
	 * The credential field holding a token that expires (fetched by the credential's
	 * preAuthentication), when the credential uses one. On a 401 the request is sent once more with
	 * that field emptied, so n8n fetches a new token, saves it in the credential and uses it.
	 */
	expirableTokenField?(credentials: ICredentialDataDecryptedObject): string | undefined;
}

/**
 * How long a request may wait for the service: for the reply to begin, and then between two
 * pieces of it (n8n's `timeout` option, which follow-redirects applies up to the response and the
 * socket applies as an idle limit after it; a long export that keeps arriving is never cut).
 * 120 s: longer than the read timeouts of the gateways such services sit behind (nginx and AWS
 * load balancers 60 s, Cloudflare 100 s), so a gateway's own answer (a 504 or 524, with its page)
 * still arrives and is shown as what it is. What this timeout catches is a service that took the
 * connection and fell silent, which n8n would otherwise wait on for 5 minutes (the default it
 * gives axios, on both n8n lines).
 */
export const REQUEST_TIMEOUT_MS = 120_000;

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

/** What the requests of one execution (one node context) share. */
interface Execution {
	rateLimit: RateLimitGate;
	tokens: TokenTurns;
	/** each credential type's data, read once (see credentialsOf) */
	credentials: Map<string, Promise<ICredentialDataDecryptedObject>>;
}

const executions = new WeakMap<object, Execution>();

function executionOf(context: RequestContext): Execution {
	let execution = executions.get(context);
	if (!execution) {
		execution = {
			rateLimit: new RateLimitGate(),
			tokens: new TokenTurns(),
			credentials: new Map(),
		};
		executions.set(context, execution);
	}
	return execution;
}

/**
 * The node's credential of a type, read once per node run (per execution context) and shared by
 * its requests, as n8n's own declarative nodes read it (for item 0): a real n8n loads and decrypts
 * it from its database on every read, some 40% of a request's work here. So expressions in a
 * credential resolve against the first item. The object is the one handed to n8n's request
 * helper: a token its pre-authentication fetches is written into it, for the next requests.
 */
export async function credentialsOf(
	context: RequestContext,
	credentialType: string,
): Promise<ICredentialDataDecryptedObject> {
	const { credentials } = executionOf(context);
	let read = credentials.get(credentialType);
	if (!read) {
		read = context.getCredentials(credentialType, 0);
		credentials.set(credentialType, read);
		// a failed read (no credential set) is not kept: the next request says so again
		read.catch(() => credentials.delete(credentialType));
	}
	return await read;
}

/** 429 is a rate limit everywhere; services add their own signals through `rateLimitDelay`. */
function rateLimitDelay(
	service: Service,
	response: ApiResponse,
	request: ApiRequest,
): number | null | undefined {
	const own = service.rateLimitDelay?.(response, request);
	if (own !== undefined) return own;
	if (response.statusCode === 429) return parseRetryAfter(response.headers['retry-after']) ?? null;
	return undefined;
}

/**
 * n8n's signal that the execution was stopped. Only action nodes get one (IExecuteFunctions, on
 * both n8n lines); a poll or a load-options call has none and runs to its end.
 */
function cancelSignalOf(context: RequestContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/** A wait ends early when n8n cancels the execution: steps of at most this long (see `pause`). */
const WAIT_STEP_MS = 1_000;

/**
 * Waits `ms`, or until the execution is canceled. n8n-workflow has no abortable sleep on both
 * lines (sleepWithAbort is gone from 2.36) and nodes may not set timers, so the wait is made of
 * `sleep` steps, each raced with the signal: a cancel ends it at once and leaves at most one
 * step's timer behind.
 */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (!signal) return await sleep(ms);
	let stop = () => {};
	const canceled = new Promise<void>((resolve) => {
		stop = resolve;
		signal.addEventListener('abort', stop, { once: true });
	});
	try {
		for (let left = ms; left > 0 && !signal.aborted; left -= WAIT_STEP_MS) {
			await Promise.race([sleep(Math.min(left, WAIT_STEP_MS)), canceled]);
		}
	} finally {
		signal.removeEventListener('abort', stop);
	}
}

/**
 * The only way the nodes talk HTTP: the credential's base URL and `authenticate`, a fresh copy of
 * query and body for each call, JSON read by us (so a truncated or HTML reply gets a clear error),
 * a timeout, rate limits retried within a bounded budget (shared by the execution's requests, see
 * RateLimitGate), an expired token fetched again once per execution (see ./token.ts), and every
 * failure turned into a NodeApiError with the service's own message and no secret in it. When n8n
 * cancels the execution, waits end and no request is sent any more (ExecutionCanceledError).
 */
export async function sendRequest(
	context: RequestContext,
	service: Service,
	request: ApiRequest,
	itemIndex?: number,
): Promise<ApiResponse> {
	const node = context.getNode();
	const credentials = await credentialsOf(context, service.credentialType);
	// a token fetched during the call replaces the one in `credentials`: both are secrets
	const secretsAtStart = service.secretFields.map((field) => credentials[field]);
	const url = joinUrl(String(credentials.baseUrl ?? ''), request.path);
	const policy = service.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const timeout = service.timeoutMs ?? REQUEST_TIMEOUT_MS;
	const { rateLimit, tokens } = executionOf(context);
	const self = {};
	const cancelSignal = cancelSignalOf(context);
	const canceled = () => new ExecutionCanceledError(node, service.name, itemIndex);
	const fail = (failure: ServiceFailure) => {
		const secrets = secretValues([
			...secretsAtStart,
			...service.secretFields.map((field) => credentials[field]),
		]);
		return serviceError(node, failure, { itemIndex, secrets });
	};

	const token = new TokenRefresh(tokens, credentials, service);
	/** counts the sends a rate limit allowed: a resend after a 401 is the same attempt */
	let attempt = 1;
	let waitedMs = 0;
	try {
		for (;;) {
			await rateLimit.wait(self);
			if (cancelSignal?.aborted) throw canceled();

			const options = httpOptions(request, url, timeout);
			const credential = token.credential();
			const place = await placeFor(context, rateLimit, self);
			if (cancelSignal?.aborted) {
				place?.('unused');
				throw canceled();
			}
			let raw: IN8nHttpFullResponse;
			try {
				raw = (await context.helpers.httpRequestWithAuthentication.call(
					context,
					service.credentialType,
					options,
					{
						credentialsDecrypted: credential,
					},
				)) as IN8nHttpFullResponse;
			} catch (error) {
				rateLimit.release(self);
				// n8n aborted the request: axios' "canceled", not a service out of reach
				if (cancelSignal?.aborted) {
					place?.('failed');
					throw canceled();
				}
				// no answer in time, or none at all: a service overloaded or down gets fewer requests
				place?.('overload');
				throw fail(
					service.readNetworkFailure?.(error) ??
						networkFailure(service, error, { request, url, timeout, itemIndex }),
				);
			}
			const wasRefresh = token.answered();
			const response = answerOf(raw);
			const serviceDelay = rateLimitDelay(service, response, request);
			place?.(
				loadOutcome(response, serviceDelay !== undefined, () =>
					service.readFailure(response, request),
				),
			);

			if (raw.statusCode === 401 && !wasRefresh && token.expires) {
				// not a rate limit: the others may send (the refresh may be waiting for that)
				rateLimit.release(self);
				if (await token.resendAfterUnauthorized()) continue;
			}

			if (serviceDelay !== undefined) {
				const delay = nextDelay(policy, attempt, waitedMs, serviceDelay ?? undefined);
				if (delay !== undefined) {
					rateLimit.close(self);
					await pause(delay, cancelSignal);
					if (cancelSignal?.aborted) throw canceled();
					waitedMs += delay;
					attempt++;
					continue;
				}
				rateLimit.release(self);
				throw fail(
					rateLimitFailure(service, response, request, { attempt, waitedMs, serviceDelay }),
				);
			}
			rateLimit.release(self);

			const failure =
				service.readFailure(response, request) ?? request.expects?.(response, request, service);
			if (failure) throw fail(failure);
			return response;
		}
	} finally {
		rateLimit.release(self);
		token.end();
	}
}

/** The request as n8n's helper sends it: copies of query and body, JSON or form, our timeout. */
function httpOptions(request: ApiRequest, url: string, timeout: number): IHttpRequestOptions {
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		// copies: authenticate() adds to these, and a shared object would leak into the next item
		qs: request.qs ? { ...request.qs } : undefined,
		headers: { Accept: 'application/json', ...request.headers },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text',
		timeout,
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
	return options;
}

/**
 * A place among the requests the run sends at once (./limiter.ts), given back with how it went; a
 * rate limit met while waiting for it is waited out without holding the place.
 */
async function placeFor(context: RequestContext, rateLimit: RateLimitGate, self: object) {
	let place = await limiterOf(context)?.acquire();
	while (rateLimit.holds(self)) {
		place?.('unused');
		await rateLimit.wait(self);
		place = await limiterOf(context)?.acquire();
	}
	return place;
}

/** The reply as the services' readers read it: status, headers in lower case, JSON parsed by us. */
function answerOf(raw: IN8nHttpFullResponse): ApiResponse {
	const text =
		typeof raw.body === 'string' ? raw.body : raw.body === undefined ? '' : String(raw.body);
	return {
		statusCode: raw.statusCode,
		headers: lowerCaseKeys(raw.headers as Record<string, unknown>),
		...parseBody(text),
	};
}

/**
 * What a reply says about the service's load, for the run's adaptive limit: a rate limit (429,
 * Valigara's 105) or a gateway's distress (502, 503, 504) is overload; only a clean reply counts
 * towards sending more; any other failure (a 404 for one item, bad data, a refused key, a reply
 * cut short) says nothing about load.
 */
function loadOutcome(
	response: ApiResponse,
	rateLimited: boolean,
	failure: () => ServiceFailure | undefined,
): Outcome {
	if (rateLimited || [502, 503, 504].includes(response.statusCode)) return 'overload';
	return failure() ? 'failed' : 'ok';
}

function lowerCaseKeys(headers: Record<string, unknown> = {}): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(headers)) result[key.toLowerCase()] = value;
	return result;
}
