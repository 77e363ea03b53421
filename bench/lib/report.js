'use strict';
// The results as a markdown table (printed, and ready for the README) from the results JSON.

const group = (n) => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

/** A unit chosen by the median, used for min and max too: [number formatter, unit]. */
const units = {
	time: (ms) =>
		ms >= 1000
			? [(v) => (v / 1000).toFixed(1), ' s']
			: [(v) => (ms >= 10 ? v.toFixed(0) : v.toFixed(1)), ' ms'],
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
const ratioSpan = (value, perRound) =>
	perRound.runs > 1
		? `${ratio(value)} (${perRound.min.toFixed(2)}–${perRound.max.toFixed(2)} per run)`
		: ratio(value);

const ms2 = (value) => value.toFixed(2);
/** "3.38 ms (3.10–3.62)": per-item median and the range of the rounds */
const perItemSpan = (summary) =>
	summary.runs > 1
		? `${ms2(summary.median)} ms (${ms2(summary.min)}–${ms2(summary.max)})`
		: `${ms2(summary.median)} ms`;
const loadSpan = (range) =>
	range.min.toFixed(1) === range.max.toFixed(1)
		? range.min.toFixed(1)
		: `${range.min.toFixed(1)}–${range.max.toFixed(1)}`;

function machineLine(results) {
	const { machine, settings } = results;
	const load = machine.loadAverage;
	const n8n = results.n8n;
	return (
		`Measured ${results.date} on commit \`${results.commit}\`${results.dirty ? ' (with uncommitted changes)' : ''}${results.packageDir !== '.' ? ` (package measured: ${results.packageDir})` : ''}: ` +
		`${machine.cpuModel}, nproc ${machine.nproc}, ${Math.round(machine.memoryBytes / 2 ** 30)} GB. ` +
		(n8n
			? `**A real n8n ${n8n.version}** on Node ${n8n.node} (\`n8n start\`, driven by production webhooks: Webhook → Split Out → the node; successful executions not saved), our package installed from \`npm pack\` into its community-nodes folder, the HTTP Request node ${n8n.httpRequestVersion}, the floor a minimal community node installed beside ours. `
			: '') +
		`**Shared machine**: other engineers' work was running (1-minute load average ${load.min.toFixed(1)}–${load.max.toFixed(1)} on ${machine.nproc} cores; each row gives its own), so absolute times are noisy; the variants run interleaved in a rotating order, so the ratios compare the same minutes. ` +
		`Per item: (time of N items − time of N/10) ÷ (0.9 N), median of ${settings.runs} rounds (min–max of the rounds). The sandbox runs in a process of its own. The whole bench took ${time(results.durationMs)}.`
	);
}

function perItemTable(results, latencyMs) {
	const rows = results.perItem.filter((row) => row.latencyMs === latencyMs);
	if (!rows.length) return undefined;
	const first = rows[0];
	const atZero = latencyMs === 0;
	const sized = (name) =>
		first.sizes[name].items === first.sizes.ours.items
			? ''
			: ` (${group(first.sizes[name].items)} items)`;
	const head = [
		`node › operation (${group(first.sizes.ours.items)} items, per item)`,
		'our node',
		`HTTP Request node ${results.n8n.httpRequestVersion}`,
		`n8n floor${sized('floor')}`,
		`plain keep-alive client${sized('plain')}`,
		`ours ÷ HTTP Request (goal ≤ ${atZero ? '0.5' : '1.0'})`,
		`ours ÷ floor${atZero ? ' (goal ≤ 1.3)' : ''}`,
		'load',
	];
	const lines = rows.map((row) => [
		`${row.node} › ${row.operation}`,
		perItemSpan(row.perItemMs.ours),
		perItemSpan(row.perItemMs.httpRequest),
		perItemSpan(row.perItemMs.floor),
		perItemSpan(row.perItemMs.plain),
		`${ratioSpan(row.ratios.oursToHttpRequest, row.ratios.perRound.oursToHttpRequest)}: ${verdict(atZero ? row.goals.halfOfHttpRequest : row.goals.noSlowerThanHttpRequest)}`,
		`${ratioSpan(row.ratios.oursToFloor, row.ratios.perRound.oursToFloor)}${atZero ? `: ${verdict(row.goals.within13xOfFloor)}` : ''}`,
		loadSpan(row.load),
	]);
	const failed = rows.flatMap((row) =>
		Object.entries(row.failedRuns ?? {})
			.filter(([, list]) => list.length)
			.map(
				([name, list]) =>
					`${row.node}: ${list.length} ${name} run(s) failed and were run again (${[...new Set(list.map((m) => m.slice(0, 80)))].join('; ')})`,
			),
	);
	return (
		table(head, lines) +
		(failed.length ? `\n\nFailed runs (not in the figures): ${failed.join('. ')}.` : '')
	);
}

function memoryTable(results) {
	const rows = results.perItem.filter((row) => row.latencyMs === 0);
	if (!rows.length) return undefined;
	const head = [
		`node › operation (${group(rows[0].sizes.ours.items)} items, 0 ms)`,
		'peak RSS of n8n: ours',
		'HTTP Request node',
		'floor',
		'ours ÷ HTTP Request (goal ≤ 1)',
		'CPU per item: ours',
		'HTTP Request node',
		'floor',
		'plain client',
	];
	const cpu = (summary) => `${ms2(summary.median)} ms`;
	const peak = (row, name) =>
		`${mb(row.peakRss[name].median)} (+${Math.round((row.peakRss[name].median - row.rssBeforeRun[name].median) / 1e6)})`;
	const lines = rows.map((row) => [
		`${row.node} › ${row.operation}`,
		peak(row, 'ours'),
		peak(row, 'httpRequest'),
		peak(row, 'floor'),
		`${ratio(row.ratios.peakRssOursToHttpRequest)}: ${verdict(row.goals.peakRssNoMoreThanHttpRequest)}`,
		cpu(row.cpuPerItemMs.ours),
		cpu(row.cpuPerItemMs.httpRequest),
		cpu(row.cpuPerItemMs.floor),
		cpu(row.cpuPerItemMs.plain),
	]);
	return table(head, lines);
}

function bulkTable(results) {
	const head = [
		'node › operation',
		'items',
		'per request',
		'requests made (⌈n / batch⌉)',
		'batched',
		'one request per item',
		'speed-up',
		'load',
	];
	const lines = results.bulk.map((row) => [
		`${row.node} › ${row.operation}`,
		group(row.items),
		String(row.batchSize),
		`${group(row.requests.batched)} (expected ${group(row.requests.expected)})`,
		span(row.ms.batched),
		`${span(row.ms.perItem)}, ${group(row.requests.perItem)} requests`,
		ratioSpan(row.speedUp, row.speedUpPerRound),
		loadSpan(row.load),
	]);
	return table(head, lines);
}

function paginationTable(results) {
	const p = results.pagination;
	const head = [
		`Gigrove › Product › Get Many, Return All over ${group(p.products)} products (${group(p.pages)} pages of ${p.perPage}${p.oursPages ? `; ours reads ${group(p.oursPages)} overlapping pages` : ''})`,
		'our node in n8n',
		'plain keep-alive client',
		'ours ÷ plain',
	];
	const lines = [
		[
			`time (load ${loadSpan(p.load)})`,
			span(p.ms.ours),
			span(p.ms.plain),
			`${ratio(p.ratios.oursToPlain)} (goal ≤ 1.3): ${verdict(p.goals.within13xOfPlain)}`,
		],
		[
			`peak RSS growth (the output is ${mb(p.outputJsonBytes)} of JSON)`,
			`${span(p.peakRssGrowthBytes.ours, 'mb')} (the n8n process)`,
			`${span(p.peakRssGrowthBytes.plain, 'mb')} (the bench process)`,
			ratio(p.peakRssGrowthBytes.ours.median / p.peakRssGrowthBytes.plain.median),
		],
	];
	return table(head, lines);
}

function triggerTable(results) {
	const t = results.triggers;
	const bytes = (n) => `${group(n)} bytes`;
	const head = ['Valigara Trigger › New Order', ''];
	const byHistory = Object.entries(t.stateBytesByHistory)
		.map(([history, size]) => `${group(history)} orders: ${bytes(size)}`)
		.join('; ');
	const lines = [
		[
			`one poll, ${group(t.seen)} orders already seen, 1 new (orders one a minute; ${t.poll.ms.runs} polls)`,
			`${span(t.poll.ms)}; the same export request from the plain client: ${span(t.poll.plainExportMs)}`,
		],
		[
			'orders read per poll (the 60-minute look-back) / emitted',
			`${t.poll.ordersRead} / ${t.poll.emitted.join(', ')}`,
		],
		[
			'saved state (static data as JSON) after the poll',
			`${bytes(t.poll.stateBytes)}; by history: ${byHistory}`,
		],
		[
			`first poll emitting the whole history (Start From)`,
			Object.entries(t.firstPollEmittingAll)
				.map(([, first]) => `${group(first.emitted)} in ${time(first.ms)}`)
				.join('; '),
		],
		[
			`burst: ${group(t.burst.history)} orders within the last ${t.burst.withinMinutes} minutes, then 1 new per poll`,
			`emitted ${t.burst.emittedPerPoll.map(group).join(', ')} per poll: ${t.burst.duplicates ? `**${group(t.burst.duplicates)} duplicates**` : 'no duplicates'}`,
		],
	];
	return table(head, lines);
}

function table(head, lines) {
	const escape = (text) => String(text).replace(/\|/g, '\\|');
	return [
		`| ${head.map(escape).join(' | ')} |`,
		`|${head.map(() => '---').join('|')}|`,
		...lines.map((cells) => `| ${cells.map(escape).join(' | ')} |`),
	].join('\n');
}

function markdown(results) {
	const parts = ['### Benchmark (`npm run bench`)', '', machineLine(results)];
	if (results.perItem) {
		parts.push(
			'',
			"**Per-item work**: one simple read per node. The HTTP Request node is set up with a generic Query Auth / Header Auth credential to make the very same requests; the n8n floor makes them through `helpers.httpRequestWithAuthentication` with our credential, one item at a time, and nothing else; the plain client is Node's http with keep-alive, one at a time (the requests of all four checked the same in the sandbox log, and the outputs against the plain client's replies). Our read operations send as many requests at once as an adaptive limit allows (`nodes/shared/limiter.ts`): it starts at 1, grows while replies come back clean and about as fast as the fastest seen (doubling each round trip, then one more per round trip), is halved on a rate limit, a 502/503/504 or a timeout and cut by a tenth when replies grow slower than twice the fastest (+5 ms), and never goes above Options › Requests at Once (32 for reads); the HTTP Request node sends every item's request at once.",
		);
		for (const latencyMs of results.settings.latencies) {
			const text = perItemTable(results, latencyMs);
			if (text)
				parts.push(
					'',
					latencyMs
						? `*The sandbox answering each request ${latencyMs} ms late (a distant service):*`
						: '*The sandbox answering at once:*',
					'',
					text,
				);
		}
		const memory = memoryTable(results);
		if (memory)
			parts.push(
				'',
				"*Peak RSS of the n8n process over one run (VmHWM; each variant in a fresh n8n process: restart, warm-up, full GC, peak reset, run; in brackets the growth over the RSS before the run, MB), and CPU per item from the interleaved rounds (the n8n process's user + system time; the plain client's: the bench process):*",
				'',
				memory,
			);
	}
	if (results.bulk)
		parts.push(
			'',
			'**Bulk** (in n8n): requests counted from the sandbox request log; "one request per item" is the same operation with Options › Per Request = 1.',
			'',
			bulkTable(results),
		);
	if (results.pagination)
		parts.push(
			'',
			`**Pagination** (in n8n, against the bench's Gigrove catalog stand-in: the sandbox copies and sorts its whole product list for every page, too slow for ${group(results.pagination.products)} products).`,
			'',
			paginationTable(results),
		);
	if (results.triggers)
		parts.push(
			'',
			"**Triggers** (the test kit's ActivePoller, a real PollContext in trigger mode in n8n-core: a real n8n polls once a minute).",
			'',
			triggerTable(results),
		);
	return parts.join('\n');
}

function goalLines(results) {
	const lines = [];
	for (const row of results.perItem ?? []) {
		if (row.latencyMs === 0) {
			lines.push(
				`${row.node} ${row.operation}, 0 ms: ≤ 0.5× the HTTP Request node: ${verdict(row.goals.halfOfHttpRequest)} (${ratio(row.ratios.oursToHttpRequest)}); within 1.3× of the floor: ${verdict(row.goals.within13xOfFloor)} (${ratio(row.ratios.oursToFloor)}); peak RSS ≤ the HTTP Request node's at ${group(row.sizes.ours.items)} items: ${verdict(row.goals.peakRssNoMoreThanHttpRequest)} (${ratio(row.ratios.peakRssOursToHttpRequest)})`,
			);
		} else {
			lines.push(
				`${row.node} ${row.operation}, ${row.latencyMs} ms: ≤ 1.0× the HTTP Request node: ${verdict(row.goals.noSlowerThanHttpRequest)} (${ratio(row.ratios.oursToHttpRequest)})`,
			);
		}
	}
	for (const row of results.bulk ?? []) {
		lines.push(
			`${row.node} ${row.operation}: ${row.requests.batched} requests for ${row.items} items (⌈n / ${row.batchSize}⌉ = ${row.requests.expected}): ${verdict(row.requests.batched === row.requests.expected)}; ${ratio(row.speedUp)} faster than one request per item`,
		);
	}
	if (results.pagination)
		lines.push(
			`Return All over ${group(results.pagination.products)} products within 1.3× of the plain client: ${verdict(results.pagination.goals.within13xOfPlain)} (${ratio(results.pagination.ratios.oursToPlain)})`,
		);
	return lines;
}

module.exports = { markdown, goalLines };
