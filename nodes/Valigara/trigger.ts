import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { formatDateTime, shiftWallClock } from '../shared/dates';
import type { EventSource } from '../shared/poll';
import type { StatusSource } from '../shared/poll-status';
import { ACTIONS } from './action-names';
import { GUESSES } from './guesses';
import { readValigaraList } from './lists';
import type { ListMemory, Paging } from './lists';

/**
 * New orders (or clients) come from the orders (clients) export, filtered from a date on. The
 * Orders actions page of the docs is not public: the action names, the `date_from` filter and the
 * record fields (`order_id`, `order_date`…) are assumptions the trigger's options can change.
 */
export const EVENTS = {
	newOrder: { action: ACTIONS.order.exportOrders, ...GUESSES.records.orders, noun: 'order' },
	newClient: { action: ACTIONS.order.exportClients, ...GUESSES.records.clients, noun: 'client' },
	orderStatusChanged: {
		action: ACTIONS.order.exportOrders,
		...GUESSES.records.orders,
		noun: 'order',
	},
} as const;

/**
 * Order Status Changed watches the orders dated within this many days before now (the export
 * filters by order date, not by change): a change to an older order is not seen. Options › Days
 * Watched overrides it; the state holds one key per order of those days.
 */
export const WATCHED_DAYS = 14;

export type ValigaraEvent = keyof typeof EVENTS;

export interface TriggerSettings {
	event: ValigaraEvent;
	action: string;
	idField: string;
	dateField: string;
	/** minutes read again before the cursor: late-arriving records with an older date are caught */
	overlapMinutes: number;
	/** how far back the baseline looks for the newest record, in days */
	baselineDays: number;
	/** how the export is read (./lists.ts): paging keys, date keys, whether replies are whole */
	paging?: Paging;
	dateKeys?: { from: string; to: string };
	wholeReplies?: boolean;
}

function readField(record: IDataObject, field: string): string | undefined {
	const value = record[field];
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

/**
 * The export read from a date on (./lists.ts), each record checked for an ID and a date. `memory`
 * is what earlier polls learnt of how the export answers (the longest reply, whether it pages):
 * the trigger keeps it in its static data after each poll that succeeds.
 */
function exportReader(context: IPollFunctions, settings: TriggerSettings, memory: ListMemory) {
	const { action, idField, dateField } = settings;
	const noun = EVENTS[settings.event].noun;

	/** the last export read whole in this poll: a later read of a window inside it is answered from it */
	let lastRead: { from: string | undefined; records: IDataObject[]; settled?: string } | undefined;

	const position = (record: IDataObject) =>
		formatDateTime(readField(record, dateField), 'UTC') ?? String(record[dateField]);

	async function exportFrom(dateFrom: string | undefined): Promise<IDataObject[]> {
		if (
			lastRead &&
			(lastRead.from === undefined || (dateFrom !== undefined && lastRead.from <= dateFrom))
		) {
			return lastRead.records.filter(
				(record) => dateFrom === undefined || position(record) >= dateFrom,
			);
		}
		const { records, warning, settled } = await readValigaraList(
			context,
			{
				action,
				filters: {},
				from: dateFrom,
				idField,
				dateField,
				paging: settings.paging,
				dateKeys: settings.dateKeys,
				wholeReplies: settings.wholeReplies,
				limit: Infinity,
			},
			memory,
		);
		for (const record of records) {
			if (readField(record, idField) === undefined || readField(record, dateField) === undefined) {
				throw new NodeOperationError(
					context.getNode(),
					`A ${noun} from Valigara has no "${readField(record, idField) === undefined ? idField : dateField}" field`,
					{
						description: `The trigger needs an ID and a date on every ${noun}. Fields seen: ${Object.keys(record).join(', ') || 'none'}. Set "ID Field" and "Date Field" in the trigger's options.`,
					},
				);
			}
		}
		if (warning) {
			// emitting what was read would move the cursor past what was not: fail the poll instead
			throw new NodeOperationError(
				context.getNode(),
				`Could not read every ${noun} of this poll from Valigara`,
				{
					description: `${warning} Nothing was emitted and the trigger's place was kept: the next poll reads again.`,
				},
			);
		}
		lastRead = { from: dateFrom, records, settled };
		return records;
	}

	// the look-back: a position that is not a date (a date field the trigger cannot read) reads the whole export
	const readsFrom = (cursor: string) => shiftWallClock(cursor, -settings.overlapMinutes);
	return { exportFrom, position, readsFrom, settledUpTo: () => lastRead?.settled };
}

/** New orders or clients: the export from the cursor minus Look Back on. */
export function valigaraEventSource(
	context: IPollFunctions,
	settings: TriggerSettings,
	memory: ListMemory,
): EventSource<IDataObject> {
	const { exportFrom, position, readsFrom, settledUpTo } = exportReader(context, settings, memory);

	return {
		key: (record) => String(record[settings.idField]),
		position,
		async latest(count) {
			// The newest records: those of the last days, or else the whole export.
			const since = shiftWallClock(
				formatDateTime(new Date(), 'UTC')!,
				-settings.baselineDays * 24 * 60,
			);
			let records = await exportFrom(since);
			if (records.length === 0) records = await exportFrom(undefined);
			return [...records].sort((a, b) => (position(a) < position(b) ? 1 : -1)).slice(0, count);
		},
		async since(cursor) {
			return await exportFrom(cursor === undefined ? undefined : readsFrom(cursor));
		},
		readsFrom,
		settledUpTo,
	};
}

export interface StatusSettings extends TriggerSettings {
	/** the record field holding the order's status (GUESSES.records.orders.statusField by default) */
	statusField: string;
	/** orders dated within this many days before now are watched (WATCHED_DAYS by default) */
	watchedDays: number;
}

/**
 * The orders the Order Status Changed event watches: the export from the last `watchedDays`
 * days on (by n8n's clock), or from the cursor minus Look Back when that reaches further back
 * (orders saved late with an earlier date are new ones).
 */
export function valigaraStatusSource(
	context: IPollFunctions,
	settings: StatusSettings,
	memory: ListMemory,
): StatusSource<IDataObject> {
	const { exportFrom, position, readsFrom, settledUpTo } = exportReader(context, settings, memory);
	const { idField, statusField } = settings;
	const windowStart = shiftWallClock(
		formatDateTime(new Date(), 'UTC')!,
		-settings.watchedDays * 24 * 60,
	)!;
	return {
		key: (record) => String(record[idField]),
		position,
		createdAt: position,
		status(record) {
			const value = record[statusField];
			if (value === undefined) {
				throw new NodeOperationError(
					context.getNode(),
					`An order from Valigara has no "${statusField}" field`,
					{
						description: `The trigger compares each order's status. Fields seen: ${Object.keys(record).join(', ') || 'none'}. Set "Status Field" in the trigger's options.`,
					},
				);
			}
			return value === null
				? ''
				: typeof value === 'object'
					? JSON.stringify(value)
					: String(value);
		},
		readsFrom,
		baselineFrom: () => windowStart,
		settledUpTo,
		async read(cursor) {
			const lookBack =
				cursor === null ? undefined : cursor === undefined ? windowStart : readsFrom(cursor);
			const from = lookBack === undefined || lookBack < windowStart ? lookBack : windowStart;
			// an export that ignores its date window sends older orders too: they are not watched
			return (await exportFrom(from)).filter(
				(record) => from === undefined || position(record) >= from,
			);
		},
	};
}
