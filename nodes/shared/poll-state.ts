import type { IDataObject } from 'n8n-workflow';

/**
 * A polling trigger's memory, kept in workflow static data: a cursor (how far it has read) and a
 * bounded list of the event keys already emitted near that cursor. JSON-safe and small, because
 * n8n saves it with every production execution.
 */
interface Ledger {
	v: 1;
	/** what the trigger was set to watch; a change starts afresh, as Google Sheets' trigger does */
	config: string;
	cursor: string | null;
	/** oldest first; at most `bound` keys */
	seen: string[];
}

export const DEFAULT_SEEN_BOUND = 5_000;

function isLedger(value: unknown): value is Ledger {
	const ledger = value as Ledger | undefined;
	return !!ledger && ledger.v === 1 && typeof ledger.config === 'string' && Array.isArray(ledger.seen);
}

export class PollState {
	private readonly ledger: Ledger;
	private readonly seenSet: Set<string>;
	/** no state yet for this configuration: the caller records a baseline instead of emitting */
	readonly isFirstRun: boolean;

	constructor(
		private readonly staticData: IDataObject,
		config: string,
		private readonly bound = DEFAULT_SEEN_BOUND,
	) {
		const stored = staticData.pollState;
		this.isFirstRun = !isLedger(stored) || stored.config !== config;
		this.ledger = this.isFirstRun ? { v: 1, config, cursor: null, seen: [] } : { ...(stored as Ledger) };
		this.seenSet = new Set(this.ledger.seen);
	}

	get cursor(): string | undefined {
		return this.ledger.cursor ?? undefined;
	}

	has(key: string): boolean {
		return this.seenSet.has(key);
	}

	/**
	 * Remembers emitted keys and the new cursor, then writes the ledger back into static data in
	 * place (n8n diffs that object to save it). Only what was emitted is ever recorded, so a poll
	 * that fails half-way leaves the rest for the next poll.
	 */
	commit(keys: readonly string[], cursor?: string): void {
		for (const key of keys) {
			if (this.seenSet.has(key)) continue;
			this.seenSet.add(key);
			this.ledger.seen.push(key);
		}
		if (this.ledger.seen.length > this.bound) {
			this.ledger.seen = this.ledger.seen.slice(this.ledger.seen.length - this.bound);
		}
		if (cursor !== undefined) this.ledger.cursor = cursor;
		this.staticData.pollState = { ...this.ledger, seen: [...this.ledger.seen] };
	}
}
