import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { formatDateTime } from '../shared/dates';
import { readPages } from '../shared/pagination';
import type { EventSource } from '../shared/poll';
import type { StatusSource } from '../shared/poll-status';
import { PAGE_SIZE, gigrovePage } from './transport';

/**
 * New notifications and new orders, read newest first (IDs only grow) until an ID at or below the
 * cursor shows up: notifications have no modified date, so the ID is the only safe position.
 */
export const EVENTS = {
	newNotification: {
		path: 'notifications/',
		idField: 'ID',
		dateField: 'created',
		sortQuery: { orderby: 'ID', order: 'desc' },
	},
	newOrder: {
		path: 'orders/',
		idField: 'id',
		dateField: 'date_created',
		sortQuery: { orderby: 'order_id', order: 'desc' },
	},
} as const;

export type GigroveEvent = keyof typeof EVENTS;

/**
 * How far below the newest ID read a poll reads again: a record can show up in a list after one
 * with a higher ID (two orders placed at once, saved in the other order). Records seen before are
 * not emitted twice; one that shows up further below than this is not emitted.
 */
export const LATE_ID_WINDOW = 20;

export interface TriggerSettings {
	event: GigroveEvent;
	/** notifications only: the read statuses to watch (WCFM lists unread ones unless asked) */
	statuses: Array<'unread' | 'read'>;
	/** notifications only: one message type, or all */
	messageType?: string;
	/** IDs below the newest read that a poll reads again (LATE_ID_WINDOW by default) */
	lateIdWindow?: number;
}

export function gigroveEventSource(
	context: IPollFunctions,
	settings: TriggerSettings,
): EventSource<IDataObject> {
	const { path, idField, sortQuery } = EVENTS[settings.event];
	const idOf = (record: IDataObject) => Number(record[idField]);
	const lateWindow = settings.lateIdWindow ?? LATE_ID_WINDOW;
	// Unread notifications first: one read in the dashboard meanwhile moves to the read list, read after.
	const queries: IDataObject[] =
		settings.event === 'newNotification'
			? [...settings.statuses]
					.sort((a) => (a === 'unread' ? -1 : 1))
					.map((status) => ({
						...sortQuery,
						notification_status: status,
						...(settings.messageType ? { notification_type: settings.messageType } : {}),
					}))
			: [{ ...sortQuery }];

	const readDown = async (floor: number | undefined) =>
		await readNewestFirst(
			context,
			{ path, idField, queries, noun: settings.event === 'newOrder' ? 'order' : 'notification' },
			floor,
		);

	return {
		key: (record) => String(record[idField]),
		position: (record) => String(idOf(record)),
		async latest(count) {
			const perPage = Math.min(count, PAGE_SIZE);
			const records: IDataObject[] = [];
			for (const qs of queries)
				records.push(...(await gigrovePage(context, path, qs, 1, perPage)).items);
			return records.sort((a, b) => idOf(b) - idOf(a)).slice(0, count);
		},
		// the late-ID window below the cursor: the state keeps the keys emitted from there on
		readsFrom: (cursor) => String(Math.max(0, Number(cursor) - lateWindow)),
		// Some WCFM versions ignore notification_type: the type is checked here again. The records
		// of other types are still read, so that the cursor (the baseline's too) moves past them.
		wanted: settings.messageType
			? (record) => record.message_type === settings.messageType
			: undefined,
		async since(cursor) {
			if (cursor === undefined) return await readDown(undefined);
			const floor = Number(cursor) - lateWindow;
			return (await readDown(floor)).filter((record) => idOf(record) >= floor);
		},
	};
}

/**
 * Order Status Changed watches the newest orders by ID (the list WCFM serves has no modified-date
 * sort or filter): this many, plus every order created since the last poll. A change to an older
 * order is not seen. Options › Orders Watched overrides it; the state holds one key per order.
 */
export const WATCHED_ORDERS = 100;

export interface StatusSettings {
	/** how many of the newest orders are watched (WATCHED_ORDERS by default) */
	watchedOrders?: number;
	/** IDs below the newest read that a poll reads again (LATE_ID_WINDOW by default) */
	lateIdWindow?: number;
}

/** An order's status as WooCommerce names it: `wc-completed` and `completed` are one status. */
export function orderStatus(context: IPollFunctions, order: IDataObject): string {
	const status = order.status;
	if (typeof status !== 'string' || status === '') {
		throw new NodeOperationError(
			context.getNode(),
			`Gigrove: order ${String(order.id)} has no status`,
			{
				description: `The store sent ${JSON.stringify(status ?? null)} as the order's "status": the trigger cannot tell whether it changed. Nothing was emitted and the trigger's place was kept.`,
			},
		);
	}
	return status.replace(/^wc-/, '');
}

/**
 * The orders the Order Status Changed event watches: newest first (by ID, as New Order reads
 * them), the newest `watchedOrders` plus every order from the late-ID window below the cursor
 * on. A store that ignores the sort order is read to the end, and the newest are kept.
 */
export function gigroveStatusSource(
	context: IPollFunctions,
	settings: StatusSettings,
): StatusSource<IDataObject> {
	const { path, idField, sortQuery } = EVENTS.newOrder;
	const watched = settings.watchedOrders ?? WATCHED_ORDERS;
	const lateWindow = settings.lateIdWindow ?? LATE_ID_WINDOW;
	const idOf = (record: IDataObject) => Number(record[idField]);
	return {
		key: (record) => String(record[idField]),
		position: (record) => String(idOf(record)),
		status: (record) => orderStatus(context, record),
		createdAt: (record) => formatDateTime(record.date_created, 'UTC'),
		changedAt: (record) => formatDateTime(record.date_modified, 'UTC'),
		readsFrom: (cursor) => String(Math.max(0, Number(cursor) - lateWindow)),
		async read(cursor) {
			// the baseline reads the newest only; null: every order (the baseline found none)
			const floor =
				cursor === null ? undefined : cursor === undefined ? Infinity : Number(cursor) - lateWindow;
			const list = { path, idField, queries: [{ ...sortQuery }], noun: 'order' };
			const records = await readNewestFirst(context, list, floor, {
				atLeast: watched,
				belowTop: lateWindow,
			});
			const newestFirst = records.sort((a, b) => idOf(b) - idOf(a));
			// and the late-ID window below the newest: unknown orders there are new to the next poll
			const lateFloor = Math.min(
				floor ?? -Infinity,
				newestFirst.length ? idOf(newestFirst[0]) - lateWindow : Infinity,
			);
			return newestFirst.filter((record, rank) => rank < watched || idOf(record) >= lateFloor);
		},
	};
}

/**
 * Every record of each list, newest first, down to an ID below `floor` (all when undefined), and
 * with `until`: at least `atLeast` records from the top and down to an ID more than `belowTop`
 * below the top one. Read as shared/pagination.ts reads lists (capped
 * pages, records leaving or arriving while it pages). Stopping early is safe only if the store
 * sorts as asked: a page that is not newest first (or a store whose pages show no order) is read
 * to the end of the list. A read that cannot be sure fails the poll, which keeps its place.
 */
async function readNewestFirst(
	context: IPollFunctions,
	list: { path: string; idField: string; queries: IDataObject[]; noun: string },
	floor: number | undefined,
	until: { atLeast: number; belowTop: number } = { atLeast: 0, belowTop: -Infinity },
): Promise<IDataObject[]> {
	const idOf = (record: IDataObject) => Number(record[list.idField]);
	const found: IDataObject[] = [];
	for (const qs of list.queries) {
		let sortedAsAsked = true;
		/** the highest ID read in this pass from the top: a later page of a newest-first list starts at or below it */
		let highest: number | undefined;
		/** the records read in this pass from the top */
		const inPass = new Set<number>();
		const { records, warning } = await readPages<IDataObject>(
			{ returnAll: true, limit: Infinity },
			{
				maxPerPage: PAGE_SIZE,
				key: (record) => String(record[list.idField]),
				fetchPage: async (page, perPage) =>
					await gigrovePage(context, list.path, qs, page, perPage),
				reachedEnd: (items, page) => {
					const ids = items.map(idOf);
					if (page === 1) {
						highest = undefined;
						inPass.clear();
					}
					ids.forEach((id) => inPass.add(id));
					const descending = ids.every((id, i) => i === 0 || id < ids[i - 1]);
					const belowTop = highest === undefined || ids.length === 0 || ids[0] <= highest;
					if (!descending || !belowTop) sortedAsAsked = false;
					// one record alone shows no order: only after a page before it
					const orderShown = ids.length >= 2 || highest !== undefined;
					if (ids.length) highest = Math.max(highest ?? ids[0], ids[0]);
					const deepEnough =
						inPass.size >= until.atLeast && ids.some((id) => id < highest! - until.belowTop);
					return (
						floor !== undefined &&
						sortedAsAsked &&
						orderShown &&
						ids.some((id) => id < floor) &&
						deepEnough
					);
				},
			},
		);
		if (warning) {
			throw new NodeOperationError(
				context.getNode(),
				`Gigrove: could not read every ${list.noun} of this poll`,
				{
					description: `${warning} Nothing was emitted and the trigger's place was kept: the next poll reads again.`,
				},
			);
		}
		found.push(...records);
	}
	return found;
}

/**
 * "Start from a date" in ID terms: the first ID after the highest created before that date, so
 * every record from the date on is at or above it. Dates are the store's wall-clock time, like `created`.
 */
export async function positionBefore(
	context: IPollFunctions,
	settings: TriggerSettings,
	date: string,
): Promise<string> {
	const { dateField, idField } = EVENTS[settings.event];
	const source = gigroveEventSource(context, settings);
	const recent = await source.since(undefined);
	const before = recent.filter((record) => (formatDateTime(record[dateField], 'UTC') ?? '') < date);
	return String(before.reduce((max, record) => Math.max(max, Number(record[idField])), 0) + 1);
}
