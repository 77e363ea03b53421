import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { DEFAULT_SEEN_BOUND, PollState } from './poll-state';

/** Where a trigger reads its events from; each trigger implements one over its transport. */
export interface EventSource<Event> {
	/** the most recent events (any order), at most `count`: the baseline and "Fetch test event" */
	latest(count: number): Promise<Event[]>;
	/**
	 * every event at or after `cursor` (any order). Sources overlap a little before the cursor when
	 * the service's clock or sorting is coarse: events seen before are filtered out here.
	 * `cursor` is undefined when the baseline found no event at all.
	 */
	since(cursor: string | undefined): Promise<Event[]>;
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
	/** how many emitted keys the state keeps (the dedupe window) */
	seenBound?: number;
}

/** Numbers compare as numbers ("10" after "9"), anything else as text (ISO dates sort as text). */
export function comparePositions(a: string, b: string): number {
	const numeric = /^\d+(\.\d+)?$/;
	if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
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
 * - an event is emitted once: its key is remembered, and re-runs of the same poll find it seen;
 * - nothing is lost: the state changes only after every page was read, and the cursor moves only
 *   to the latest event actually emitted, so a poll that fails half-way is simply repeated;
 * - "Fetch test event" (manual mode) shows recent events and leaves the state alone.
 * Events come out oldest first. Returns null when there is nothing new, as n8n expects.
 */
export async function pollEvents<Event extends IDataObject>(
	context: IPollFunctions,
	source: EventSource<Event>,
	options: PollOptions,
): Promise<Event[] | null> {
	if (context.getMode() === 'manual') {
		const sample = await source.latest(options.sampleSize ?? 5);
		return sample.length ? sortByPosition(source, sample) : null;
	}

	const state = new PollState(context.getWorkflowStaticData('node'), options.config, options.seenBound ?? DEFAULT_SEEN_BOUND);
	if (state.isFirstRun && options.startFrom === undefined) {
		// The baseline: the newest position, and as seen everything the next poll will read again
		// from there (its look-back window), so history is never emitted as new.
		const newest = await source.latest(options.sampleSize ?? 5);
		const cursor = latestPosition(newest.map((event) => source.position(event)));
		const window = cursor === undefined ? [] : await source.since(cursor);
		state.commit([...newest, ...window].map((event) => source.key(event)), cursor);
		return null;
	}

	const cursor = !state.isFirstRun
		? state.cursor
		: typeof options.startFrom === 'function'
			? await options.startFrom()
			: options.startFrom;
	const fresh = new Map<string, Event>();
	for (const event of await source.since(cursor)) {
		const key = source.key(event);
		if (!state.has(key) && !fresh.has(key)) fresh.set(key, event);
	}
	const emitted = sortByPosition(source, [...fresh.values()]);
	// oldest first, so the seen bound drops the oldest keys, never the newest
	state.commit(emitted.map((event) => source.key(event)), latestPosition(emitted.map((event) => source.position(event)), cursor));
	return emitted.length ? emitted : null;
}

function sortByPosition<Event>(source: EventSource<Event>, events: Event[]): Event[] {
	return [...events].sort((a, b) => comparePositions(source.position(a), source.position(b)));
}
