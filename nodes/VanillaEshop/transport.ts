import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ServiceFailure } from '../shared/errors';
import {
	httpStatusFailure,
	notFoundMessage,
	notJsonFailure,
	serviceWords,
} from '../shared/failures';
import { sendRequest } from '../shared/request';
import type { ApiRequest, ApiResponse, RequestContext, Service } from '../shared/request';
import { compact, isRecord } from '../shared/validation';

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
	const body = response.isJson && isRecord(response.body) ? response.body : undefined;
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
	return isRecord(body) && 'data' in body ? body.data : body;
}

/** The reply's record, or `fallback` (what was acted on) when the service answers `data: null`. */
export function recordOr(data: unknown, fallback: IDataObject): IDataObject {
	return isRecord(data) ? data : { success: true, ...fallback };
}

/**
 * Simplify (shared/simplify.ts): the fields of an order a merchant uses, from the doc's order
 * object; its `products[]` entries are not described there: these are the names the create
 * request sends (sku, name, quantity, total).
 */
export const SIMPLE_ORDER = [
	'order_id',
	'customer_id',
	'firstname',
	'lastname',
	'email',
	'telephone',
	'order_status_id',
	'total',
	'currency_code',
	'payment_method',
	'shipping_method',
	'date_added',
	'date_modified',
	'products[].sku',
	'products[].name',
	'products[].quantity',
	'products[].total',
] as const;

/** `v1/in/<resource>/<id>` with the id made safe for a path (SKUs may hold a slash). */
export function path(...parts: string[]): string {
	return [
		'v1/in',
		...parts.map((part, index) => (index === 0 ? part : encodeURIComponent(part))),
	].join('/');
}

/** Sends one bulk request to products/bulk or pricing/bulk, `{"products": entries}`; its failures name the input items of the entries. */
export async function sendBulk(
	context: IExecuteFunctions,
	route: string,
	entries: IDataObject[],
	itemIndexes: number[],
): Promise<unknown> {
	const request: VanillaRequest = {
		method: 'POST',
		path: path(route, 'bulk'),
		body: { products: entries },
		entryItems: itemIndexes,
	};
	return await apiRequest(context, request, itemIndexes[0]);
}

/**
 * One output per entry of a bulk request. The doc's example replies with one record even for a
 * list, so: the reply's list when it has one record per entry, the record itself for a request of
 * one, else the whole reply on each entry next to what identifies it.
 */
export function bulkResults(
	data: unknown,
	entries: IDataObject[],
	identify: (entry: IDataObject) => IDataObject,
): IDataObject[] {
	if (Array.isArray(data) && data.length === entries.length && data.every(isRecord))
		return data as IDataObject[];
	if (entries.length === 1 && isRecord(data)) return [data];
	return entries.map((entry) => ({
		success: true,
		...compact(identify(entry)),
		reply: (data ?? null) as IDataObject,
	}));
}
