import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { formatDateTime } from '../shared/dates';
import type { EventSource } from '../shared/poll';
import { PAGE_SIZE, gigrovePage } from './transport';

/**
 * New notifications and new orders, read newest first (IDs only grow) until an ID at or below the
 * cursor shows up: notifications have no modified date, so the ID is the only safe position.
 */
export const EVENTS = {
	newNotification: { path: 'notifications/', idField: 'ID', dateField: 'created', sortQuery: { orderby: 'ID', order: 'desc' } },
	newOrder: { path: 'orders/', idField: 'id', dateField: 'date_created', sortQuery: { orderby: 'order_id', order: 'desc' } },
} as const;

export type GigroveEvent = keyof typeof EVENTS;

// Reading newest first, a poll must reach the cursor: stopping early would move the cursor past
// records it never read. This cap only guards against a store that ignores `page`.
const MAX_PAGES = 100_000;

/** The smallest page size `nextPage` uses: half a page, so that a poll never needs twice the requests. */
const MIN_PAGE_SIZE = PAGE_SIZE / 2;

/**
 * The page that reads on from record `end` (the records before it are read), starting at least
 * `overlap` records before it: the pages of one size never overlap (WCFM turns `page` and
 * `per_page` into an offset), so the size changes (100, 99, 98…), whichever reaches furthest.
 */
export function nextPage(end: number, overlap: number): { page: number; perPage: number } {
	let best = { page: 1, perPage: PAGE_SIZE, reach: PAGE_SIZE };
	for (let perPage = PAGE_SIZE; perPage >= MIN_PAGE_SIZE; perPage--) {
		const page = Math.floor(Math.max(0, end - overlap) / perPage) + 1;
		const reach = page * perPage;
		if (reach > best.reach) best = { page, perPage, reach };
	}
	return { page: best.page, perPage: best.perPage };
}

export interface TriggerSettings {
	event: GigroveEvent;
	/** notifications only: the read statuses to watch (WCFM lists unread ones unless asked) */
	statuses: Array<'unread' | 'read'>;
	/** notifications only: one message type, or all */
	messageType?: string;
}

export function gigroveEventSource(context: IPollFunctions, settings: TriggerSettings): EventSource<IDataObject> {
	const { path, idField, sortQuery } = EVENTS[settings.event];
	const idOf = (record: IDataObject) => Number(record[idField]);
	const queries: IDataObject[] =
		settings.event === 'newNotification'
			? settings.statuses.map((status) => ({
					...sortQuery,
					notification_status: status,
					...(settings.messageType ? { notification_type: settings.messageType } : {}),
				}))
			: [{ ...sortQuery }];

	/**
	 * Every record of each list newest first, down to an ID at or below `last` (all when undefined).
	 * Pages are offsets: when a record already read leaves the list (a notification read in the
	 * dashboard, an order trashed) before the next page is asked for, every later record moves up
	 * one place and one would be skipped. So each page starts one record before the previous one
	 * ended, and must hold that record (or a newer one): else the list moved, and the page is read
	 * again from further up (twice as far each time, until the top of the list).
	 */
	async function readDown(last: number | undefined): Promise<IDataObject[]> {
		const found: IDataObject[] = [];
		for (const qs of queries) {
			/** how many records from the top of the list are read, without a gap */
			let end = 0;
			/** the lowest ID read so far (Infinity: none yet) */
			let lowest = Infinity;
			let overlap = 1;
			for (let request = 0; request < MAX_PAGES; request++) {
				const { page, perPage } = nextPage(end, overlap);
				const { items, hasMore } = await gigrovePage(context, path, qs, page, perPage);
				found.push(...items);
				const start = (page - 1) * perPage;
				if (start > 0 && lowest !== Infinity && !items.some((record) => idOf(record) >= lowest)) {
					overlap *= 2; // the list moved up: read again from higher up
					continue;
				}
				overlap = 1;
				end = start + items.length;
				lowest = Math.min(lowest, ...items.map(idOf).filter(Number.isFinite));
				const reachedCursor = last !== undefined && items.some((record) => idOf(record) <= last);
				if (items.length < perPage || hasMore === false || reachedCursor) break;
			}
		}
		return found;
	}

	return {
		key: (record) => String(record[idField]),
		position: (record) => String(idOf(record)),
		async latest(count) {
			const perPage = Math.min(count, PAGE_SIZE);
			const records: IDataObject[] = [];
			for (const qs of queries) records.push(...(await gigrovePage(context, path, qs, 1, perPage)).items);
			return records.sort((a, b) => idOf(b) - idOf(a)).slice(0, count);
		},
		// IDs above the cursor only: the state keeps no key below it
		readsFrom: (cursor) => cursor,
		// Some WCFM versions ignore notification_type: the type is checked here again. The records
		// of other types are still read, so that the cursor (the baseline's too) moves past them.
		wanted: settings.messageType ? (record) => record.message_type === settings.messageType : undefined,
		async since(cursor) {
			if (cursor === undefined) return await readDown(undefined);
			const last = Number(cursor);
			return (await readDown(last)).filter((record) => idOf(record) > last);
		},
	};
}

/**
 * "Start from a date" in ID terms: the highest ID created before that date, so every record from
 * the date on is newer than it. Dates are the store's wall-clock time, like `created`.
 */
export async function positionBefore(context: IPollFunctions, settings: TriggerSettings, date: string): Promise<string> {
	const { dateField, idField } = EVENTS[settings.event];
	const source = gigroveEventSource(context, settings);
	const recent = await source.since(undefined);
	const before = recent.filter((record) => (formatDateTime(record[dateField], 'UTC') ?? '') < date);
	return String(before.reduce((max, record) => Math.max(max, Number(record[idField])), 0));
}
