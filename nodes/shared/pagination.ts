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
	/** how many records the whole list holds, when the service says (X-WP-Total, total_results) */
	total?: number;
	/** true when the service says another page follows (a Link rel="next") */
	hasMore?: boolean;
	/** the reader of the list gives up: the read ends at once, `stopped` (the caller knows why) */
	stop?: boolean;
}

/** How one page-numbered list is read (`page` from 1, a page size). */
export interface PagedList<T> {
	/** the largest page the service is documented to serve (WordPress: 100) */
	maxPerPage: number;
	/** the same record always gives the same key: records read twice come out once */
	key(record: T): string;
	fetchPage(page: number, perPage: number): Promise<Page<T>>;
	/** called with each page read, in order: true stops reading there (a trigger's cursor) */
	reachedEnd?(items: T[], page: number): boolean;
	/**
	 * the service is known to send at least this many records a reply when it has them (a reply
	 * that long was seen): a page shorter than that, and than asked, is the end without asking on
	 */
	servesAtLeast?: number;
}

export interface ListRead<T> {
	records: T[];
	/** set when the list could not be read with certainty: say it to the user */
	warning?: string;
	/** a page asked to stop (Page.stop): the records are what was read until then */
	stopped?: boolean;
}

// A service that ignores the page parameter would otherwise be paged forever.
const MAX_REQUESTS = 100_000;
/** Reads of a list whose pages could not overlap (a page cap of 1 or 2): until one finds nothing new. */
const MAX_PASSES = 3;

/**
 * Where the next page starts: at least `overlap` records before `end` (the records before it are
 * read), so that the page shows whether the list moved up meanwhile (a record read before left
 * it: every later one moved up, and one would be skipped). Page numbers are offsets of one page
 * size, so the size varies (size, size-1, … down to half of it), whichever page reaches furthest.
 * `overlaps: false` when no size can both overlap and progress (a service serving 1 or 2 records
 * a page): then the page starts at `end`, unchecked.
 */
export function nextPage(
	end: number,
	overlap: number,
	size: number,
	sizeIsFixed = false,
): { page: number; perPage: number; overlaps: boolean } {
	if (end === 0) return { page: 1, perPage: size, overlaps: true };
	const smallest = sizeIsFixed ? size : Math.max(1, Math.ceil(size / 2));
	let best: { page: number; perPage: number; reach: number } | undefined;
	for (let perPage = size; perPage >= smallest; perPage--) {
		const page = Math.floor(Math.max(0, end - overlap) / perPage) + 1;
		const reach = page * perPage;
		if (reach > end && (!best || reach > best.reach)) best = { page, perPage, reach };
	}
	if (best) return { page: best.page, perPage: best.perPage, overlaps: true };
	// The list moved further than a page can overlap: read it again from the top.
	if (overlap > 1) return { page: 1, perPage: size, overlaps: true };
	for (let perPage = size; perPage >= smallest; perPage--) {
		if (end % perPage === 0) return { page: end / perPage + 1, perPage, overlaps: false };
	}
	return { page: end + 1, perPage: 1, overlaps: false };
}

/**
 * Every record of a page-numbered list (up to the scope's limit, or down to `reachedEnd`), read
 * as if the service were unfriendly, because real ones are:
 * - a page shorter than asked is not taken as the end at once: services cap pages below what was
 *   asked without saying so. It tells how many records a page holds; the next pages ask for no
 *   more than that, and a page shorter than that is the end. (One extra request for a short list.)
 * - the service's total (when it sends one) ends the list once every place in it was read.
 * - pages overlap by at least one record, so a list that moves while it is read (records leaving
 *   it push every later one up) is noticed and the page read again from further up; records that
 *   come twice (new ones pushing the list down) come out once. Where pages cannot overlap (1 or 2
 *   records a page), the whole list is read again until a read finds nothing new.
 * - a page that brings nothing new twice over (the service ignores `page`) ends the read with a
 *   warning, as does the request guard.
 */
export async function readPages<T>(scope: ListScope, list: PagedList<T>): Promise<ListRead<T>> {
	const found = new Map<string, T>();
	for (let pass = 1; ; pass++) {
		const before = found.size;
		const { exact, warning, stopped } = await readPass(scope, list, found);
		const records = [...found.values()].slice(0, scope.limit);
		if (stopped) return { records, stopped };
		if (warning || exact || found.size >= scope.limit) return { records, warning };
		if (pass > 1 && found.size === before) return { records };
		if (pass === MAX_PASSES) {
			return {
				records,
				warning: `The list kept changing while it was read ${MAX_PASSES} times (the service serves too few records a page to check each page against the one before): some records may be missing. Run it again when the list is quieter.`,
			};
		}
	}
}

/** One read from the top of the list; `exact` when every page overlapped the one before. */
async function readPass<T>(
	scope: ListScope,
	list: PagedList<T>,
	found: Map<string, T>,
): Promise<{ exact: boolean; warning?: string; stopped?: boolean }> {
	/** the most records a page may hold: asked for at most, and once a page came back short, what the service serves */
	let size = Math.max(1, Math.min(list.maxPerPage, scope.limit));
	/** a page came back shorter than asked: `size` is what the service serves, a shorter page is the end */
	let sizeKnown = false;
	/** the service sent more than asked: it ignores the page size, pages are its own */
	let sizeIsFixed = false;
	/** how many places from the top of the list are read, without a gap */
	let end = 0;
	/** the furthest place read, and the reads from the top since then */
	let furthest = 0;
	let topRereads = 0;
	/** pages are not checked against the one before (they cannot be, here) */
	let unchecked = false;
	/** the longest page the service sent */
	let largest = 0;
	let overlap = 1;
	let exact = true;
	/** pages in a row that were the first page again */
	let stale = 0;
	let firstPage: string | undefined;
	let previousPage: string | undefined;
	const keys = new Set<string>();
	for (let request = 0; request < MAX_REQUESTS; request++) {
		const { page, perPage, overlaps } = unchecked
			? { ...nextPage(end, 0, size, sizeIsFixed), overlaps: false }
			: nextPage(end, overlap, size, sizeIsFixed);
		const { items, total, hasMore, stop } = await list.fetchPage(page, perPage);
		if (stop) return { exact, stopped: true };
		largest = Math.max(largest, items.length);
		if (items.length > perPage && !sizeIsFixed) {
			// The service ignores the page size: its pages are as long as the longest it sent, numbered in that size.
			size = largest;
			sizeIsFixed = true;
			sizeKnown = true;
			if (page > 1) continue; // this page was not where it was asked for: ask again in the service's size
		}
		const start = (page - 1) * perPage;
		if (start > 0 && overlaps && !items.some((record) => keys.has(list.key(record)))) {
			overlap *= 2; // the list moved up: read again from further up
			continue;
		}
		if (page === 1 && end > 0) {
			// Back at the top without getting further: the pages were not where they were asked for
			// (a service serving pages of its own size). Keep to the size it serves; then stop
			// checking pages against each other (the whole list is read again instead).
			topRereads++;
			if (topRereads >= 2) sizeIsFixed = true;
			if (topRereads >= 4) unchecked = true;
		}
		if (!overlaps) exact = false;
		overlap = 1;
		let fresh = 0;
		for (const record of items) {
			const key = list.key(record);
			if (!keys.has(key)) fresh++;
			keys.add(key);
			if (!found.has(key)) found.set(key, record);
		}
		if (start + items.length > furthest) topRereads = 0;
		furthest = Math.max(furthest, start + items.length);
		end = start + items.length;
		if (list.reachedEnd?.(items, page)) return { exact };
		if (found.size >= scope.limit || items.length === 0) return { exact };
		if (total !== undefined && end >= total) return { exact };
		// The first page (or the one before) again, twice: the service ignores `page` (or records
		// arrive as fast as they are read).
		const pageKeys = items.map((record) => list.key(record)).join('\n');
		if (page === 1) firstPage = pageKeys;
		else
			stale = fresh === 0 && (pageKeys === firstPage || pageKeys === previousPage) ? stale + 1 : 0;
		previousPage = pageKeys;
		if (stale >= 2) {
			return {
				exact,
				warning:
					'The service sent the first page again for later pages, as if it ignored the page asked for (or records arrived as fast as they were read): only the first page could be read. Some records may be missing.',
			};
		}
		if (items.length < perPage) {
			const shortOfKnown = items.length < (list.servesAtLeast ?? 0);
			if ((sizeKnown || shortOfKnown) && hasMore !== true) return { exact };
			// The end of the list, or the most the service serves a page: the next page tells.
			size = items.length;
			sizeKnown = true;
		} else if (perPage === size) {
			sizeKnown = true; // a full page of this size: a shorter one is the end
		}
	}
	return {
		exact,
		warning: `Reading stopped after ${MAX_REQUESTS} requests: the service kept sending pages. Some records may be missing.`,
	};
}
