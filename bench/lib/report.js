'use strict';
// The results as a markdown table (printed, and ready for the README) from the results JSON.

const group = (n) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

/** A unit chosen by the median, used for min and max too: [number formatter, unit]. */
const units = {
	time: (ms) => (ms >= 1000 ? [(v) => (v / 1000).toFixed(1), ' s'] : [(v) => (ms >= 10 ? v.toFixed(0) : v.toFixed(1)), ' ms']),
	mb: (bytes) => [(v) => (v / 1e6).toFixed(bytes >= 1e8 ? 0 : 1), ' MB'],
	ratio: () => [(v) => v.toFixed(2), '×'],
};

function format(kind, value) {
	const [number, unit] = units[kind](value);
	return `${number(value)}${unit}`;
}

/** "16.2 s (15.9–16.8)": the median, then min–max in the median's unit */
function span(summary, kind = 'time') {
	const [number, unit] = units[kind](summary.median);
	if (summary.runs === 1) return `${number(summary.median)}${unit}`;
	return `${number(summary.median)}${unit} (${number(summary.min)}–${number(summary.max)})`;
}

const time = (ms) => format('time', ms);
const ratio = (value) => format('ratio', value);
const mb = (bytes) => format('mb', bytes);
const verdict = (met) => (met ? 'met' : 'missed');
/** the ratio of the medians, then the range of the per-run ratios */
const ratioSpan = (value, perRound) => (perRound.runs > 1 ? `${ratio(value)} (${perRound.min.toFixed(2)}–${perRound.max.toFixed(2)} per run)` : ratio(value));

function machineLine(results) {
	const { machine, settings } = results;
	const load = machine.loadAverage;
	return (
		`Measured ${results.date} on commit \`${results.commit}\`${results.dirty ? ' (with uncommitted changes)' : ''}: ` +
		`${machine.cpuModel}, nproc ${machine.nproc}, ${Math.round(machine.memoryBytes / 2 ** 30)} GB, Node ${machine.node}, ` +
		`n8n-core ${results.versions['n8n-core']} with the HTTP Request node ${results.httpRequestVersion} of n8n ${results.versions.n8n}. ` +
		`**Shared machine**: other engineers' test runs were going on (1-minute load average ${load.min === undefined ? `${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end` : `between ${load.min.toFixed(1)} and ${load.max.toFixed(1)}`} on ${machine.nproc} cores), so absolute times are noisy; the ratios compare runs interleaved in the same minutes. ` +
		(settings.delayMs ? `**The sandbox answered every request ${settings.delayMs} ms late** (a distant service). ` : '') +
		`Each figure: ${settings.runs > 1 ? `median of ${settings.runs} runs (min–max)` : 'one run'}. The sandbox runs in a process of its own. The whole bench took ${time(results.durationMs)} and used ${Math.round(results.cpuSeconds.bench + results.cpuSeconds.sandbox)} s of CPU (${Math.round(results.cpuSeconds.sandbox)} s of it in the sandbox).`
	);
}

function perItemTable(results) {
	const rows = results.perItem;
	const diagnose = rows.some((row) => row.ms.helperFloor);
	const head = ['node › operation', 'our node', `HTTP Request node ${results.httpRequestVersion}`, 'plain keep-alive client', 'ours ÷ HTTP Request (goal ≤ 1)', 'ours ÷ plain (goal ≤ 1.5)'];
	if (diagnose) head.push('n8n helper floor (diagnostic)', 'plain, new connection per request (diagnostic)', 'plain keep-alive, 5 at once (diagnostic)');
	head[0] = `node › operation (${group(rows[0]?.items ?? 0)} items, 1 request each)`;
	const cell = (row, name) => `${span(row.ms[name])} · ${(row.usPerItem[name] / 1000).toFixed(2)} ms/item`;
	const lines = rows.map((row) => {
		const cells = [
			`${row.node} › ${row.operation}`,
			cell(row, 'ours'),
			cell(row, 'httpRequest'),
			cell(row, 'plain'),
			`${ratioSpan(row.ratios.oursToHttpRequest, row.ratios.perRound.oursToHttpRequest)}: ${verdict(row.goals.noSlowerThanHttpRequest)}`,
			`${ratioSpan(row.ratios.oursToPlain, row.ratios.perRound.oursToPlain)}: ${verdict(row.goals.within15xOfPlain)}`,
		];
		if (diagnose) cells.push(cell(row, 'helperFloor'), cell(row, 'plainNoKeepAlive'), row.ms.plainAtOnce ? cell(row, 'plainAtOnce') : '–');
		return cells;
	});
	const failed = rows.flatMap((row) => Object.entries(row.failedRuns ?? {}).filter(([, list]) => list.length).map(([name, list]) => `${row.node}: ${list.length} ${name === 'httpRequest' ? 'HTTP Request node' : name} run(s) failed and were run again (${[...new Set(list.map((m) => m.replace(/^[^:]+: /, '').slice(0, 80)))].join('; ')})`));
	const notes = failed.length
		? `\n\nFailed runs (not in the figures): ${failed.join('. ')}. The HTTP Request node starts every item's request at once (${group(rows[0].items)} connections).`
		: '';
	return table(head, lines) + notes;
}

function bulkTable(results) {
	const head = ['node › operation', 'items', 'per request', 'requests made (⌈n / batch⌉)', 'batched', 'one request per item', 'speed-up'];
	const lines = results.bulk.map((row) => [
		`${row.node} › ${row.operation}`,
		group(row.items),
		String(row.batchSize),
		`${group(row.requests.batched)} (expected ${group(row.requests.expected)})`,
		span(row.ms.batched),
		`${span(row.ms.perItem)}, ${group(row.requests.perItem)} requests`,
		ratioSpan(row.speedUp, row.speedUpPerRound),
	]);
	return table(head, lines);
}

function paginationTable(results) {
	const p = results.pagination;
	const head = [`Gigrove › Product › Get Many, Return All over ${group(p.products)} products (${group(p.pages)} pages of ${p.perPage})`, 'our node', 'plain keep-alive client', 'ours ÷ plain'];
	const lines = [
		['time', span(p.ms.ours), span(p.ms.plain), ratio(p.ratios.oursToPlain)],
		[
			`peak heap growth, against the output's ${mb(p.outputJsonBytes)} of JSON`,
			`${span(p.peakHeapGrowthBytes.ours, 'mb')} = ${ratio(p.ratios.oursPeakHeapToOutput)} the output`,
			`${span(p.peakHeapGrowthBytes.plain, 'mb')} = ${ratio(p.ratios.plainPeakHeapToOutput)} the output`,
			ratio(p.peakHeapGrowthBytes.ours.median / p.peakHeapGrowthBytes.plain.median),
		],
	];
	return table(head, lines);
}

function triggerTable(results) {
	const t = results.triggers;
	const bytes = (n) => `${group(n)} bytes`;
	const head = ['Valigara Trigger › New Order', ''];
	const byHistory = Object.entries(t.stateBytesByHistory).map(([history, size]) => `${group(history)} orders: ${bytes(size)}`).join('; ');
	const lines = [
		[`one poll, ${group(t.seen)} orders already seen, 1 new (orders one a minute; ${t.poll.ms.runs} polls)`, `${span(t.poll.ms)}; the same export request from the plain client: ${span(t.poll.plainExportMs)}`],
		['orders read per poll (the 60-minute look-back) / emitted', `${t.poll.ordersRead} / ${t.poll.emitted.join(', ')}`],
		['saved state (static data as JSON) after the poll', `${bytes(t.poll.stateBytes)}; by history: ${byHistory}`],
		[`first poll emitting the whole history (Start From)`, Object.entries(t.firstPollEmittingAll).map(([, first]) => `${group(first.emitted)} in ${time(first.ms)}`).join('; ')],
		[`burst: ${group(t.burst.history)} orders within the last ${t.burst.withinMinutes} minutes, then 1 new per poll`, `emitted ${t.burst.emittedPerPoll.map(group).join(', ')} per poll: ${t.burst.duplicates ? `**${group(t.burst.duplicates)} duplicates**` : 'no duplicates'}`],
	];
	return table(head, lines);
}

function table(head, lines) {
	const escape = (text) => String(text).replace(/\|/g, '\\|');
	return [`| ${head.map(escape).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...lines.map((cells) => `| ${cells.map(escape).join(' | ')} |`)].join('\n');
}

function markdown(results) {
	const parts = ['### Benchmark (`npm run bench`)', '', machineLine(results)];
	if (results.perItem) parts.push('', '**Per-item work**: one simple operation per node; the HTTP Request node set up with a generic Query Auth / Header Auth credential to make the very same requests (checked in the sandbox log). Our operations only read: they send up to 5 requests at once (after 5 items in a row succeeded); the HTTP Request node sends every item\'s request at once; the plain client one at a time.', '', perItemTable(results));
	if (results.bulk) parts.push('', '**Bulk**: requests counted from the sandbox request log; "one request per item" is the same operation with Options › Per Request = 1.', '', bulkTable(results));
	if (results.pagination) parts.push('', `**Pagination** (against the bench's Gigrove catalog stand-in: the sandbox copies and sorts its whole product list for every page, too slow for ${group(results.pagination.products)} products).`, '', paginationTable(results));
	if (results.triggers) parts.push('', '**Triggers** (the test kit\'s ActivePoller: a real PollContext in trigger mode).', '', triggerTable(results));
	return parts.join('\n');
}

function goalLines(results) {
	const lines = [];
	for (const row of results.perItem ?? []) {
		lines.push(`${row.node} ${row.operation}: no slower than the HTTP Request node: ${verdict(row.goals.noSlowerThanHttpRequest)} (${ratio(row.ratios.oursToHttpRequest)}); within 1.5× of the plain client: ${verdict(row.goals.within15xOfPlain)} (${ratio(row.ratios.oursToPlain)})`);
	}
	for (const row of results.bulk ?? []) {
		lines.push(`${row.node} ${row.operation}: ${row.requests.batched} requests for ${row.items} items (⌈n / ${row.batchSize}⌉ = ${row.requests.expected}): ${verdict(row.requests.batched === row.requests.expected)}; ${ratio(row.speedUp)} faster than one request per item`);
	}
	return lines;
}

module.exports = { markdown, goalLines };
