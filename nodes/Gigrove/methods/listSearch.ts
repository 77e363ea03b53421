import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { pageOfList } from '../../shared/locator';
import { gigrovePage, send, variationsOf } from '../transport';

// The lists behind the resource locators' From List (n8n's `methods.listSearch`): one page per
// call, the next page's number as the pagination token, through the transport (auth, errors).

/** Records per page in the editor's list: product and order records are large, and 50 fill it. */
export const LIST_PAGE_SIZE = 50;

/** Lists searched here, not by the store: pages read in one call looking for a match. */
export const PAGES_PER_LOCAL_SEARCH = 5;

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function record(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

/** The page a token names (the first when there is none, or it is not a page number). */
function pageOf(paginationToken?: string): number {
	const page = Number(paginationToken);
	return Number.isInteger(page) && page > 1 ? page : 1;
}

/**
 * One page of a list, and the next page's token. A page with records may be followed by more (a
 * store can cap `per_page` below what was asked), so the token is given until a page is empty,
 * unless the totals headers (products) say this page was the last. The editor asks for the next
 * page only when the list is scrolled to its end.
 */
async function readPage(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	page: number,
): Promise<{ records: IDataObject[]; next?: number }> {
	const { items, hasMore } = await gigrovePage(context, path, qs, page, LIST_PAGE_SIZE);
	const more = hasMore ?? items.length > 0;
	return { records: items, next: more ? page + 1 : undefined };
}

/** Searched by the store (`search=`): its matches, one page at a time. */
async function searchedByStore(
	context: ILoadOptionsFunctions,
	path: string,
	toItem: (entry: IDataObject) => INodeListSearchItems | undefined,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim();
	const { records, next } = await readPage(
		context,
		path,
		search ? { search } : {},
		pageOf(paginationToken),
	);
	return {
		results: records.map(toItem).filter((item): item is INodeListSearchItems => item !== undefined),
		paginationToken: next === undefined ? undefined : String(next),
	};
}

/**
 * Searched here, in what the list shows (the store has no search for it): pages are read until
 * one holds a match, at most PAGES_PER_LOCAL_SEARCH per call; the token says where to go on.
 */
async function searchedHere(
	context: ILoadOptionsFunctions,
	path: string,
	toItem: (entry: IDataObject) => INodeListSearchItems | undefined,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const words = filter?.trim().toLowerCase();
	let page: number | undefined = pageOf(paginationToken);
	const results: INodeListSearchItems[] = [];
	for (
		let read = 0;
		page !== undefined && read < PAGES_PER_LOCAL_SEARCH && results.length === 0;
		read++
	) {
		const { records, next }: { records: IDataObject[]; next?: number } = await readPage(
			context,
			path,
			{},
			page,
		);
		for (const item of records.map(toItem)) {
			if (item && (!words || item.name.toLowerCase().includes(words))) results.push(item);
		}
		page = next;
	}
	return { results, paginationToken: page === undefined ? undefined : String(page) };
}

/** "Blue Mug (SKU MUG-1)"; without a SKU, the ID tells products of one name apart. */
export function productItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = text(entry.id);
	if (!id) return undefined;
	const name = text(entry.name) || `Product ${id}`;
	const sku = text(entry.sku);
	const item: INodeListSearchItems = {
		name: sku ? `${name} (SKU ${sku})` : `${name} (ID ${id})`,
		value: id,
	};
	// The product's page by its ID (WordPress answers it with the product's permalink), so that
	// By URL, which the editor fills with this link when the mode is switched, finds the ID in it.
	const origin = /^https?:\/\/[^/?#]+/i.exec(text(entry.permalink))?.[0];
	if (origin) item.url = `${origin}/?post_type=product&p=${id}`;
	return item;
}

/** The date part of a store date ("2026-11-20T10:15:00" → "2026-11-20"). */
function day(value: unknown): string {
	return /^\d{4}-\d{2}-\d{2}/.exec(text(value))?.[0] ?? '';
}

/** "#5694447 · Jane Doe · 2026-11-20": the order number (which may differ from the ID), the customer, the date. */
export function orderItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = text(entry.id);
	if (!id) return undefined;
	const billing = record(entry.billing);
	const customer =
		[text(billing.first_name), text(billing.last_name)].filter(Boolean).join(' ') ||
		text(billing.company) ||
		text(billing.email);
	const name = [`#${text(entry.number) || id}`, customer, day(entry.date_created)]
		.filter(Boolean)
		.join(' · ');
	return { name, value: id };
}

/** A booking's start: "2026-12-03 09:00" (WooCommerce Bookings may send it as a Unix time). */
function startOf(value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value))
		return new Date(value * 1000).toISOString().slice(0, 16).replace('T', ' ');
	return /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2})?/.exec(text(value))?.[0].replace('T', ' ') ?? '';
}

/** "#31 · Screen Printing Workshop · Jane Doe · 2026-12-03 09:00". */
export function bookingItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = text(entry.id);
	if (!id) return undefined;
	const name = [
		`#${id}`,
		text(entry.product_title),
		text(entry.customer_name),
		startOf(entry.start),
	]
		.filter(Boolean)
		.join(' · ');
	return { name, value: id };
}

/** "Delivery 55 · order #5694447 · Jane Doe · pending". */
export function deliveryItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = text(entry.delivery_id ?? entry.id);
	if (!id) return undefined;
	const order = text(entry.order_id);
	const name = [
		`Delivery ${id}`,
		order && `order #${order}`,
		text(record(entry.customer).name),
		text(entry.delivery_status),
	]
		.filter(Boolean)
		.join(' · ');
	return { name, value: id };
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchedByStore(this, 'products/', productItem, filter, paginationToken);
}

export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchedByStore(this, 'orders/', orderItem, filter, paginationToken);
}

export async function searchBookings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchedByStore(this, 'bookings/', bookingItem, filter, paginationToken);
}

/** Deliveries have no search in WCFM: they are searched here, in what the list shows. */
export async function searchDeliveries(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchedHere(this, 'deliveries', deliveryItem, filter, paginationToken);
}

/** "Size: L, Colour: Blue (SKU LS-901-L) · 19.99": what tells a product's variations apart. */
export function variationItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = text(entry.id);
	if (!id) return undefined;
	const attributes = (Array.isArray(entry.attributes) ? entry.attributes : [])
		.map(record)
		.map(({ name, option }) => [text(name), text(option)].filter((part) => part).join(': '))
		.filter((part) => part !== '');
	const label = attributes.join(', ') || text(entry.name) || `Variation ${id}`;
	const sku = text(entry.sku);
	const price = text(entry.price) || text(entry.regular_price);
	const name = [sku ? `${label} (SKU ${sku})` : `${label} (ID ${id})`, price]
		.filter((part) => part !== '')
		.join(' · ');
	return { name, value: id };
}

/** The ID picked in another field of the node (Product, Order), or a clear message to pick it first. */
function pickedId(
	context: ILoadOptionsFunctions,
	field: string,
	noun: string,
	listed: string,
): string {
	const id = text(context.getCurrentNodeParameter(field, { extractValue: true }));
	if (/^\d+$/.test(id)) return id;
	throw new NodeOperationError(
		context.getNode(),
		`Pick the ${noun} first: its ${listed} are listed from its ID`,
		{
			description: `An expression in the ${noun} field is known only at run time: enter it By ID.`,
		},
	);
}

/** Entries whose name holds the term, 50 a page. */
function searchedInNames(
	items: Array<INodeListSearchItems | undefined>,
	filter: string | undefined,
	paginationToken: string | undefined,
): INodeListSearchResult {
	const term = filter?.trim().toLowerCase() ?? '';
	const found = items
		.filter((item): item is INodeListSearchItems => item !== undefined)
		.filter((item) => !term || item.name.toLowerCase().includes(term));
	const page = pageOfList(found, paginationToken, LIST_PAGE_SIZE);
	return { results: page.entries, paginationToken: page.paginationToken };
}

/**
 * The variations of the product picked in Product (WCFM answers them all in one reply), searched
 * here in what the list shows, 50 a page.
 */
export async function searchVariations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const productId = pickedId(this, 'productId', 'product', 'variations');
	const path = `products/${productId}/variations/`;
	const { body } = await send(this, { method: 'GET', path, subject: `product ${productId}` });
	return searchedInNames((variationsOf(body) ?? []).map(variationItem), filter, paginationToken);
}

/** "Linen Shirt × 2 (SKU LS-1) · item 1226": a line of the order. */
export function orderLineItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = text(entry.id);
	if (!id) return undefined;
	const product = text(entry.name) || `Product ${text(entry.product_id)}`;
	const quantity = text(entry.quantity);
	const sku = text(entry.sku);
	const label = `${product}${quantity ? ` × ${quantity}` : ''}${sku ? ` (SKU ${sku})` : ''}`;
	return { name: `${label} · item ${id}`, value: id };
}

/** The line items of the order picked in Order, searched here in what the list shows. */
export async function searchOrderItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const orderId = pickedId(this, 'orderId', 'order', 'items');
	const { body } = await send(this, {
		method: 'GET',
		path: `orders/${orderId}`,
		subject: `order ${orderId}`,
	});
	const lines = Array.isArray(record(body).line_items)
		? (record(body).line_items as unknown[])
		: [];
	return searchedInNames(lines.map(record).map(orderLineItem), filter, paginationToken);
}
