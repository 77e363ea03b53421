'use strict';
// Timing, memory and the summary of several runs.

/** The median, min and max of a list of numbers (the median of an even count: the mean of the middle two). */
function summarize(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length, values };
}

function collectGarbage() {
	if (typeof global.gc !== 'function')
		throw new Error('run with node --expose-gc (npm run bench does)');
	global.gc();
	global.gc();
}

const heap = () => {
	const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
	return { heapUsed, rss, external: external + arrayBuffers };
};

/**
 * Runs `fn` once and times it. With `memory`, the heap is collected first and sampled every 10 ms
 * (and at the end) while `fn` runs: `peak` is the largest heapUsed / rss / external seen, each
 * minus its value before the run.
 */
async function measure(fn, { memory = false } = {}) {
	let before;
	let peak;
	let timer;
	if (memory) {
		collectGarbage();
		before = heap();
		peak = { ...before };
		const sample = () => {
			const now = heap();
			for (const key of Object.keys(now)) peak[key] = Math.max(peak[key], now[key]);
		};
		timer = setInterval(sample, 10);
		timer.sample = sample;
	}
	const start = process.hrtime.bigint();
	const result = await fn();
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	if (memory) {
		timer.sample();
		clearInterval(timer);
	}
	const growth = memory
		? Object.fromEntries(Object.keys(before).map((key) => [key, peak[key] - before[key]]))
		: undefined;
	return { ms, result, peakGrowth: growth };
}

module.exports = { summarize, measure, collectGarbage };
