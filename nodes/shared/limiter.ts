/**
 * How many requests a node run sends at once: as many as the service keeps up with. A fixed number
 * is wrong both ways: 5 at once is three times slower than n8n's HTTP Request node against a
 * service 50 ms away, and 25 at once would be rude to a small shop or run into its rate limit.
 *
 * So the limit adapts, as TCP's congestion control does (AIMD with slow start), with a latency
 * check (as Netflix's concurrency-limits):
 * - it starts at 1: a wrong credential or a service that is down costs one request, not many;
 * - each reply that is clean and about as fast as the fastest seen raises it: by 1 per reply while
 *   below the slow-start threshold (doubling every round trip), then by 1/limit (one per round trip);
 * - a sign of overload cuts it at once: halved on a rate limit (429, Valigara's 105), a 503 or a
 *   timeout; by a tenth when replies grow slower than twice the fastest (a service queueing);
 * - it never goes above the ceiling (Options › Requests at Once) nor below 1.
 * Other failures (a 404 for one item, bad data) say nothing about load and leave it as it is.
 */
/** How a request went, for the limit; `unused`: the place was given back without sending. */
export type Outcome = 'ok' | 'overload' | 'failed' | 'unused';

export interface LimiterOptions {
	ceiling: number;
	/** milliseconds now; a test passes its own clock */
	now?: () => number;
}

/** Replies slower than this many times the fastest seen mean the service is queueing them. */
const SLOWDOWN = 2;
/** … plus a few milliseconds, so that jitter on a fast local service is not read as a queue. */
const SLOWDOWN_MARGIN_MS = 5;
/** How much of each new reply time goes into the running average. */
const SMOOTHING = 0.2;

export class AdaptiveLimiter {
	/** the current limit (fractional while it grows by 1/limit) */
	private current = 1;
	/** below it the limit grows by 1 a reply, above it by 1/limit */
	private threshold: number;
	private inFlight = 0;
	private readonly waiting: Array<() => void> = [];
	private fastest = Infinity;
	private average?: number;
	private readonly now: () => number;
	readonly ceiling: number;

	constructor(options: LimiterOptions) {
		this.ceiling = Math.max(1, Math.floor(options.ceiling));
		this.threshold = this.ceiling;
		this.now = options.now ?? (() => Date.now());
	}

	/** How many requests may be under way now. */
	get limit(): number {
		return Math.max(1, Math.min(this.ceiling, Math.floor(this.current)));
	}

	/** Waits for a free place; call the function returned with how the request went. */
	async acquire(): Promise<(outcome: Outcome) => void> {
		if (this.inFlight < this.limit) this.inFlight++;
		// the place is handed over by `release` (counted there), in the order requests came
		else await new Promise<void>((resolve) => this.waiting.push(resolve));
		const started = this.now();
		let done = false;
		return (outcome) => {
			if (done) return;
			done = true;
			this.inFlight--;
			this.record(outcome, this.now() - started);
			while (this.waiting.length && this.inFlight < this.limit) {
				this.inFlight++;
				this.waiting.shift()!();
			}
		};
	}

	/** Requests under way now. */
	get active(): number {
		return this.inFlight;
	}

	private record(outcome: Outcome, elapsedMs: number): void {
		if (outcome === 'overload') return this.cut(0.5);
		if (outcome !== 'ok') return;
		this.fastest = Math.min(this.fastest, elapsedMs);
		this.average =
			this.average === undefined
				? elapsedMs
				: this.average + SMOOTHING * (elapsedMs - this.average);
		if (this.average > this.fastest * SLOWDOWN + SLOWDOWN_MARGIN_MS) return this.cut(0.9);
		const step = this.current < this.threshold ? 1 : 1 / this.current;
		this.current = Math.min(this.ceiling, this.current + step);
	}

	/**
	 * Lowers the limit, once per round trip: the replies to requests sent before a cut tell of the
	 * same overload, and cutting for each of them would bring the limit down to 1 for one event.
	 */
	private cut(factor: number): void {
		const now = this.now();
		if (this.lastCut !== undefined && now - this.lastCut < (this.average ?? 0)) return;
		this.lastCut = now;
		this.current = Math.max(1, this.current * factor);
		this.threshold = this.current;
	}

	private lastCut?: number;
}

const limiters = new WeakMap<object, AdaptiveLimiter>();

/**
 * The limiter of one node run (its execution context): the per-item loop starts it with the run's
 * ceiling, and every request of the run (sendRequest) takes a place from it. A run without one
 * (a poll, a list of options, a bulk run) sends one request at a time anyway.
 */
export function startLimiter(context: object, ceiling: number): AdaptiveLimiter {
	const limiter = new AdaptiveLimiter({ ceiling });
	limiters.set(context, limiter);
	return limiter;
}

export function limiterOf(context: object): AdaptiveLimiter | undefined {
	return limiters.get(context);
}
