import type { IDataObject } from 'n8n-workflow';

import { httpStatusFailure, notJsonFailure } from '../shared/failures';
import { credentialsOf, sendRequest } from '../shared/request';
import type { ApiRequest, ApiResponse, RequestContext, Service } from '../shared/request';
import { inputError } from '../shared/errors';
import type { ServiceFailure } from '../shared/errors';

// "An order will not be re-imported if another order with the same order_id or reference has
// already been sent": the service answers success 0 with this message, which is not a failure.
export const ALREADY_SENT = /already/i;

function messageOf(body: unknown): string | undefined {
	const message = (body as IDataObject | undefined)?.message;
	return typeof message === 'string' && message.trim() ? message : undefined;
}

function readFailure(response: ApiResponse): ServiceFailure | undefined {
	const body = response.body as IDataObject;
	const message = response.isJson ? messageOf(body) : undefined;
	const http = httpStatusFailure(guaranteedReviews, response);
	if (http) return http;
	const notJson = notJsonFailure(guaranteedReviews, response);
	if (notJson) return notJson;
	// The public API reports errors as `{data: <status>, message}` inside a 200.
	if (typeof body?.data === 'number' && body.data !== 200) {
		return { message: message ?? `Guaranteed Reviews refused the request`, code: body.data, body };
	}
	// `success: 0` with a message other than "already sent": nothing was imported, and why.
	if ((body?.success === 0 || body?.success === false) && message && !ALREADY_SENT.test(message)) {
		return { message, body };
	}
	return undefined;
}

export const guaranteedReviews: Service = {
	name: 'Guaranteed Reviews',
	credentialType: 'guaranteedReviewsApi',
	// the public key is public: it is part of the public reviews URL
	secretFields: ['apiKey'],
	readFailure,
};

export async function apiRequest(
	context: RequestContext,
	request: ApiRequest,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await sendRequest(context, guaranteedReviews, request, itemIndex);
	return response.body as IDataObject;
}

/** Public keys looked up in this node run (its execution context), so a run asks once, not per item. */
const lookedUpKeys = new WeakMap<object, string>();

/** The public key from the credential, or looked up through the private stats endpoint. */
export async function publicKey(context: RequestContext, itemIndex: number): Promise<string> {
	const credentials = await credentialsOf(context, guaranteedReviews.credentialType);
	const configured = String(credentials.publicKey ?? '').trim();
	if (configured) return configured;
	const known = lookedUpKeys.get(context);
	if (known) return known;
	const stats = await apiRequest(
		context,
		{ method: 'GET', path: 'private/v3/stats', qs: { scope: 'site', include_public_key: 'true' } },
		itemIndex,
	);
	const key = String(stats.public_key ?? '');
	if (key) lookedUpKeys.set(context, key);
	return key;
}

/** An order's result that the reply cannot make exact: imported or not is unknown (`imported: null`). */
export const UNCERTAIN = ['importedOrAlreadySent', 'unknown'];

/**
 * Per-order results of one POST /private/v3/orders. The API only counts per request
 * ({orders_count, orders_imported, message}), so a partly imported request cannot say which of its
 * orders were taken: when its message says the others were already sent, each order was imported
 * or already sent (neither is a failure); without that, "unknown". A request of one order is always exact.
 */
export function orderResults(
	orders: Array<{ id_order: string; reference?: string }>,
	reply: IDataObject,
): IDataObject[] {
	const count = Number(reply.orders_count ?? orders.length);
	const imported = Number(reply.orders_imported ?? 0);
	const message = (reply.message as string | null) ?? null;
	const alreadySent = message !== null && ALREADY_SENT.test(message);
	const status =
		imported >= count
			? 'imported'
			: imported === 0
				? alreadySent
					? 'alreadySent'
					: 'notImported'
				: alreadySent
					? 'importedOrAlreadySent'
					: 'unknown';
	return orders.map((order) => ({
		orderId: order.id_order,
		...(order.reference !== undefined ? { reference: order.reference } : {}),
		imported: status === 'imported' ? true : UNCERTAIN.includes(status) ? null : false,
		status,
		message,
		request: { ordersCount: count, ordersImported: imported },
	}));
}

/** The public reviews reply for a scope (`site` or a product ID), with the public key found for the item. */
export async function publicReviews(
	context: RequestContext,
	scope: string,
	itemIndex: number,
): Promise<IDataObject> {
	const key = await publicKey(context, itemIndex);
	if (!key) {
		throw inputError(
			context.getNode(),
			'No public API key: it is not in the credential and the account did not return one',
			{
				itemIndex,
				description:
					'Copy the public key from your Guaranteed Reviews account into the credential.',
			},
		);
	}
	return await apiRequest(
		context,
		{
			method: 'GET',
			path: `public/v3/reviews/${encodeURIComponent(key)}/${encodeURIComponent(scope)}`,
		},
		itemIndex,
	);
}

// The public API abbreviates its fields; merchants read these names instead.
const READABLE_NAMES: Record<string, string> = {
	c: 'customer',
	r: 'rating',
	txt: 'text',
	o: 'orderId',
	odate: 'orderDate',
	rdate: 'replyDate',
	transl: 'translated',
	lang: 'language',
};

/** A public review with readable field names; fields we do not know keep their own name. */
export function readableReview(review: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(review)) result[READABLE_NAMES[key] ?? key] = value;
	if (typeof result.translated === 'number') result.translated = result.translated === 1;
	return result;
}

/** Ratings `distribution` comes as a list (scores 1–5) or an object keyed by score. */
export function ratingSummary(ratings: IDataObject | undefined): IDataObject {
	const distribution = ratings?.distribution;
	const byScore: IDataObject = {};
	if (Array.isArray(distribution)) {
		distribution.forEach((count, index) => (byScore[String(index + 1)] = count));
	} else if (distribution && typeof distribution === 'object') {
		Object.assign(byScore, distribution);
	}
	return { total: ratings?.total ?? 0, average: ratings?.average ?? null, distribution: byScore };
}
