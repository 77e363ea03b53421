import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { withDetail } from '../shared/errors';
import type { ServiceFailure } from '../shared/errors';
import { excerpt, httpStatusFailure, notJsonFailure, serviceWords } from '../shared/failures';
import { sendRequest } from '../shared/request';
import type { ApiRequest, ApiResponse, RequestContext, Service } from '../shared/request';
import { parseRetryAfter } from '../shared/retry';
import { isRecord } from '../shared/validation';
import { ACTIONS, isDocumentedAction } from './action-names';

// https://www.valigara.com/features/external-integrations/api/ : one endpoint, `auth` (added by the
// credential), `action`, and `data` as JSON. Every reply is `{status, data}`, HTTP 200 even when
// it failed: the message code in `status` (a number or a string) says how it went.

/** "API Message Codes" of the docs (105 from the newer "Rate limiting" section). */
export const MESSAGE_CODES: Readonly<Record<number, string>> = {
	100: 'OK',
	101: 'Non HTTPS call',
	102: 'Authentication Failed',
	103: 'Unauthorized Request',
	105: 'Rate limit exceeded',
	200: 'Action Not Found',
	201: 'Action Failed',
	300: 'Data Not Specified',
	301: 'Data Decode Failed',
	302: 'Partial Content in Data',
	303: 'Invalid Data',
};

export const OK = 100;
export const RATE_LIMITED = 105;
const ACTION_NOT_FOUND = 200;
const ACTION_FAILED = 201;

/** What to do about each code, for the error's description. */
const HINTS: Readonly<Record<number, string>> = {
	101: 'Valigara only answers over HTTPS: the base URL in the credential must start with https://.',
	102: 'Valigara refused the access key. Copy it again from Dashboard › My Account › API tab into the credential.',
	103: 'The access key may not call this action. Ask Valigara to enable it for your account.',
	201: 'Valigara could not carry out the action with this data, e.g. an ID that does not exist.',
	300: 'This action needs data and none was sent.',
	301: 'Valigara could not decode the data as JSON.',
	302: 'Part of the data is missing or incomplete.',
	303: 'Valigara rejected the data. The List Fields operations show the field names your account accepts.',
};

/** Whether an error is Valigara's 200 Action Not Found: it does not know the action sent. */
export function isActionNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.context.serviceCode === ACTION_NOT_FOUND;
}

/** The message code of a reply, whether Valigara sent it as a number or as text. */
export function statusOf(body: unknown): number | undefined {
	const status = (body as IDataObject | null | undefined)?.status;
	if (typeof status === 'number') return status;
	if (typeof status === 'string' && /^\s*\d+\s*$/.test(status)) return Number(status);
	return undefined;
}

function actionOf(request: ApiRequest): string | undefined {
	const action = (request.body as IDataObject | undefined)?.action;
	return typeof action === 'string' ? action : undefined;
}

function actionNotFoundHint(action: string | undefined): string {
	if (action && !isDocumentedAction(action)) {
		return (
			`Valigara has not published the names of its Orders actions; "${action}" is this node's assumption. ` +
			"Ask Valigara support for the right name and enter it in the operation's Options › Action Name."
		);
	}
	return "Check that the base URL in the credential is Valigara's client API, e.g. https://api.valigara.com/client/V1/.";
}

/** product_update_listings: 4 calls per hour, a leaky bucket (the docs' "Rate limiting"). */
const UPDATE_LISTINGS_INTERVAL_MIN = 15;

function rateLimitHint(action: string | undefined): string {
	if (action === ACTIONS.product.updateListings) {
		return (
			`Valigara allows product_update_listings 4 times per hour (a leaky bucket: a call frees up about every ${UPDATE_LISTINGS_INTERVAL_MIN} minutes). ` +
			`Try again in ${UPDATE_LISTINGS_INTERVAL_MIN} minutes, and put several product IDs into one call.`
		);
	}
	return 'Valigara limits how often this action may be called. Try again in a few minutes.';
}

function hintFor(code: number, action: string | undefined): string | undefined {
	if (code === ACTION_NOT_FOUND) return actionNotFoundHint(action);
	if (code === RATE_LIMITED) return rateLimitHint(action);
	if (code === ACTION_FAILED && action === ACTIONS.product.reportSold) {
		return `${HINTS[code]} With Sold Action "Revise", Valigara answers 201 when the quantity left is below 1.`;
	}
	return HINTS[code];
}

// "Valigara API will return … the http header X-DEBUG-UID. Please include its value … in all
// questions … If Valigara will not return this header …, provide the raw http request & response."
function debugUidOf(response: ApiResponse): string | undefined {
	const uid = response.headers['x-debug-uid'];
	const value = Array.isArray(uid) ? uid[0] : uid;
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The debug id in its own field (for error items) and in the description (for the person reading). */
function withDebugUid(failure: ServiceFailure, response: ApiResponse): ServiceFailure {
	const debugUid = debugUidOf(response);
	const line = debugUid
		? `X-DEBUG-UID: ${debugUid} (quote it to Valigara support)`
		: 'Valigara sent no X-DEBUG-UID header. If you contact Valigara support, send the raw request and reply instead, without the access key.';
	return {
		...failure,
		debugUid,
		description: [failure.description, line].filter(Boolean).join('\n'),
	};
}

function codeFailure(
	code: number,
	response: ApiResponse,
	action: string | undefined,
): ServiceFailure {
	const body = response.body as IDataObject;
	const meaning = MESSAGE_CODES[code] ?? 'an unknown message code';
	// Valigara's own words in `data`: a text, or {message | error, errors…}
	const words = serviceWords(body.data);
	const detail =
		code === ACTION_NOT_FOUND && action ? `no action named "${action}"` : words.message;
	return {
		// the meaning and Valigara's text may be the same words: said once
		message: withDetail(`Valigara error ${code} (${meaning})`, detail),
		description: [...words.details, hintFor(code, action)].filter(Boolean).join('\n') || undefined,
		code,
		httpCode:
			response.statusCode >= 200 && response.statusCode < 300 ? undefined : response.statusCode,
		body,
	};
}

/** The readable page `preview=1` asks for ("for preview purposes only"): text, not JSON. */
function isPreviewPage(response: ApiResponse, request: ApiRequest): boolean {
	const asked = (request.body as IDataObject | undefined)?.preview !== undefined;
	return asked && !response.isJson && String(response.body).trim() !== '';
}

/** A request that takes some message codes as answers, not failures (the caller reads them). */
export interface ValigaraRequest extends ApiRequest {
	accepts?: readonly number[];
}

function readFailure(response: ApiResponse, request: ApiRequest): ServiceFailure | undefined {
	const status = response.isJson ? statusOf(response.body) : undefined;
	if (status !== undefined && (request as ValigaraRequest).accepts?.includes(status))
		return undefined;
	if (status !== undefined && status !== OK)
		return withDebugUid(codeFailure(status, response, actionOf(request)), response);
	if (isPreviewPage(response, request)) {
		const failure = httpStatusFailure(valigara, response);
		return failure && withDebugUid(failure, response);
	}
	const failure =
		httpStatusFailure(valigara, response) ??
		notJsonFailure(valigara, response) ??
		(status === undefined
			? {
					message: withDetail(
						'Valigara sent a reply without a message code',
						serviceWords(response.body).message,
					),
					description: `Expected {"status": 100, "data": …}; the reply began: ${excerpt(JSON.stringify(response.body))}`,
					body: response.body,
				}
			: undefined);
	return failure && withDebugUid(failure, response);
}

/**
 * Code 105 comes in a 200 reply: the shared transport retries it within its bounded budget, after
 * the wait Valigara announces, if any. An unannounced 105 on product_update_listings (4 calls per
 * hour) is not retried: the next call frees up in about 15 minutes, far past the budget.
 */
function rateLimitDelay(response: ApiResponse, request: ApiRequest): number | null | undefined {
	if (!response.isJson || statusOf(response.body) !== RATE_LIMITED) return undefined;
	const announced = announcedWait(response.headers);
	if (announced !== undefined) return announced;
	return actionOf(request) === ACTIONS.product.updateListings ? Infinity : null;
}

/** How long Valigara asks us to wait, when it says so (the header names are not in the docs). */
function announcedWait(headers: Record<string, unknown>): number | undefined {
	const retryAfter = parseRetryAfter(headers['retry-after']);
	if (retryAfter !== undefined) return retryAfter;
	const reset = Number(headers['x-ratelimit-reset']);
	if (!Number.isFinite(reset) || reset <= 0) return undefined;
	// An epoch timestamp in seconds, or a number of seconds to wait.
	return reset > 1e9 ? Math.max(0, reset * 1000 - Date.now()) : reset * 1000;
}

export const valigara: Service = {
	name: 'Valigara',
	credentialType: 'valigaraApi',
	secretFields: ['apiKey'],
	readFailure,
	rateLimitDelay,
};

/** What `data` may be: a JSON object or list (the docs' "JSON array", in PHP terms). */
export type ValigaraData = Record<string, unknown> | unknown[];

/**
 * Calls one Valigara action and returns the whole reply. POST with a form body (the docs ask for
 * POST on large requests): `action`, `data` as JSON text, and any extra parameter (such as
 * `preview`); the credential adds `auth`. Works from any node context, a poll included.
 */
export async function valigaraResponse(
	context: RequestContext,
	action: string,
	data?: ValigaraData,
	itemIndex?: number,
	parameters: IDataObject = {},
	accepts?: readonly number[],
): Promise<ApiResponse> {
	const body: IDataObject = { ...parameters, action };
	if (data !== undefined) body.data = JSON.stringify(data);
	const request: ValigaraRequest = { method: 'POST', path: '', body, form: true, accepts };
	return await sendRequest(context, valigara, request, itemIndex);
}

/** Calls one Valigara action and returns the reply's `data`. */
export async function valigaraRequest(
	context: RequestContext,
	action: string,
	data?: ValigaraData,
	itemIndex?: number,
	parameters: IDataObject = {},
): Promise<unknown> {
	return (
		(await valigaraResponse(context, action, data, itemIndex, parameters)).body as IDataObject
	).data;
}

// ── Replies ──────────────────────────────────────────────────────────────────────────────────

/** Valigara's IDs are numbers ("product ids 1,2,3"): digits are sent, and read back, as a JSON number. */
export function toApiId(id: string): string | number {
	return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/**
 * A reply's `data` as a list of records, one output item each. The docs show lists of IDs
 * ("returned product ids 1,2,3"); exports may come as a list, a map keyed by ID, or an object
 * wrapping one list. Bare IDs become `{[idKey]: id}`.
 */
export function recordsOf(data: unknown, idKey = 'id'): IDataObject[] {
	if (data === undefined || data === null || data === '') return [];
	if (Array.isArray(data))
		return data.map((entry) => (isRecord(entry) ? entry : { [idKey]: entry as string }));
	if (typeof data === 'string' || typeof data === 'number') {
		return String(data)
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== '')
			.map((id) => ({ [idKey]: toApiId(id) }));
	}
	if (isRecord(data)) {
		const values = Object.values(data);
		const lists = values.filter(Array.isArray);
		if (values.length === 1 && lists.length === 1) return recordsOf(lists[0], idKey);
		if (values.length > 0 && values.every(isRecord)) return values as IDataObject[];
		return [data];
	}
	return [{ [idKey]: data as boolean }];
}

/** The output of an action that changes something: the reply's `data`, or that it succeeded (and `data` under its name). */
export function replyObject(data: unknown): IDataObject {
	if (isRecord(data)) return data;
	if (data === undefined || data === null || data === '') return { success: true };
	return { success: true, data: data as IDataObject };
}

/** Calls an action that answers a list: one record per entry of its `data` (see recordsOf). */
export async function listAction(
	context: RequestContext,
	action: string,
	data: ValigaraData | undefined,
	itemIndex: number,
	idKey: string,
): Promise<IDataObject[]> {
	return recordsOf(await valigaraRequest(context, action, data, itemIndex), idKey);
}

/** Calls an action that changes something: its output (see replyObject). */
export async function changeAction(
	context: RequestContext,
	action: string,
	data: ValigaraData | undefined,
	itemIndex: number,
): Promise<IDataObject> {
	return replyObject(await valigaraRequest(context, action, data, itemIndex));
}
