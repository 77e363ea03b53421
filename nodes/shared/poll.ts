import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { PollState, comparePositions } from './poll-state';

export { comparePositions };

/** Where a trigger reads its events from; each trigger implements one over its transport. */
export interface EventSource<Event> {
	/**
	 * the most recent events (any order), at most `count`: the baseline and "Fetch test event".
	 * Events `wanted` turns away count here too: the baseline's cursor is the newest position the
	 * service lists, whatever the trigger's filters.
	 */
	latest(count: number): Promise<Event[]>;
	/**
	 * every event from `readsFrom(cursor)` on (any order). Sources read a little before the cursor
	 * when the service's clock or sorting is coarse (a look-back): events seen before are filtered
	 * out here. `cursor` is undefined when the baseline found no event at all: then every event.
	 */
	since(cursor: string | undefined): Promise<Event[]>;
	/**
	 * the first position `since(cursor)` reads (the cursor minus the look-back), or undefined when it
	 * reads every event. The state keeps the key of every emitted event from there on, and forgets
	 * the older ones: no later poll reads them again. Events `since` returns before it are ignored.
	 */
	readsFrom(cursor: string): string | undefined;
	/**
	 * whether the trigger emits this event (a filter the service may ignore is applied again here);
	 * every event when absent. The cursor moves past events read but not wanted, as past emitted ones.
	 */
	wanted?(event: Event): boolean;
	/**
	 * the newest position the last `since` read saw at one moment (its first reply), when it read
	 * in several requests: events arriving meanwhile may have landed in a part already read, dated
	 * up to the look-back before the newest then existing. The cursor moves no further than this,
	 * so the next poll reads them. Absent: the whole read counts.
	 */
	settledUpTo?(): string | undefined;
	/** identity of an event: the same event always gives the same key */
	key(event: Event): string;
	/** the event's place in the stream (a date or a numeric ID as text), compared with `comparePositions` */
	position(event: Event): string;
}

export interface PollOptions {
	/** what the trigger watches (event, filters): a change starts afresh with a new baseline */
	config: string;
	/**
	 * on the first poll, emit events from this position on instead of recording a baseline; a
	 * function is called only then (finding the position may take requests)
	 */
	startFrom?: string | (() => Promise<string>);
	/** how many recent events "Fetch test event" shows */
	sampleSize?: number;
	/** the floor of state saved before floors were kept, from its cursor (see PollState) */
	legacyFloor?: (cursor: string) => string | undefined;
}

function latestPosition(positions: string[], current?: string): string | undefined {
	return positions.reduce<string | undefined>(
		(max, position) => (max === undefined || comparePositions(position, max) > 0 ? position : max),
		current,
	);
}

/**
 * One poll of a trigger, with the guarantees users rely on:
 * - the first activation records a baseline and emits nothing (unless a start position is given);
 *   the baseline counts as seen everything the next poll reads again, so history never floods in;
 * - an event is emitted once: its key is remembered as long as a later poll can read it again
 *   (from `readsFrom(cursor)` on), and re-runs of the same poll find it seen;
 * - nothing is lost: the state changes only after every page was read, and the cursor moves only
 *   to the latest event actually read (emitted, or not wanted), so a poll that fails half-way is
 *   simply repeated;
 * - "Fetch test event" (manual mode) shows recent events and leaves the state alone.
 * Events come out oldest first. Returns null when there is nothing new, as n8n expects.
 */
export async function pollEvents<Event extends IDataObject>(
	context: IPollFunctions,
	source: EventSource<Event>,
	options: PollOptions,
): Promise<Event[] | null> {
	const wanted = (event: Event) => source.wanted?.(event) ?? true;
	if (context.getMode() === 'manual') {
		const sample = (await source.latest(options.sampleSize ?? 5)).filter(wanted);
		return sample.length ? sortByPosition(source, sample) : null;
	}

	const state = new PollState(
		context.getWorkflowStaticData('node'),
		options.config,
		options.legacyFloor,
	);
	const keepFrom = (cursor: string | undefined) =>
		cursor === undefined ? undefined : source.readsFrom(cursor);
	if (state.isFirstRun && options.startFrom === undefined) {
		// The baseline: the newest position the service lists, and as seen everything the next poll
		// will read again from there (its look-back window), so history is never emitted as new.
		const newest = await source.latest(options.sampleSize ?? 5);
		const cursor = latestPosition(newest.map((event) => source.position(event)));
		const window = cursor === undefined ? [] : await source.since(cursor);
		for (const event of [...newest, ...window].filter(wanted))
			state.remember(source.key(event), source.position(event));
		// nothing older than the window read now is ever emitted, even if it shows up later
		state.commit(cursor, keepFrom(cursor), undefined, keepFrom(cursor) ?? cursor);
		return null;
	}

	const cursor = !state.isFirstRun
		? state.cursor
		: typeof options.startFrom === 'function'
			? await options.startFrom()
			: options.startFrom;
	// Where this poll's events begin: the look-back before the cursor, never below the floor (the
	// baseline's window, or the start position: nothing before it, not even in the look-back).
	const floor = state.isFirstRun ? cursor : state.floor;
	const readFrom = latestPosition(
		[keepFrom(cursor), floor].filter((position) => position !== undefined),
	);
	const fresh = new Map<string, Event>();
	const passed: string[] = [];
	for (const event of await source.since(cursor)) {
		const position = source.position(event);
		// before the window this poll reads: a key there may have been forgotten
		if (readFrom !== undefined && comparePositions(position, readFrom) < 0) continue;
		if (!wanted(event)) {
			passed.push(position);
			continue;
		}
		const key = source.key(event);
		if (state.has(key)) state.remember(key, position);
		else if (!fresh.has(key)) fresh.set(key, event);
	}
	const emitted = sortByPosition(source, [...fresh.values()]);
	for (const event of emitted) state.remember(source.key(event), source.position(event));
	const read = latestPosition(
		[...emitted.map((event) => source.position(event)), ...passed],
		cursor,
	);
	const settled = source.settledUpTo?.();
	const next =
		settled !== undefined && read !== undefined && comparePositions(read, settled) > 0
			? latestPosition([settled], cursor)
			: read;
	state.commit(next, keepFrom(next), readFrom, state.isFirstRun ? floor : undefined);
	return emitted.length ? emitted : null;
}

function sortByPosition<Event>(source: EventSource<Event>, events: Event[]): Event[] {
	return [...events].sort((a, b) => comparePositions(source.position(a), source.position(b)));
}
