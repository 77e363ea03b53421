/**
 * What an Order Status Changed trigger must emit, poll by poll, for the property suites of both
 * triggers. The model knows each order's status at the start of every successful poll (a
 * snapshot); the trigger's promise is then exact for every order it surely watched at both that
 * poll and the one before, and nothing changed under the poll's feet:
 * - an order seen at the previous poll in status A and now in B ≠ A: exactly one item A → B (when
 *   B is wanted), whatever happened in between (several changes: the latest, from A); A → … → A:
 *   nothing;
 * - an order created since the previous poll: exactly one item null → B (when B is wanted);
 * - every other order: nothing.
 * Orders near the edge of the bound, or touched while a poll read (created, changed or removed
 * after the poll's first request), may go either way at that poll and the next, but every item
 * must still be true (a status the order had, from ≠ to, a wanted one), at most one item per order
 * per poll, and an order comes out from null at most once, never one that existed at activation.
 * Orders surely outside the bound at both polls are never emitted.
 */

export interface Emission {
	key: string;
	from: string | null;
	to: string;
}

/** Where an order stands at the start of a poll. */
export type Standing = 'watched' | 'edge' | 'outside';

export interface Snapshot {
	/** every order in the service's list now, with its status */
	statuses: Map<string, string>;
	/** where each order stands towards the trigger's bound now */
	standing(key: string): Standing;
	/** where an order created since the previous poll stands: whether the trigger surely reads it as new */
	created(key: string): Standing;
}

export class StatusOracle {
	/** each status every order ever had */
	private readonly seen = new Map<string, Set<string>>();
	private previous?: Snapshot;
	/** orders touched while the previous successful poll read, and while this one reads */
	private touchedBefore = new Set<string>();
	private touchedNow = new Set<string>();
	private readonly fromNull = new Set<string>();
	private existedAtActivation = new Set<string>();
	readonly problems: string[] = [];
	/** what the histories exercised */
	readonly counts = {
		exactChanges: 0,
		exactNew: 0,
		exactNone: 0,
		outsideChanged: 0,
		multiStep: 0,
		undone: 0,
	};
	/** orders changed more than once since the previous poll (for the counts) */
	private readonly steps = new Map<string, number>();

	constructor(private readonly wanted: (status: string) => boolean) {}

	/** An order got this status (created with it, or changed to it). */
	status(key: string, status: string): void {
		const statuses = this.seen.get(key) ?? new Set<string>();
		statuses.add(status);
		this.seen.set(key, statuses);
		this.steps.set(key, (this.steps.get(key) ?? 0) + 1);
	}

	/** An order was created, changed or removed while a poll was reading. */
	touchedDuringPoll(key: string): void {
		this.touchedNow.add(key);
	}

	/** The first successful poll: the baseline. `arrivedDuring`: orders created while it read. */
	baseline(snapshot: Snapshot, emitted: Emission[]): void {
		if (emitted.length) this.problems.push(`the baseline emitted ${emitted.length} item(s)`);
		this.existedAtActivation = new Set(
			[...snapshot.statuses.keys()].filter((key) => !this.touchedNow.has(key)),
		);
		this.next(snapshot);
	}

	/** A successful poll after the baseline: its snapshot (taken before it read) and what it emitted, in order. */
	poll(snapshot: Snapshot, emitted: Emission[]): void {
		const previous = this.previous!;
		const unsure = new Set([...this.touchedBefore, ...this.touchedNow]);
		const byKey = new Map<string, Emission>();
		for (const item of emitted) {
			if (byKey.has(item.key)) this.problems.push(`order ${item.key} came out twice in one poll`);
			byKey.set(item.key, item);
			const had = this.seen.get(item.key) ?? new Set<string>();
			if (
				!had.has(item.to) ||
				(item.from !== null && !had.has(item.from)) ||
				item.from === item.to
			) {
				this.problems.push(
					`order ${item.key}: ${item.from} → ${item.to} is not a change it had (statuses: ${[...had].join(', ')})`,
				);
			}
			if (!this.wanted(item.to))
				this.problems.push(`order ${item.key}: a change to ${item.to}, which is not wanted`);
			if (item.from === null) {
				if (this.existedAtActivation.has(item.key))
					this.problems.push(`order ${item.key} existed at activation and came out as new`);
				if (this.fromNull.has(item.key))
					this.problems.push(`order ${item.key} came out as new twice`);
				this.fromNull.add(item.key);
			}
		}
		for (const [key, now] of snapshot.statuses) {
			if (unsure.has(key)) continue;
			const before = previous.statuses.get(key);
			const actual = byKey.get(key);
			const standing = [previous.standing(key), snapshot.standing(key)];
			if (before === undefined) {
				// created since the previous poll
				if (snapshot.created(key) !== 'watched') continue;
				const expected = this.wanted(now) ? `null → ${now}` : 'nothing';
				this.expect(key, expected, actual);
				if (actual) this.counts.exactNew++;
			} else if (standing.every((s) => s === 'watched')) {
				const expected = now !== before && this.wanted(now) ? `${before} → ${now}` : 'nothing';
				this.expect(key, expected, actual);
				if (now !== before) this.counts.exactChanges++;
				else this.counts.exactNone++;
				if ((this.steps.get(key) ?? 0) >= 2) this.counts[now !== before ? 'multiStep' : 'undone']++;
			} else if (standing.every((s) => s === 'outside')) {
				if (actual)
					this.problems.push(
						`order ${key}, outside the bound, came out: ${actual.from} → ${actual.to}`,
					);
				if (now !== before) this.counts.outsideChanged++;
			}
		}
		this.next(snapshot);
	}

	private expect(key: string, expected: string, actual: Emission | undefined): void {
		const got = actual ? `${actual.from} → ${actual.to}` : 'nothing';
		if (got !== expected) this.problems.push(`order ${key}: want ${expected}, got ${got}`);
	}

	private next(snapshot: Snapshot): void {
		this.previous = snapshot;
		this.touchedBefore = this.touchedNow;
		this.touchedNow = new Set();
		this.steps.clear();
	}

	/** A poll failed: what it touched while reading counts as touched between polls (nothing was committed). */
	failed(): void {
		this.touchedNow.clear();
	}
}
