/**
 * Bounded back-off for rate limits. n8n's own "Retry On Fail" stops at 5 tries and 5 s, too short
 * for a service that says "come back in 30 s", so the transport retries rate-limited calls itself.
 */
export interface RetryPolicy {
	/** attempts in all, the first one included */
	maxAttempts: number;
	/** total time the retries may wait, in milliseconds */
	maxWaitMs: number;
	/** first back-off when the service does not say how long to wait; doubles each time */
	baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	maxWaitMs: 60_000,
	baseDelayMs: 1_000,
};

/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const seconds = Number(text);
	if (Number.isFinite(seconds) && String(text).trim() !== '') return Math.max(0, seconds * 1000);
	const date = Date.parse(String(text));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before attempt `attempt + 1`, or undefined when the budget is spent. */
export function nextDelay(
	policy: RetryPolicy,
	attempt: number,
	waitedMs: number,
	serviceDelayMs: number | undefined,
): number | undefined {
	if (attempt >= policy.maxAttempts) return undefined;
	const delay = serviceDelayMs ?? policy.baseDelayMs * 2 ** (attempt - 1);
	return waitedMs + delay > policy.maxWaitMs ? undefined : delay;
}

/**
 * The rate limit as the requests of one execution share it (read-only operations send several at
 * once). The first request to meet it becomes the probe: it alone retries, after the delay the
 * service asks for, and every other request waits before sending until the probe is through
 * (answered, or out of budget). Requests already out when the limit hit wait their own delay,
 * then for the probe. So a storm is neither fed by requests that start meanwhile nor met again by
 * all of them at once when the delay is over. With one request at a time nothing changes.
 */
export class RateLimitGate {
	private probe?: object;
	private through?: Promise<void>;
	private open?: () => void;

	/** Waits until no other request is probing a rate limit. */
	async wait(request: object): Promise<void> {
		while (this.through && this.probe !== request) await this.through;
	}

	/** Whether another request is probing a rate limit now (this one must wait). */
	holds(request: object): boolean {
		return this.through !== undefined && this.probe !== request;
	}

	/** `request` met a rate limit: it becomes the probe, unless another request already is. */
	close(request: object): void {
		if (this.probe) return;
		this.probe = request;
		this.through = new Promise((resolve) => {
			this.open = resolve;
		});
	}

	/** `request` got another answer, or gave up: when it was the probe, the others may send. */
	release(request: object): void {
		if (this.probe !== request) return;
		const open = this.open;
		this.probe = undefined;
		this.through = undefined;
		this.open = undefined;
		open?.();
	}
}
