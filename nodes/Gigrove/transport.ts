import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { tokenExchangeFailure } from '../../credentials/GigroveApi.credentials';
import { withDetail } from '../shared/errors';
import type { ServiceFailure } from '../shared/errors';
import {
	httpStatusFailure,
	listExpected,
	notFoundMessage,
	notJsonFailure,
	recordExpected,
	serviceWords,
} from '../shared/failures';
import { addHint } from '../shared/hints';
import { readPages } from '../shared/pagination';
import type { ListScope, Page } from '../shared/pagination';
import { sendRequest } from '../shared/request';
import { isRecord } from '../shared/validation';
import type {
	ApiRequest,
	ApiResponse,
	ReplyCheck,
	RequestContext,
	Service,
} from '../shared/request';

// Gigrove is a WooCommerce + WCFM Marketplace store: WordPress REST conventions throughout.
// https://gigrove.com/api-docs/

/** WordPress caps `per_page` at 100. */
export const PAGE_SIZE = 100;

const SECRET_FIELDS = ['accessToken', 'apiKey', 'apiSecret', 'sessionToken'] as const;

const TOKEN_HELP =
	'With a Bearer token: check it in the credential, or ask Gigrove for a new one (https://gigrove.com/api-form). ' +
	'With an API key and secret: a new token was fetched once and still refused.';

const DELIVERY_HELP =
	'Deliveries need the token of a delivery person’s account: a seller’s token is refused here, and a delivery person’s token is refused for products, orders and bookings.';

function describeRefusal(status: number, request: ApiRequest): string {
	const isDelivery = /^\/?deliveries/.test(request.path);
	if (status === 401)
		return isDelivery ? `${DELIVERY_HELP}\n${TOKEN_HELP}` : `${TOKEN_HELP}\n${DELIVERY_HELP}`;
	return isDelivery
		? DELIVERY_HELP
		: 'The account of this token may not do this (a delivery person’s token, or a seller without this permission in the store).';
}

// WordPress and WCFM answer errors as `{code, message, data: {status, params, details}}`: the
// shared reader (httpStatusFailure) gives the message, the code and which value was wrong.
function readFailure(response: ApiResponse, request: ApiRequest): ServiceFailure | undefined {
	const body = response.isJson ? response.body : undefined;
	const status = response.statusCode;

	const failure = httpStatusFailure(gigrove, response);
	if (failure) {
		const said = serviceWords(body).message;
		const notFound = notFoundMessage(request);
		if (status === 404 && failure.code === 'rest_no_route') {
			return {
				...failure,
				message: `This store’s API has no route for ${request.method} ${request.path}`,
				description:
					'Gigrove’s documentation does not include this operation: it depends on the store’s API (a WCFM Marketplace REST route), which this store does not offer.',
			};
		}
		if (status === 404 && notFound) {
			return {
				...failure,
				message: withDetail(notFound, said),
				description: 'Check the ID, and that it belongs to the account of the credential.',
			};
		}
		if (status === 401 || status === 403) {
			return {
				...failure,
				description: [failure.description, describeRefusal(status, request)]
					.filter(Boolean)
					.join('\n'),
			};
		}
		return failure;
	}

	const notJson = notJsonFailure(gigrove, response);
	if (notJson) return notJson;

	// WCFM's product form reports a refusal as {status: false, message} when a proxy passes it on.
	if (isRecord(body) && body.status === false && typeof body.message === 'string') {
		return { message: body.message, httpCode: status, body };
	}
	return undefined;
}

/** A token exchange the credential made and Gigrove refused: said as that, not as "could not reach". */
function readNetworkFailure(error: unknown): ServiceFailure | undefined {
	const refused = tokenExchangeFailure(error);
	if (refused === undefined) return undefined;
	return {
		message: refused,
		code: 'token_exchange_failed',
		description:
			'Check the API key, the API secret and the Token URL in the credential, or use a Bearer token issued by Gigrove.',
	};
}

export const gigrove: Service = {
	name: 'Gigrove',
	credentialType: 'gigroveApi',
	secretFields: SECRET_FIELDS,
	readFailure,
	readNetworkFailure,
	// With an API key and secret the token expires: on a 401, n8n fetches a new one once.
	expirableTokenField: (credentials) =>
		credentials.authentication === 'apiKey' ? 'sessionToken' : undefined,
};

/** The full reply (status, headers, parsed body) of one request; failures are NodeApiErrors. */
export async function send(
	context: RequestContext,
	request: ApiRequest,
	itemIndex?: number,
): Promise<ApiResponse> {
	return await sendRequest(context, gigrove, request, itemIndex);
}

/** One call, its parsed JSON reply. Usable from an action node and from a polling trigger. */
export async function gigroveRequest(
	context: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	qs?: IDataObject,
	body?: IDataObject,
	itemIndex?: number,
): Promise<unknown> {
	return (await send(context, { method, path, qs, body }, itemIndex)).body;
}

/** What an empty reply to a product Create or Update means. */
export const FORM_REFUSED_HINT =
	'WCFM stores answer with nothing when their product form refuses the data (a duplicate SKU, a missing name or category). Check the fields, and the store’s dashboard for a saved draft.';

/** Simplify (shared/simplify.ts): the fields of a product a merchant uses (docs: WooCommerce's product). */
export const SIMPLE_PRODUCT = [
	'id',
	'name',
	'sku',
	'type',
	'status',
	'price',
	'regular_price',
	'sale_price',
	'stock_status',
	'stock_quantity',
	'permalink',
	'categories[].name',
	'date_modified',
] as const;

/** Simplify: the fields of an order a merchant uses (docs: WooCommerce's order). */
export const SIMPLE_ORDER = [
	'id',
	'number',
	'status',
	'currency',
	'total',
	'date_created',
	'customer_id',
	'billing.first_name',
	'billing.last_name',
	'billing.email',
	'payment_method_title',
	'line_items[].name',
	'line_items[].quantity',
	'line_items[].total',
] as const;

/** A call whose reply must be one record: an empty reply (`null`, `{}`, `[]`) is an error. */
export async function gigroveObject(
	context: RequestContext,
	request: ApiRequest,
	itemIndex?: number,
	emptyHint?: string,
): Promise<IDataObject> {
	return (await send(context, { ...request, expects: recordExpected(emptyHint) }, itemIndex))
		.body as IDataObject;
}

/**
 * The records of a list reply, or undefined when the reply is not a list. PHP arrays with gaps
 * arrive as objects keyed "0", "2", …; WCFM lists without a match may be `null`.
 */
export function listOf(body: unknown): IDataObject[] | undefined {
	if (body === null || body === undefined) return [];
	if (Array.isArray(body)) return body as IDataObject[];
	if (typeof body === 'object' && Object.keys(body).every((key) => /^\d+$/.test(key))) {
		return Object.values(body) as IDataObject[];
	}
	return undefined;
}

/** The list's length from `X-WP-Total`, when the store sends it (products only, in WCFM). */
export function listTotal(headers: Record<string, unknown>): number | undefined {
	const total = Number(headers['x-wp-total']);
	return headers['x-wp-total'] !== undefined && Number.isInteger(total) && total >= 0
		? total
		: undefined;
}

/** Whether the headers say another page follows (`X-WP-TotalPages`, `Link` rel="next"). */
export function morePagesFollow(
	headers: Record<string, unknown>,
	page: number,
): boolean | undefined {
	const totalPages = Number(headers['x-wp-totalpages']);
	if (headers['x-wp-totalpages'] !== undefined && Number.isFinite(totalPages))
		return page < totalPages;
	const link = headers.link;
	if (typeof link === 'string' && link.trim()) return /rel="?next"?/i.test(link);
	return undefined;
}

/**
 * Page `page` of a list (`per_page` / `page`), with the totals the store sends (products only,
 * in WCFM); shared/pagination.ts decides what they are worth.
 */
export async function gigrovePage(
	context: RequestContext,
	path: string,
	qs: IDataObject,
	page: number,
	perPage: number,
	itemIndex?: number,
): Promise<Page<IDataObject>> {
	const request: ApiRequest = {
		method: 'GET',
		path,
		qs: { ...qs, per_page: perPage, page },
		expects: listExpected(listOf),
	};
	const response = await send(context, request, itemIndex);
	return {
		items: listOf(response.body)!,
		total: listTotal(response.headers),
		hasMore: morePagesFollow(response.headers, page),
	};
}

/** A record's identity in a list: `id`, or `ID` (notifications). */
export function recordKey(record: IDataObject): string {
	const id = record.id ?? record.ID;
	return id === undefined || id === null ? JSON.stringify(record) : String(id);
}

/**
 * Every record of a list up to the scope's limit, page by page (shared/pagination.ts: capped
 * pages, lists moving while read); a warning becomes a hint on the output.
 */
export async function gigroveList(
	context: IExecuteFunctions,
	path: string,
	qs: IDataObject,
	scope: ListScope,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { records, warning } = await readPages(scope, {
		maxPerPage: PAGE_SIZE,
		key: recordKey,
		fetchPage: async (page, perPage) =>
			await gigrovePage(context, path, qs, page, perPage, itemIndex),
	});
	if (warning) addHint(context, `Gigrove: ${warning}`, itemIndex);
	return records;
}

// ── Replies of single routes ──────────────────────────────────────────────────────────────────

/** The notes of an order, newest first (WCFM route orders/note/{id}); `whenNone`: the failure when there are none. */
export async function orderNotes(
	context: IExecuteFunctions,
	request: { method: 'GET' | 'PUT'; body?: IDataObject },
	id: string,
	itemIndex: number,
	whenNone?: ServiceFailure,
): Promise<IDataObject[]> {
	const path = `orders/note/${id}`;
	const { body } = await send(
		context,
		{ ...request, path, subject: `order ${id}`, expects: listExpected(listOf, whenNone) },
		itemIndex,
	);
	return listOf(body)!;
}

/** The list of a variations reply `{variations, attributes}`, or of a plain list. */
export function variationsOf(body: unknown): IDataObject[] | undefined {
	return listOf(isRecord(body) && 'variations' in body ? body.variations : body);
}

/** The deliveries of a reply that may be one object or a list (empty entries left out). */
export function deliveriesOf(body: unknown): IDataObject[] {
	const list = listOf(body) ?? [body as IDataObject];
	return list.filter(
		(entry) => entry && typeof entry === 'object' && Object.keys(entry).length > 0,
	);
}

/** A reply without a delivery is an error naming the ID. */
export function deliveriesExpected(id: string): ReplyCheck {
	return listExpected(deliveriesOf, {
		message: `Gigrove sent no delivery for ID ${id}`,
		description:
			'Check the ID, and that the credential holds the token of the delivery person it is assigned to.',
	});
}
