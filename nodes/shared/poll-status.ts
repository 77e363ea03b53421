import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { comparePositions } from './poll-state';

/**
 * A trigger on status changes ("Order Status Changed"): each poll reads the records it watches
 * (a bound the trigger sets: the newest N orders, the last D days), compares each record's status
 * with the one the last poll saw, and emits the records whose status changed. The state is the
 * last seen status of every watched record: bounded by the trigger's bound plus the records
 * created since the last poll.
 *
 * What is emitted, and what is not:
 * - a record whose status differs from the last seen one: once, with both (`statusChange.from`,
 *   `statusChange.to`). A record that changed several times between two polls comes out once,
 *   from the status seen last to the current one; one that changed and came back to the status
 *   seen last comes out not at all (nothing shows it changed);
 * - a record created since the last poll (positioned from `readsFrom(cursor)` on and unknown):
 *   `from: null`, when its status is wanted: "created and completed between two polls" is a change;
 * - a record that enters the bound from below (records above it left the list) or one the state
 *   forgot (it left the bound): noted silently, compared from the next poll on;
 * - a record that leaves the bound or the list: forgotten; a change it had meanwhile is not seen.
 */
export interface StatusSource<Item> {
	/**
	 * The records watched now, in any order: the bound's records, plus every record positioned
	 * from `readsFrom(cursor)` on (all created since the last poll, however many). `cursor`
	 * undefined: the bound only (the baseline); null: every record (the baseline found none).
	 */
	read(cursor: string | null | undefined): Promise<Item[]>;
	/** identity of a record */
	key(record: Item): string;
	/** its status as the trigger compares and filters it */
	status(record: Item): string;
	/** its place among the records, as comparePositions orders them: an ID that only grows, or a date */
	position(record: Item): string;
	/** the first position `read(cursor)` reads in full (the cursor minus a look-back): records from there on that the state does not know are new */
	readsFrom(cursor: string): string | undefined;
	/** where the baseline's read begins (a date window's start), or undefined when it reads the newest records whatever their position */
	baselineFrom?(): string | undefined;
	/** the newest position the last `read` saw at one moment (its first reply): the cursor moves no further (see poll.ts) */
	settledUpTo?(): string | undefined;
	/** its creation date (wall clock, `YYYY-MM-DD HH:MM:SS`), for Start From */
	createdAt(record: Item): string | undefined;
	/** when it last changed (wall clock), where the service says: "Fetch test event" shows the most recent (else the newest created) */
	changedAt?(record: Item): string | undefined;
}

export interface StatusPollOptions {
	/** what the trigger watches that its state depends on (fields, action): a change starts afresh */
	config: string;
	/** whether a change to this status is emitted (the statuses picked; every status when absent) */
	wanted?: (status: string) => boolean;
	/** on the first activation, emit the watched records created from this date on (in a wanted status) instead of emitting nothing */
	startFrom?: string;
	/** how many recently changed records "Fetch test event" shows */
	sampleSize?: number;
}

export interface StatusChange {
	/** the status the last poll saw; null for a record created since (and for "Fetch test event"'s samples) */
	from: string | null;
	to: string;
}

/** The ledger in static data. It shares the slot of poll-state.ts (`pollState`): switching events starts afresh. */
interface StatusLedger {
	v: 'statuses-1';
	config: string;
	/** the newest position read; null when the baseline found no record */
	cursor: string | null;
	/** nothing positioned before it is ever new (the baseline's window start) */
	floor: string | null;
	/** status → keys of the records last seen in it */
	statuses: { [status: string]: string[] };
}

function isStatusLedger(value: unknown): value is StatusLedger {
	const ledger = value as StatusLedger | undefined;
	return (
		!!ledger &&
		ledger.v === 'statuses-1' &&
		typeof ledger.config === 'string' &&
		typeof ledger.statuses === 'object' &&
		ledger.statuses !== null
	);
}

function latest(positions: Array<string | undefined>): string | undefined {
	return positions.reduce<string | undefined>(
		(max, position) =>
			position !== undefined && (max === undefined || comparePositions(position, max) > 0)
				? position
				: max,
		undefined,
	);
}

/** The ledger read back: key → last seen status. */
function lastSeen(ledger: StatusLedger): Map<string, string> {
	const seen = new Map<string, string>();
	for (const [status, keys] of Object.entries(ledger.statuses))
		for (const key of keys) seen.set(key, status);
	return seen;
}

/**
 * One poll of a status-change trigger. The guarantees of poll.ts hold: the first activation
 * notes every watched record's status and emits nothing (unless Start From); a change comes out
 * once (a poll run twice finds the statuses already seen); the state changes only after the
 * whole read succeeded, so a poll that fails changes nothing; "Fetch test event" (manual mode)
 * shows the most recently changed watched records in a wanted status, from null, and changes
 * nothing. Records come out oldest first (by position), each as the service sent it plus
 * `statusChange: {from, to}`. Returns null when nothing changed, as n8n expects.
 */
export async function pollStatusChanges<Item extends IDataObject>(
	context: IPollFunctions,
	source: StatusSource<Item>,
	options: StatusPollOptions,
): Promise<Array<Item & { statusChange: StatusChange }> | null> {
	const wanted = options.wanted ?? (() => true);
	const change = (record: Item, from: string | null) => ({
		...record,
		statusChange: { from, to: source.status(record) },
	});
	const oldestFirst = (records: Array<Item & { statusChange: StatusChange }>) =>
		records.sort((a, b) => comparePositions(source.position(a), source.position(b)));

	if (context.getMode() === 'manual') {
		// Samples: the most recently changed watched records in a wanted status (manual runs save no state: none is read either)
		const recent = (record: Item) => source.changedAt?.(record) ?? source.createdAt(record) ?? '';
		const records = (await source.read(undefined)).filter((record) =>
			wanted(source.status(record)),
		);
		const newest = records
			.sort((a, b) => comparePositions(recent(b), recent(a)))
			.slice(0, options.sampleSize ?? 5);
		return newest.length ? oldestFirst(newest.map((record) => change(record, null))) : null;
	}

	const staticData = context.getWorkflowStaticData('node');
	const stored =
		isStatusLedger(staticData.pollState) && staticData.pollState.config === options.config
			? staticData.pollState
			: undefined;

	function changesSince(
		ledger: StatusLedger,
		records: Item[],
	): Array<Item & { statusChange: StatusChange }> {
		const seen = lastSeen(ledger);
		const newFrom = latest([
			ledger.cursor === null ? undefined : source.readsFrom(ledger.cursor),
			ledger.floor ?? undefined,
		]);
		const changes: Array<Item & { statusChange: StatusChange }> = [];
		const done = new Set<string>();
		for (const record of records) {
			const key = source.key(record);
			if (done.has(key)) continue;
			done.add(key);
			const status = source.status(record);
			const before = seen.get(key);
			if (before === undefined) {
				// unknown: created since the last poll, or (below the look-back) entering the bound from below
				const isNew =
					newFrom === undefined || comparePositions(source.position(record), newFrom) >= 0;
				if (isNew && wanted(status)) changes.push(change(record, null));
			} else if (before !== status && wanted(status)) {
				changes.push(change(record, before));
			}
		}
		return changes;
	}

	const records = await source.read(stored ? stored.cursor : undefined);
	let emitted: Array<Item & { statusChange: StatusChange }>;
	let floor: string | null;
	if (stored) {
		emitted = changesSince(stored, records);
		floor = stored.floor;
	} else {
		// The baseline: every watched record's status is noted; with Start From, those created from then on come out
		floor = source.baselineFrom?.() ?? null;
		const start = options.startFrom;
		emitted =
			start === undefined
				? []
				: records
						.filter(
							(record) =>
								wanted(source.status(record)) && (source.createdAt(record) ?? '') >= start,
						)
						.map((record) => change(record, null));
	}

	const read = latest(records.map((record) => source.position(record)));
	const settled = source.settledUpTo?.();
	const capped =
		settled !== undefined && read !== undefined && comparePositions(read, settled) > 0
			? settled
			: read;
	const previous = stored?.cursor ?? undefined;
	// the cursor never goes back; on a baseline that read nothing it is the window's start (or null: every record is new)
	const cursor = latest([capped, previous]) ?? floor;
	const byStatus = new Map<string, string[]>();
	const noted = new Set<string>();
	for (const record of records) {
		const key = source.key(record);
		if (noted.has(key)) continue;
		noted.add(key);
		const status = source.status(record);
		const keys = byStatus.get(status);
		if (keys) keys.push(key);
		else byStatus.set(status, [key]);
	}
	const ledger: StatusLedger = {
		v: 'statuses-1',
		config: options.config,
		cursor,
		floor,
		statuses: Object.fromEntries(byStatus),
	};
	staticData.pollState = ledger as unknown as IDataObject;
	return emitted.length ? oldestFirst(emitted) : null;
}
