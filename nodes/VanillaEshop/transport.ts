import type { IDataObject } from 'n8n-workflow';

import type { ServiceFailure } from '../shared/errors';
import { httpStatusFailure, notFoundMessage, notJsonFailure, serviceWords } from '../shared/failures';
import { sendRequest } from '../shared/request';
import type { ApiRequest, ApiResponse, RequestContext, Service } from '../shared/request';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request to a bulk route, `{"products": [entry, …]}`. */
export interface VanillaRequest extends ApiRequest {
	/** the input item each entry of `products` came from, in order: a failure names them */
	entryItems?: readonly number[];
}

// The doc's "Errors" section is template boilerplate: failures are read as Laravel sends them,
// `{message, errors: {field: [...]}}` with an HTTP status (the shared reader, httpStatusFailure),
// or the app's own envelope `{status, success: false, message, errors | data}` in a 200.
function readFailure(response: ApiResponse, request: VanillaRequest): ServiceFailure | undefined {
	const failure = readReply(response, request);
	return failure && request.entryItems ? pointedAtItems(failure, request.entryItems) : failure;
}

/**
 * Laravel names a field of a bulk entry by the entry's position (`products.3.price: …`): each such
 * line is pointed at the input item it came from (`[item 13] products.3.price: …`).
 */
function pointedAtItems(failure: ServiceFailure, entryItems: readonly number[]): ServiceFailure {
	if (!failure.description) return failure;
	const description = failure.description.replace(
		/^products\.(\d+)\./gm,
		(match, position: string) => `[item ${entryItems[Number(position)] ?? '?'}] ${match}`,
	);
	return { ...failure, description };
}

function readReply(response: ApiResponse, request: ApiRequest): ServiceFailure | undefined {
	const body = response.isJson && isObject(response.body) ? response.body : undefined;
	const http = httpStatusFailure(vanillaEshop, response);
	if (http) {
		const notFound = notFoundMessage(request);
		if (response.statusCode === 404 && notFound) {
			return { ...http, message: notFound, description: serviceWords(body).message };
		}
		return http;
	}
	const notJson = notJsonFailure(vanillaEshop, response);
	if (notJson) return notJson;
	if (body?.success === false) {
		// field messages in `errors`, or else in `data`
		const words = serviceWords(body.errors === undefined ? { ...body, errors: body.data } : body);
		// The envelope's own `status` (e.g. 422) says more than the HTTP 200 it came in.
		const status = typeof body.status === 'number' ? body.status : response.statusCode;
		return {
			message: words.message ?? 'Vanilla eShop refused the request',
			description: words.details.join('\n') || undefined,
			httpCode: status,
			body,
		};
	}
	return undefined;
}

export const vanillaEshop: Service = {
	name: 'Vanilla eShop',
	credentialType: 'vanillaEshopApi',
	secretFields: ['headerSecret', 'querySecret'],
	readFailure,
};

/** The `data` of the reply envelope `{status, success, data}`. */
export async function apiRequest(
	context: RequestContext,
	request: VanillaRequest,
	itemIndex?: number,
): Promise<unknown> {
	const response = await sendRequest(context, vanillaEshop, request, itemIndex);
	const body = response.body;
	return isObject(body) && 'data' in body ? body.data : body;
}

/** The reply's record, or `fallback` (what was acted on) when the service answers `data: null`. */
export function recordOr(data: unknown, fallback: IDataObject): IDataObject {
	return isObject(data) ? data : { success: true, ...fallback };
}

/** `v1/in/<resource>/<id>` with the id made safe for a path (SKUs may hold a slash). */
export function path(...parts: string[]): string {
	return ['v1/in', ...parts.map((part, index) => (index === 0 ? part : encodeURIComponent(part)))].join('/');
}
