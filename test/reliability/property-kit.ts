/**
 * What the property suites (*.property.test.ts) share: how many histories they run, replaying a
 * counterexample CI printed, the check that the generator still produces every case, and n8n's
 * clock faked alone.
 */

/** Histories per suite: 100 by default, RELIABILITY_RUNS=1000 in .ci/run. */
export const RUNS = Number(process.env.RELIABILITY_RUNS ?? 100);

/**
 * fast-check's options to replay a counterexample CI printed:
 * `FC_SEED=… FC_PATH=… npx jest <the suite>` runs that one history.
 */
export const replaying = process.env.FC_SEED !== undefined;
export const replay = replaying
	? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH }
	: {};

/**
 * The cases the histories exercised fewer times than `least` asks (counts for 1 000 histories,
 * scaled to `runs`, halved below 1 000 where runs vary more): a generator that stopped producing a
 * case is noticed. Empty when replaying one history.
 */
export function rareCases(
	tally: Record<string, number>,
	least: Record<string, number>,
	runs = RUNS,
): Array<[string, number]> {
	if (replaying) return [];
	const bar = (count: number) => Math.floor((count * runs) / 1000 / (runs < 1000 ? 2 : 1));
	return Object.entries(least).filter(([name, count]) => (tally[name] ?? 0) < bar(count));
}

/** Fakes only Date (n8n's clock, which triggers count their windows from), not the timers the engine needs. */
export function fakeDateOnly(): void {
	jest.useFakeTimers({
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
}
