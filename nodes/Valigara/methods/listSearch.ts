import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { formatDateTime } from '../../shared/dates';
import { pageOfList } from '../../shared/locator';
import { ACTIONS } from '../action-names';
import { GUESSES } from '../guesses';
import { newListMemory, readValigaraList } from '../lists';
import { recordsOf, toApiId, valigaraRequest } from '../transport';

// The lists behind the product and gemstone locators' From List (n8n's `methods.listSearch`). product_search
// answers IDs only ("returned product ids 1,2,3"), every match in one reply; the names come from
// products_export, one page of IDs per call (sent as the export operation sends them: digits as
// numbers), the pagination token being where the next page starts.

/** Products named per call (one products_export of that many IDs). */
export const LIST_PAGE_SIZE = 50;

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

const idOf = (record: IDataObject) => text(record.product_id ?? record.id);

/**
 * The IDs of the products a search term finds: by SKU (the catalog code, the filter Valigara's
 * own clients search by), then by title; all products without a term. Each ID once, in that order.
 */
async function productIds(context: ILoadOptionsFunctions, term: string): Promise<string[]> {
	const filters = term ? [{ sku: term }, { title: term }] : [undefined];
	const ids: string[] = [];
	for (const filter of filters) {
		const found = recordsOf(
			await valigaraRequest(context, ACTIONS.product.search, filter),
			'product_id',
		);
		for (const id of found.map(idOf)) if (id && !ids.includes(id)) ids.push(id);
	}
	return ids;
}

/** "Gold Ring (SKU R-100)"; without a catalog code, the ID tells products of one title apart. */
export function productItem(id: string, record: IDataObject | undefined): INodeListSearchItems {
	const title = text(record?.title) || `Product ${id}`;
	const sku = text(record?.catalog_code ?? record?.sku);
	return { name: sku ? `${title} (SKU ${sku})` : `${title} (ID ${id})`, value: id };
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const ids = await productIds(this, filter?.trim() ?? '');
	const { entries: page, paginationToken: next } = pageOfList(ids, paginationToken, LIST_PAGE_SIZE);
	if (page.length === 0) return { results: [] };

	const records = recordsOf(
		await valigaraRequest(this, ACTIONS.product.exportMany, { product_id: page.map(toApiId) }),
		'product_id',
	);
	const byId = new Map(records.map((record) => [idOf(record), record]));
	return { results: page.map((id) => productItem(id, byId.get(id))), paginationToken: next };
}

/**
 * Gemstones: gemstone_search answers IDs only, and no action names a gemstone by its ID, so an
 * entry says how it was found: by code (the gemstone's own short code) or by title. All gemstones
 * without a term, by ID.
 */
export async function searchGemstones(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim() ?? '';
	const searches: Array<{ data?: IDataObject; says: string }> = term
		? [
				{ data: { code: term }, says: `code ${term}` },
				{ data: { title: term }, says: `title “${term}”` },
			]
		: [{ says: '' }];
	const found = new Map<string, string>();
	for (const { data, says } of searches) {
		const records = recordsOf(
			await valigaraRequest(this, ACTIONS.gemstone.search, data),
			'gemstone_id',
		);
		for (const id of records.map((record) => text(record.gemstone_id ?? record.id)))
			if (id && !found.has(id)) found.set(id, says);
	}
	const page = pageOfList([...found], paginationToken, LIST_PAGE_SIZE);
	return {
		results: page.entries.map(([id, says]) => ({
			name: says ? `Gemstone ${id} (${says})` : `Gemstone ${id}`,
			value: id,
		})),
		paginationToken: page.paginationToken,
	};
}

/** How far back the order locator's From List reaches: the orders a merchant still ships. */
export const RECENT_ORDER_DAYS = 30;
/** At most this many recent orders are listed (the newest); an older one is entered By ID. */
const RECENT_ORDER_LIMIT = 1000;

/** "V-9001 · Ada Lovelace · 2026-11-20 10:15:00": the number, the client and the date a merchant knows. */
export function orderItem(record: IDataObject, id: string): INodeListSearchItems {
	const { dateField } = GUESSES.records.orders;
	const parts = [
		text(record.order_number) || `Order ${id}`,
		text(record.client_name) || text(record.client_email),
		text(record[dateField]),
	].filter((part) => part !== '');
	return { name: parts.join(' · '), value: id };
}

/**
 * Orders: the orders export of the last RECENT_ORDER_DAYS days (its date window and paging as the
 * Export Orders operation reads them, lists.ts), newest first; a term matches the order's ID,
 * number, client name or email.
 */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { idField, dateField } = GUESSES.records.orders;
	const timeZone = this.getTimezone();
	const now = Date.now();
	const { records } = await readValigaraList(
		this,
		{
			action: ACTIONS.order.exportOrders,
			filters: {},
			from: formatDateTime(new Date(now - RECENT_ORDER_DAYS * 86_400_000), timeZone),
			to: formatDateTime(new Date(now), timeZone),
			idField,
			dateField,
			paging: GUESSES.paging,
			limit: RECENT_ORDER_LIMIT,
		},
		newListMemory(),
	);
	const term = filter?.trim().toLowerCase() ?? '';
	const matching = records
		.map((record) => ({ record, id: text(record[idField]) }))
		.filter(({ id }) => id !== '')
		.filter(
			({ record, id }) =>
				!term ||
				[id, record.order_number, record.client_name, record.client_email].some((value) =>
					text(value).toLowerCase().includes(term),
				),
		)
		.sort((a, b) => text(b.record[dateField]).localeCompare(text(a.record[dateField])));
	const page = pageOfList(matching, paginationToken, LIST_PAGE_SIZE);
	return {
		results: page.entries.map(({ record, id }) => orderItem(record, id)),
		paginationToken: page.paginationToken,
	};
}
