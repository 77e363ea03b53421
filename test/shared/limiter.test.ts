/**
 * The run's adaptive limit (nodes/shared/limiter.ts), with a clock the test moves: how it grows,
 * what cuts it, its ceiling and floor, and who waits for a place.
 */
import { AdaptiveLimiter } from '../../nodes/shared/limiter';

function limiterWithClock(ceiling: number) {
	let now = 0;
	const limiter = new AdaptiveLimiter({ ceiling, now: () => now });
	/** one request that takes `ms` and ends with `outcome` */
	const request = async (ms: number, outcome: 'ok' | 'overload' | 'failed' = 'ok') => {
		const done = await limiter.acquire();
		now += ms;
		done(outcome);
	};
	return { limiter, request, advance: (ms: number) => (now += ms) };
}

describe('AdaptiveLimiter', () => {
	it('starts at 1 and doubles each round trip (one more per clean, steady reply) up to the ceiling', async () => {
		const { limiter, request } = limiterWithClock(8);
		expect(limiter.limit).toBe(1);
		const limits: number[] = [];
		for (let n = 0; n < 10; n++) {
			await request(50);
			limits.push(limiter.limit);
		}
		expect(limits).toEqual([2, 3, 4, 5, 6, 7, 8, 8, 8, 8]);
	});

	it('a rate limit, a 503 or a timeout halves it; it then grows by one per round trip', async () => {
		const { limiter, request, advance } = limiterWithClock(32);
		for (let n = 0; n < 15; n++) await request(50);
		expect(limiter.limit).toBe(16);
		await request(50, 'overload');
		expect(limiter.limit).toBe(8);
		// above the threshold set by the cut: +1/limit a reply, so +1 after a little more than `limit` replies
		for (let n = 0; n < 8; n++) await request(50);
		expect(limiter.limit).toBe(8);
		await request(50);
		expect(limiter.limit).toBe(9);
		advance(1000);
		await request(50, 'overload');
		expect(limiter.limit).toBe(4);
	});

	it('cuts once per round trip: the replies of requests sent before a cut tell of the same overload', async () => {
		const { limiter, request, advance } = limiterWithClock(32);
		for (let n = 0; n < 15; n++) await request(50);
		await request(0, 'overload');
		await request(0, 'overload');
		await request(0, 'overload');
		expect(limiter.limit).toBe(8);
		advance(60);
		await request(0, 'overload');
		expect(limiter.limit).toBe(4);
	});

	it('replies growing slower than twice the fastest (plus 5 ms) cut it by a tenth', async () => {
		const { limiter, request } = limiterWithClock(32);
		for (let n = 0; n < 9; n++) await request(20);
		expect(limiter.limit).toBe(10);
		// the service starts queueing: replies take 200 ms; the running average passes 45 ms
		await request(200);
		expect(limiter.limit).toBe(9);
	});

	it('never below 1, whatever happens', async () => {
		const { limiter, request, advance } = limiterWithClock(4);
		for (let n = 0; n < 6; n++) {
			await request(10, 'overload');
			advance(100);
		}
		expect(limiter.limit).toBe(1);
	});

	it('other failures (a 404 for one item, bad data) leave it as it is', async () => {
		const { limiter, request } = limiterWithClock(32);
		for (let n = 0; n < 5; n++) await request(50);
		for (let n = 0; n < 5; n++) await request(50, 'failed');
		expect(limiter.limit).toBe(6);
	});

	it('requests beyond the limit wait, and go in the order they came as places free up', async () => {
		const { limiter } = limiterWithClock(32);
		const first = await limiter.acquire();
		const order: number[] = [];
		const waiting = [1, 2, 3].map(async (n) => {
			const done = await limiter.acquire();
			order.push(n);
			return done;
		});
		await Promise.resolve();
		expect(order).toEqual([]);
		expect(limiter.active).toBe(1);
		// a clean reply: the limit grows to 2, so two of the waiting requests go
		first('ok');
		await new Promise((resolve) => setImmediate(resolve));
		expect(order).toEqual([1, 2]);
		expect(limiter.active).toBe(2);
		(await waiting[0])('ok');
		await new Promise((resolve) => setImmediate(resolve));
		expect(order).toEqual([1, 2, 3]);
		(await waiting[1])('ok');
		(await waiting[2])('ok');
		expect(limiter.active).toBe(0);
	});

	it('a ceiling of 1 (writes) sends one at a time however well it goes', async () => {
		const { limiter, request } = limiterWithClock(1);
		for (let n = 0; n < 20; n++) await request(5);
		expect(limiter.limit).toBe(1);
	});
});

describe('Options › Requests at Once, as every per-item operation offers it', () => {
	it('reads default to the read ceiling, writes to 1; bulk operations batch instead', async () => {
		const { READ_CEILING } = await import('../../nodes/shared/items');
		const { MAX_REQUESTS_AT_ONCE, requestsAtOnceForReads, requestsAtOnceForWrites } = await import(
			'../../nodes/shared/fields'
		);
		expect(requestsAtOnceForReads.default).toBe(READ_CEILING);
		expect(requestsAtOnceForWrites.default).toBe(1);
		expect(
			[requestsAtOnceForReads, requestsAtOnceForWrites].map(
				(option) => option.typeOptions?.maxValue,
			),
		).toEqual([MAX_REQUESTS_AT_ONCE, MAX_REQUESTS_AT_ONCE]);
		const routers = await Promise.all(
			['Gigrove', 'GuaranteedReviews', 'Valigara', 'VanillaEshop'].map(
				async (node) => await import(`../../nodes/${node}/actions/router`),
			),
		);
		const missing: string[] = [];
		for (const { resources } of routers as Array<{
			resources: import('../../nodes/shared/registry').Resource[];
		}>) {
			for (const resource of resources) {
				for (const [value, module] of Object.entries(resource.operations)) {
					const options = resource.description.find(
						(property) =>
							property.name === 'options' &&
							(property.displayOptions?.show?.operation as string[] | undefined)?.includes(value),
					);
					const offered = (
						options?.options as Array<{ name: string; default: unknown }> | undefined
					)?.find((option) => option.name === 'requestsAtOnce');
					const expected = module.executeBatch ? undefined : module.reads ? READ_CEILING : 1;
					if (offered?.default !== expected)
						missing.push(
							`${resource.name} › ${value}: ${String(offered?.default)} (expected ${String(expected)})`,
						);
				}
			}
		}
		expect(missing).toEqual([]);
	});
});
