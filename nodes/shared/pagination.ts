import type { IExecuteFunctions } from 'n8n-workflow';

/** What a list operation's Return All / Limit fields say. */
export interface ListScope {
	returnAll: boolean;
	limit: number;
}

export function readListScope(context: IExecuteFunctions, itemIndex: number): ListScope {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (context.getNodeParameter('limit', itemIndex, 50) as number);
	return { returnAll, limit };
}

export interface Page<T> {
	items: T[];
	/** set when the service tells (total pages, a next link); otherwise a short page ends the list */
	hasMore?: boolean;
}

// A service that ignores the page parameter would otherwise be paged forever.
const MAX_PAGES = 100_000;

/**
 * Page-number pagination: asks for pages until the limit is reached, the service says there is no
 * more, or a page comes back shorter than asked for.
 */
export async function collectPages<T>(
	scope: ListScope,
	maxPerPage: number,
	fetchPage: (page: number, size: number) => Promise<Page<T>>,
	firstPage = 1,
): Promise<T[]> {
	// One size for every page: page N of a different size would skip or repeat records.
	const size = Math.max(1, Math.min(maxPerPage, scope.limit));
	const results: T[] = [];
	for (let page = firstPage; page < firstPage + MAX_PAGES; page++) {
		const { items, hasMore } = await fetchPage(page, size);
		results.push(...items);
		if (results.length >= scope.limit) return results.slice(0, scope.limit);
		if (hasMore === false || items.length === 0 || (hasMore === undefined && items.length < size)) break;
	}
	return results;
}

/** Cursor pagination: follows the cursor the service returns until there is none. */
export async function collectCursor<T>(
	scope: ListScope,
	fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next?: string }>,
): Promise<T[]> {
	const results: T[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const { items, next } = await fetchPage(cursor);
		results.push(...items);
		if (results.length >= scope.limit) return results.slice(0, scope.limit);
		if (!next || next === cursor || items.length === 0) break;
		cursor = next;
	}
	return results;
}
