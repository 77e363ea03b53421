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

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, maxWaitMs: 60_000, baseDelayMs: 1_000 };

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
