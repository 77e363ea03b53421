import type { IDataObject } from 'n8n-workflow';

/**
 * A polling trigger's memory, kept in workflow static data: a cursor (how far it has read) and the
 * keys of the events already emitted that the next poll can read again, each with its position.
 *
 * Which keys are kept is decided by position, not by count: every key whose position is at or
 * after the point the next poll reads from (`keepFrom`: the cursor minus the look-back window)
 * stays, every older one goes, as no poll can read it again. With events spread out in time the
 * state holds the look-back window's events only (Valigara, one order a minute and 60 minutes of
 * look-back: about 61 keys; Gigrove, which reads above the cursor only: one key). In a burst the
 * state grows with the number of events inside the window (10 000 orders within the last hour:
 * 10 000 keys, some 160 KB of JSON) and shrinks again once the cursor has moved past them:
 * dropping any of them would emit it a second time.
 */
interface Ledger {
	v: 2;
	/** what the trigger was set to watch; a change starts afresh, as Google Sheets' trigger does */
	config: string;
	cursor: string | null;
	/** the keys, grouped by position, oldest position first: `[position, key, key, …]` */
	seen: Array<[string, ...string[]]>;
	/** nothing positioned before it is ever emitted: the baseline's window, or Start From (absent in older state) */
	floor?: string | null;
}

/** The ledger as versions before 2 saved it: the newest 5 000 keys, without their positions. */
interface LedgerV1 {
	v: 1;
	config: string;
	cursor: string | null;
	seen: string[];
}

function isLedger(value: unknown): value is Ledger | LedgerV1 {
	const ledger = value as Ledger | LedgerV1 | undefined;
	return (
		!!ledger &&
		(ledger.v === 1 || ledger.v === 2) &&
		typeof ledger.config === 'string' &&
		Array.isArray(ledger.seen)
	);
}

/** Numbers compare as numbers ("10" after "9"), anything else as text (ISO dates sort as text). */
export function comparePositions(a: string, b: string): number {
	const numeric = /^\d+(\.\d+)?$/;
	if (numeric.test(a) && numeric.test(b)) return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
}

export class PollState {
	private readonly config: string;
	private cursorValue: string | null;
	/** key → position; undefined for a key saved by version 1 whose position is not known yet */
	private readonly positions = new Map<string, string | undefined>();
	/** no state yet for this configuration: the caller records a baseline instead of emitting */
	readonly isFirstRun: boolean;
	private floorValue: string | null;

	/**
	 * `legacyFloor` gives the floor of state saved before floors were kept (from its cursor): where
	 * that version stopped keeping keys, so that nothing it emitted is emitted again.
	 */
	constructor(
		private readonly staticData: IDataObject,
		config: string,
		legacyFloor?: (cursor: string) => string | undefined,
	) {
		const stored = staticData.pollState;
		this.isFirstRun = !isLedger(stored) || stored.config !== config;
		this.config = config;
		this.cursorValue = this.isFirstRun ? null : (stored as Ledger | LedgerV1).cursor;
		const savedFloor = this.isFirstRun ? undefined : (stored as Ledger).floor;
		this.floorValue =
			savedFloor !== undefined
				? savedFloor
				: this.cursorValue !== null
					? (legacyFloor?.(this.cursorValue) ?? null)
					: null;
		if (this.isFirstRun) return;
		if ((stored as Ledger | LedgerV1).v === 1) {
			for (const key of (stored as LedgerV1).seen) this.positions.set(String(key), undefined);
		} else {
			for (const [position, ...keys] of (stored as Ledger).seen)
				for (const key of keys) this.positions.set(key, position);
		}
	}

	get cursor(): string | undefined {
		return this.cursorValue ?? undefined;
	}

	/** Nothing positioned before the floor is emitted. */
	get floor(): string | undefined {
		return this.floorValue ?? undefined;
	}

	has(key: string): boolean {
		return this.positions.has(key);
	}

	/** Records an emitted key, or the position of a known key read again. */
	remember(key: string, position: string): void {
		this.positions.set(key, position);
	}

	/**
	 * Moves the cursor, forgets every key positioned before `keepFrom` (the first position the next
	 * poll can read; undefined when it reads everything: nothing is forgotten), then writes the
	 * ledger back into static data in place (n8n diffs that object to save it). Only what was
	 * emitted is ever recorded, so a poll that fails half-way leaves the rest for the next poll.
	 *
	 * `readFrom` is where this poll's read began (undefined: it read everything). Keys saved by
	 * version 1 carry no position: `remember` gave those read again theirs; the others lie before
	 * `readFrom` (or left the service), and are kept as if at `readFrom`, so that they go once the
	 * cursor moves on. After a read of everything they exist no more, and go at once.
	 * `floor`, when given, becomes the floor (set once: by the baseline or by Start From).
	 */
	commit(
		cursor: string | undefined,
		keepFrom: string | undefined,
		readFrom?: string,
		floor?: string,
	): void {
		if (cursor !== undefined) this.cursorValue = cursor;
		if (floor !== undefined) this.floorValue = floor;
		const groups = new Map<string, string[]>();
		for (const [key, stored] of this.positions) {
			const position = stored ?? readFrom;
			if (
				position === undefined ||
				(keepFrom !== undefined && comparePositions(position, keepFrom) < 0)
			) {
				this.positions.delete(key);
				continue;
			}
			this.positions.set(key, position);
			const group = groups.get(position);
			if (group) group.push(key);
			else groups.set(position, [key]);
		}
		const seen = [...groups]
			.sort(([a], [b]) => comparePositions(a, b))
			.map(([position, keys]) => [position, ...keys] as [string, ...string[]]);
		const ledger: Ledger = {
			v: 2,
			config: this.config,
			cursor: this.cursorValue,
			seen,
			floor: this.floorValue,
		};
		this.staticData.pollState = ledger;
	}
}
