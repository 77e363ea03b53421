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

	/** Records newest first, page by page, while `more(page items)` says to go on. */
	async function read(perPage: number, keepGoing: (items: IDataObject[]) => boolean): Promise<IDataObject[]> {
		const found: IDataObject[] = [];
		for (const qs of queries) {
			for (let page = 1; page <= MAX_PAGES; page++) {
				const { items, hasMore } = await gigrovePage(context, path, qs, page, perPage);
				found.push(...items);
				if (items.length < perPage || hasMore === false || !keepGoing(items)) break;
			}
		}
		return found;
	}

	return {
		key: (record) => String(record[idField]),
		position: (record) => String(idOf(record)),
		async latest(count) {
			const records = await read(Math.min(count, PAGE_SIZE), () => false);
			return records.sort((a, b) => idOf(b) - idOf(a)).slice(0, count);
		},
		// IDs above the cursor only: the state keeps no key below it
		readsFrom: (cursor) => cursor,
		// Some WCFM versions ignore notification_type: the type is checked here again. The records
		// of other types are still read, so that the cursor (the baseline's too) moves past them.
		wanted: settings.messageType ? (record) => record.message_type === settings.messageType : undefined,
		async since(cursor) {
			if (cursor === undefined) return await read(PAGE_SIZE, () => true);
			const last = Number(cursor);
			const records = await read(PAGE_SIZE, (items) => items.every((record) => idOf(record) > last));
			return records.filter((record) => idOf(record) > last);
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
