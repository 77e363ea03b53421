import { RateLimitGate, nextDelay, parseRetryAfter } from '../../nodes/shared/retry';

describe('retry', () => {
	const policy = { maxAttempts: 4, maxWaitMs: 10_000, baseDelayMs: 1_000 };

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter(['2'], now)).toBe(2000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30000);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially when the service does not say, within attempts and total wait', () => {
		expect(nextDelay(policy, 1, 0, undefined)).toBe(1000);
		expect(nextDelay(policy, 2, 1000, undefined)).toBe(2000);
		expect(nextDelay(policy, 3, 3000, undefined)).toBe(4000);
		expect(nextDelay(policy, 4, 7000, undefined)).toBeUndefined(); // out of attempts
	});

	it('follows the service’s delay, but never past the budget', () => {
		expect(nextDelay(policy, 1, 0, 9000)).toBe(9000);
		expect(nextDelay(policy, 2, 9000, 2000)).toBeUndefined();
	});
});

describe('RateLimitGate', () => {
	const flush = async () => {
		for (let i = 0; i < 5; i++) await Promise.resolve();
	};

	it('lets requests through while no request is probing a rate limit', async () => {
		const gate = new RateLimitGate();
		await expect(gate.wait({})).resolves.toBeUndefined();
	});

	it('holds every other request while the first one to meet the limit probes it, and only until it is through', async () => {
		const gate = new RateLimitGate();
		const probe = {};
		const other = {};
		gate.close(probe);
		gate.close(other); // met the limit too, while the probe was out: it does not take over
		let passed = false;
		const waiting = gate.wait(other).then(() => (passed = true));
		await gate.wait(probe); // the probe itself is never held
		await flush();
		expect(passed).toBe(false);
		gate.release(other); // not the probe: changes nothing
		await flush();
		expect(passed).toBe(false);
		gate.release(probe);
		await waiting;
		expect(passed).toBe(true);
	});
});
