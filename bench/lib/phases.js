'use strict';
// The measurements of `npm run bench`. Per-item work, bulk and pagination run in a real n8n
// (bench/lib/real-n8n.js: production webhooks of `n8n start`, our package from `npm pack`); the
// trigger figures in the test kit's ActivePoller (a real PollContext, driven poll by poll, which a
// real n8n only does once a minute). Each phase takes the bench context ({services, n8n, engine,
// credentials, settings, say, check}) and returns plain JSON for the results file.

const os = require('node:os');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const { perItemCases, bulkCases } = require('./cases');
const { plainClient } = require('./plain-client');
const { measure, summarize, collectGarbage } = require('./measure');

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => os.loadavg()[0];
/** attempts of one HTTP Request node run before the bench gives up */
const MAX_ATTEMPTS = 3;
/** the per-item variants, in the order the first round runs them */
const VARIANTS = ['ours', 'httpRequest', 'floor', 'plain'];
/** variants that send one request at a time: at a latency they run a fifth of the items */
const ONE_AT_A_TIME = ['floor', 'plain'];

// ── The workflows n8n gets ───────────────────────────────────────────────────────────────────

const perItemPath = (testCase, variant, check) =>
	`bench/${testCase.service}/${variant}${check ? '/check' : ''}`;
const bulkPath = (testCase, mode) => `bench/bulk/${testCase.service}/${mode}`;
const PAGES_PATH = 'bench/pagination/gigrove';

/**
 * Every workflow the phases run ([{path, subject, respond, split}] for real-n8n.js). `catalogUrl`:
 * the Gigrove catalog's base URL (pagination), known before n8n starts.
 */
function benchSubjects({ urls, credentials, catalogUrl, only }) {
	const subjects = [];
	if (only.includes('per-item')) {
		for (const testCase of perItemCases(urls, credentials)) {
			for (const variant of VARIANTS.filter((name) => name !== 'plain')) {
				subjects.push({
					path: perItemPath(testCase, variant, false),
					subject: testCase[variant],
					respond: 'firstEntryJson',
				});
				subjects.push({
					path: perItemPath(testCase, variant, true),
					subject: testCase[variant],
					respond: 'allEntries',
				});
			}
		}
	}
	if (only.includes('bulk')) {
		for (const testCase of bulkCases(credentials)) {
			subjects.push({
				path: bulkPath(testCase, 'batched'),
				subject: testCase.subject(undefined),
				respond: 'allEntries',
			});
			subjects.push({
				path: bulkPath(testCase, 'perItem'),
				subject: testCase.subject(1),
				respond: 'allEntries',
			});
		}
	}
	if (only.includes('pagination')) {
		const getMany = (parameters) => ({
			type: 'n8n-nodes-commerce-pack.gigrove',
			parameters: { resource: 'product', operation: 'getMany', ...parameters },
			credentials: { gigroveApi: { ...credentials.gigroveApi, baseUrl: catalogUrl } },
		});
		subjects.push({
			path: PAGES_PATH,
			split: false,
			respond: 'firstEntryJson',
			subject: getMany({ returnAll: true }),
		});
		// the same code path over one page: warms a fresh n8n up without growing its heap
		subjects.push({
			path: `${PAGES_PATH}/warmup`,
			split: false,
			respond: 'firstEntryJson',
			subject: getMany({ returnAll: false, limit: 100 }),
		});
	}
	return subjects;
}

// ── 1. Per-item work ───────────────────────────────────────────────────────────────────────────

/** What the sandbox saw of one request (secrets masked by its log), for comparing the variants. */
function canonical(entry) {
	const sorted = (object) =>
		Object.fromEntries(Object.entries(object ?? {}).sort(([a], [b]) => a.localeCompare(b)));
	return `${entry.method} ${entry.path} ${JSON.stringify(sorted(entry.query))} ${JSON.stringify(entry.body ?? null)} ${JSON.stringify(sorted(entry.headers))}`;
}

/** The requests of `other` that `reference` did not make as often (empty: the same requests). */
function requestDifference(reference, other) {
	const count = (entries) =>
		entries.map(canonical).reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map());
	const a = count(reference);
	const b = count(other);
	return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
}

/** How each variant runs `items`: {ms, cpuMs, json}; n8n variants through their webhook. */
function perItemRunners(ctx, testCase) {
	const { n8n } = ctx;
	const plain = async (items) => {
		const client = plainClient();
		const cpuBefore = process.cpuUsage();
		const start = process.hrtime.bigint();
		try {
			const replies = [];
			for (const item of items) replies.push((await client.send(testCase.plain(item))).json);
			const ms = Number(process.hrtime.bigint() - start) / 1e6;
			const { user, system } = process.cpuUsage(cpuBefore);
			return { ms, cpuMs: (user + system) / 1000, json: replies };
		} finally {
			client.close();
		}
	};
	const runners = { plain };
	for (const variant of VARIANTS.filter((name) => name !== 'plain')) {
		runners[variant] = (items, check = false) =>
			n8n.run(perItemPath(testCase, variant, check), items);
	}
	return runners;
}

/**
 * Warm-up, and the checks: every variant makes the same requests (the sandbox's log: method, path,
 * query, body, headers with secrets masked), one per item, all answered 200; our node's output is
 * the plain client's reading of each reply, the HTTP Request node's and the floor's the reply itself.
 */
async function checkCase(ctx, testCase) {
	const { services, settings, say, check } = ctx;
	const input = Array.from({ length: settings.warmup }, (_, i) => testCase.input(i));
	const logs = {};
	const outputs = {};
	for (const [name, run] of Object.entries(perItemRunners(ctx, testCase))) {
		const { result, count, entries } = await services.counted(() => run(input, true));
		check(
			count === input.length,
			`${testCase.node} ${name}: ${count} requests for ${input.length} items`,
		);
		check(
			entries.every((entry) => entry.status === 200),
			`${testCase.node} ${name}: a request failed`,
		);
		logs[name] = entries;
		outputs[name] = result.json;
	}
	for (const name of Object.keys(logs)) {
		const difference = requestDifference(logs.ours, logs[name]);
		check(
			difference.length === 0,
			`${testCase.node}: ${name} made other requests than our node: ${difference.slice(0, 2).join(' | ')}`,
		);
	}
	const replies = outputs.plain;
	check(
		isDeepStrictEqual(outputs.ours, replies.map(testCase.plainOutput)),
		`${testCase.node}: our node's output is not one item per reply, in order`,
	);
	for (const name of ['httpRequest', 'floor']) {
		check(
			isDeepStrictEqual(outputs[name], replies),
			`${testCase.node}: the ${name} output is not the replies, in order`,
		);
	}
	const [sample] = logs.ours;
	say(
		`   ${testCase.node} ${testCase.operation}: the same requests from every variant (${sample.method} ${sample.path}, headers ${Object.keys(sample.headers).join(', ')}), outputs checked; warmed up with ${input.length} items`,
	);
}

/** One timed run of `name` over `count` items, after a full GC: wall and CPU time, request count checked. */
async function timedRun(ctx, testCase, name, run, count) {
	const { services, n8n, say, check } = ctx;
	const input = Array.from({ length: count }, (_, i) => testCase.input(i));
	const failures = [];
	for (let attempt = 1; ; attempt++) {
		if (name === 'plain') collectGarbage();
		else await n8n.freshPeak();
		try {
			const { result, count: requests } = await services.counted(() => run(input));
			check(
				requests === count,
				`${testCase.node} ${name}: ${requests} requests for ${count} items`,
			);
			check(result.json && typeof result.json === 'object', `${testCase.node} ${name}: no output`);
			return { ms: result.ms, cpuMs: result.cpuMs, failures };
		} catch (error) {
			// The HTTP Request node sends every item's request at once (10 000 connections): the
			// sandbox's server has reset some. Counted, reported, and run again.
			if (name !== 'httpRequest' || attempt >= MAX_ATTEMPTS) throw error;
			failures.push(error.message);
			say(
				`   ${testCase.node} ${name}: the run failed (${error.message.slice(0, 100)}); running it again in 5 s`,
			);
			await pause(5000);
		}
	}
}

async function timeCase(ctx, testCase, latencyMs, n) {
	const { settings, say } = ctx;
	const runners = perItemRunners(ctx, testCase);
	const sizes = Object.fromEntries(
		VARIANTS.map((name) => {
			const items = latencyMs && ONE_AT_A_TIME.includes(name) ? Math.round(n / 5) : n;
			return [name, { items, small: Math.max(1, Math.round(items / 10)) }];
		}),
	);
	const perRound = Object.fromEntries(
		VARIANTS.map((name) => [name, { perItemMs: [], cpuPerItemMs: [], failures: [] }]),
	);
	const loads = [load()];
	for (let round = 0; round < settings.runs; round++) {
		// a different order each round, so a busy moment of the machine does not always hit the same variant
		const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
		for (const name of order) {
			const { items, small } = sizes[name];
			const few = await timedRun(ctx, testCase, name, runners[name], small);
			const many = await timedRun(ctx, testCase, name, runners[name], items);
			const record = perRound[name];
			record.perItemMs.push((many.ms - few.ms) / (items - small));
			record.cpuPerItemMs.push((many.cpuMs - few.cpuMs) / (items - small));
			record.failures.push(...few.failures, ...many.failures);
			loads.push(load());
		}
		say(
			`   ${testCase.node} round ${round + 1}/${settings.runs}: ${VARIANTS.map((name) => `${name} ${perRound[name].perItemMs[round].toFixed(2)} ms/item`).join(', ')} (load ${loads.at(-1).toFixed(1)})`,
		);
	}
	const perItemMs = Object.fromEntries(
		VARIANTS.map((name) => [name, summarize(perRound[name].perItemMs)]),
	);
	const ratio = (a, b) => perItemMs[a].median / perItemMs[b].median;
	const roundRatios = (a, b) =>
		summarize(perRound[a].perItemMs.map((value, round) => value / perRound[b].perItemMs[round]));
	const entry = {
		node: testCase.node,
		operation: testCase.operation,
		latencyMs,
		sizes,
		perItemMs,
		cpuPerItemMs: Object.fromEntries(
			VARIANTS.map((name) => [name, summarize(perRound[name].cpuPerItemMs)]),
		),
		cpuOf: { plain: 'the bench process', others: 'the n8n process' },
		failedRuns: Object.fromEntries(VARIANTS.map((name) => [name, perRound[name].failures])),
		load: { min: Math.min(...loads), max: Math.max(...loads) },
		ratios: {
			oursToHttpRequest: ratio('ours', 'httpRequest'),
			oursToFloor: ratio('ours', 'floor'),
			oursToPlain: ratio('ours', 'plain'),
			floorToPlain: ratio('floor', 'plain'),
			perRound: {
				oursToHttpRequest: roundRatios('ours', 'httpRequest'),
				oursToFloor: roundRatios('ours', 'floor'),
			},
		},
	};
	entry.goals =
		latencyMs === 0
			? {
					halfOfHttpRequest: entry.ratios.oursToHttpRequest <= 0.5,
					within13xOfFloor: entry.ratios.oursToFloor <= 1.3,
				}
			: { noSlowerThanHttpRequest: entry.ratios.oursToHttpRequest <= 1 };
	say(
		`   ${testCase.node}: ours ÷ HTTP Request ${entry.ratios.oursToHttpRequest.toFixed(2)}×, ours ÷ floor ${entry.ratios.oursToFloor.toFixed(2)}×`,
	);
	return entry;
}

/**
 * Peak RSS of n8n over `settings.items` items, each n8n variant in a fresh n8n process: in a process
 * that already ran other variants the heap keeps the room an earlier run needed, and a later run's
 * peak would not show. Restart, a warm-up run, a full GC, the peak (VmHWM) reset, the run, VmHWM.
 */
async function peakMemory(ctx, testCase) {
	const { services, n8n, settings, check } = ctx;
	const input = Array.from({ length: settings.items }, (_, i) => testCase.input(i));
	const memory = { peakRss: {}, rssBeforeRun: {}, load: [] };
	for (const variant of VARIANTS.filter((name) => name !== 'plain')) {
		await n8n.restart();
		await n8n.run(perItemPath(testCase, variant, true), input.slice(0, settings.warmup));
		const before = await n8n.freshPeak();
		const { count } = await services.counted(() =>
			n8n.run(perItemPath(testCase, variant, false), input),
		);
		check(
			count === input.length,
			`${testCase.node} ${variant} (peak RSS run): ${count} requests for ${input.length} items`,
		);
		memory.peakRss[variant] = summarize([n8n.peakRss()]);
		memory.rssBeforeRun[variant] = summarize([before]);
		memory.load.push(load());
	}
	return memory;
}

async function perItem(ctx) {
	const { services, credentials, settings, say } = ctx;
	const cases = perItemCases(services.urls, credentials).filter(
		(testCase) => !settings.cases || settings.cases.includes(testCase.service),
	);
	const results = [];
	for (const [index, latencyMs] of settings.latencies.entries()) {
		await services.call('delay', { ms: latencyMs });
		const n = latencyMs ? settings.delayedItems : settings.items;
		say(
			`\n1. Per-item work, the sandbox answering ${latencyMs ? `${latencyMs} ms late` : 'at once'}: ${n} items per run (${ONE_AT_A_TIME.join(' and ')} ${latencyMs ? `${Math.round(n / 5)}: one request at a time` : 'too'}), each less a run of a tenth as many; ${settings.runs} rounds, interleaved`,
		);
		for (const testCase of cases) {
			if (index === 0) await checkCase(ctx, testCase);
			results.push(await timeCase(ctx, testCase, latencyMs, n));
		}
	}
	await services.call('delay', { ms: 0 });
	if (settings.latencies.includes(0)) {
		say(
			`\n   Peak RSS of n8n at ${settings.items} items, each variant in a fresh n8n process (restart, warm-up, full GC, peak reset, run):`,
		);
		for (const testCase of cases) {
			const entry = results.find((row) => row.latencyMs === 0 && row.node === testCase.node);
			const memory = await peakMemory(ctx, testCase);
			entry.peakRss = memory.peakRss;
			entry.rssBeforeRun = memory.rssBeforeRun;
			entry.memoryLoad = { min: Math.min(...memory.load), max: Math.max(...memory.load) };
			entry.ratios.peakRssOursToHttpRequest =
				memory.peakRss.ours.median / memory.peakRss.httpRequest.median;
			entry.goals.peakRssNoMoreThanHttpRequest = entry.ratios.peakRssOursToHttpRequest <= 1;
			const mb = (name) => `${name} ${(memory.peakRss[name].median / 1e6).toFixed(0)} MB`;
			say(
				`   ${testCase.node}: ${['ours', 'httpRequest', 'floor'].map(mb).join(', ')} (before the run: ${(memory.rssBeforeRun.ours.median / 1e6).toFixed(0)}, ${(memory.rssBeforeRun.httpRequest.median / 1e6).toFixed(0)}, ${(memory.rssBeforeRun.floor.median / 1e6).toFixed(0)} MB; load ${load().toFixed(1)})`,
			);
		}
	}
	return results;
}

// ── 2. Bulk ──────────────────────────────────────────────────────────────────────────────────

async function bulk(ctx) {
	const { services, n8n, credentials, settings, say, check } = ctx;
	const n = settings.items;
	const results = [];
	say(
		`\n2. Bulk: ${n} input items per run, ${settings.runs} runs; the sandbox is reset before each run`,
	);
	for (const testCase of bulkCases(credentials)) {
		const expected = Math.ceil(n / testCase.batch);
		const times = { batched: [], perItem: [] };
		const requests = { batched: [], perItem: [] };
		const loads = [load()];
		for (const mode of ['batched', 'perItem']) {
			// warm-up, not measured
			await services.call('reset');
			await n8n.run(
				bulkPath(testCase, mode),
				Array.from({ length: settings.warmup }, (_, i) => testCase.input(i, 'warmup')),
			);
		}
		for (let round = 0; round < settings.runs; round++) {
			for (const mode of round % 2 ? ['perItem', 'batched'] : ['batched', 'perItem']) {
				await services.call('reset');
				const input = Array.from({ length: n }, (_, i) => testCase.input(i, round));
				await n8n.freshPeak();
				const { result, count, entries } = await services.counted(() =>
					n8n.run(bulkPath(testCase, mode), input),
				);
				const output = result.json;
				const size = mode === 'batched' ? testCase.batch : 1;
				check(
					count === (mode === 'batched' ? expected : n),
					`${testCase.node} ${mode}: ${count} requests, expected ${mode === 'batched' ? expected : n}`,
				);
				check(
					entries.every(
						(entry) =>
							entry.method === 'POST' &&
							entry.path === testCase.path &&
							entry.status === 200 &&
							entry.items <= size,
					),
					`${testCase.node} ${mode}: a logged request was not a full POST ${testCase.path} of ≤ ${size} items`,
				);
				check(
					entries.slice(0, -1).every((entry) => entry.items === size),
					`${testCase.node} ${mode}: a request before the last carried fewer than ${size} items`,
				);
				check(
					Array.isArray(output) &&
						output.length === n &&
						output.every((json, i) => testCase.ok(json, input[i])),
					`${testCase.node} ${mode}: output is not one good item per input item, in order (first: ${JSON.stringify(output?.[0]).slice(0, 200)})`,
				);
				times[mode].push(result.ms);
				requests[mode].push(count);
				loads.push(load());
			}
			say(
				`   ${testCase.node} run ${round + 1}/${settings.runs}: ${expected} requests of ${testCase.batch} in ${seconds(times.batched[round])}; ${n} requests of 1 in ${seconds(times.perItem[round])} (load ${loads.at(-1).toFixed(1)})`,
			);
		}
		const batched = summarize(times.batched);
		const perItemTimes = summarize(times.perItem);
		results.push({
			node: testCase.node,
			operation: testCase.operation,
			items: n,
			batchSize: testCase.batch,
			requests: {
				batched: requests.batched[0],
				expected,
				perItem: requests.perItem[0],
				countedFrom: 'sandbox request log (sequence numbers between two probe requests)',
			},
			ms: { batched, perItem: perItemTimes },
			speedUp: perItemTimes.median / batched.median,
			speedUpPerRound: summarize(times.perItem.map((ms, round) => ms / times.batched[round])),
			load: { min: Math.min(...loads), max: Math.max(...loads) },
		});
	}
	return results;
}

// ── 3. Pagination ────────────────────────────────────────────────────────────────────────────

/**
 * Requests our Return All makes over a list that does not move: each page overlaps the one before
 * by a record, so that a list moving while it is read is noticed (nodes/shared/pagination.ts,
 * nextPage, the page size going down from 100), hence more than ⌈n / 100⌉. Counted with the node's own
 * nextPage, so that the check follows it.
 */
function overlappingPages(total, size) {
	require('./register'); // loads TypeScript
	const { nextPage } = require(
		path.join(__dirname, '..', '..', 'nodes', 'shared', 'pagination.ts'),
	);
	let end = 0;
	let requests = 0;
	while (end < total) {
		const { page, perPage } = nextPage(end, 1, size);
		end = Math.min(total, page * perPage);
		requests++;
	}
	return requests;
}

async function pagination(ctx) {
	const { services, n8n, credentials, settings, say, check } = ctx;
	const size = settings.products;
	const perPage = 100;
	const pages = Math.ceil(size / perPage);
	const oursPages = overlappingPages(size, perPage);
	const baseUrl = ctx.catalogUrl;
	say(
		`\n3. Pagination: Return All over ${size} Gigrove products (${pages} pages of ${perPage}), ${settings.runs} runs`,
	);
	const plain = async () => {
		const client = plainClient();
		try {
			const output = [];
			for (let page = 1; ; page++) {
				const { json, headers } = await client.send({
					method: 'GET',
					url: `${baseUrl}products/?per_page=${perPage}&page=${page}`,
					headers: {
						Accept: 'application/json',
						Authorization: `Bearer ${credentials.gigroveApi.accessToken}`,
					},
				});
				for (const record of json) output.push(record);
				const totalPages = Number(headers['x-wp-totalpages']);
				if (json.length < perPage || (Number.isFinite(totalPages) && page >= totalPages)) break;
			}
			return output;
		} finally {
			client.close();
		}
	};

	const runs = { ours: [], plain: [] };
	const loads = [load()];
	let outputBytes;
	let newest;
	for (let round = 0; round < settings.runs; round++) {
		for (const name of round % 2 ? ['plain', 'ours'] : ['ours', 'plain']) {
			if (name === 'ours') {
				// a fresh process: the heap a former run needed would hide this run's peak
				await n8n.restart();
				for (let warmup = 0; warmup < 5; warmup++) await n8n.run(`${PAGES_PATH}/warmup`, []);
				const rssBefore = await n8n.freshPeak();
				await services.call('resetCatalogStats');
				const { ms, json } = await n8n.run(PAGES_PATH, []);
				const served = await services.call('catalogStats');
				check(
					served.requests === oursPages,
					`pagination ours: ${served.requests} pages requested, expected ${oursPages} (overlapping pages)`,
				);
				check(
					newest === undefined || json?.id === newest,
					`pagination ours: the first record is ${json?.id}, not the newest (${newest})`,
				);
				runs.ours.push({ ms, peakGrowth: n8n.peakRss() - rssBefore });
			} else {
				await services.call('resetCatalogStats');
				const run = await measure(plain, { memory: true });
				const served = await services.call('catalogStats');
				check(
					run.result.length === size,
					`pagination plain: ${run.result.length} records for ${size}`,
				);
				check(
					served.requests === pages,
					`pagination plain: ${served.requests} pages requested, expected ${pages}`,
				);
				newest = run.result[0].id;
				if (outputBytes === undefined) {
					outputBytes = 0;
					for (const record of run.result) outputBytes += Buffer.byteLength(JSON.stringify(record));
				}
				runs.plain.push({ ms: run.ms, peakGrowth: run.peakGrowth.rss });
				collectGarbage();
			}
			loads.push(load());
		}
		const last = (name) => runs[name][round];
		say(
			`   run ${round + 1}/${settings.runs}: ours ${seconds(last('ours').ms)} (n8n's peak RSS +${(last('ours').peakGrowth / 1e6).toFixed(0)} MB), plain ${seconds(last('plain').ms)} (peak RSS +${(last('plain').peakGrowth / 1e6).toFixed(0)} MB) (load ${loads.at(-1).toFixed(1)})`,
		);
	}
	await services.call('stopCatalog');
	const pick = (name, key) => summarize(runs[name].map((run) => run[key]));
	const result = {
		products: size,
		pages,
		perPage,
		oursPages,
		standIn:
			"bench catalog (bench/lib/sandbox-process.js): the sandbox's GET products/ contract with cloned stand-in records; the sandbox itself copies and sorts every product on each page",
		outputJsonBytes: outputBytes,
		ms: { ours: pick('ours', 'ms'), plain: pick('plain', 'ms') },
		peakRssGrowthBytes: { ours: pick('ours', 'peakGrowth'), plain: pick('plain', 'peakGrowth') },
		load: { min: Math.min(...loads), max: Math.max(...loads) },
	};
	result.ratios = { oursToPlain: result.ms.ours.median / result.ms.plain.median };
	result.goals = { within13xOfPlain: result.ratios.oursToPlain <= 1.3 };
	say(`   ours ÷ plain ${result.ratios.oursToPlain.toFixed(2)}× (goal ≤ 1.3)`);
	return result;
}

// ── 4. Triggers ──────────────────────────────────────────────────────────────────────────────

const START_FROM = '2000-01-01T00:00:00';

/**
 * A Valigara Trigger (New Order) as n8n runs it when active: the test kit's ActivePoller (a real
 * PollContext in trigger mode, static data kept across polls). `history` orders are seeded
 * `stepSeconds` apart; the first poll (Start From before all of them) emits them all, so that
 * every one of them has been seen; then `polls` polls each find one new order.
 */
async function triggerScenario(ctx, { history, stepSeconds, polls }) {
	const { services, engine, credentials } = ctx;
	await services.call('reset');
	await services.call('seedValigaraOrders', { count: history, stepSeconds, newestSecondsAgo: 5 });
	const poller = new engine.kit.ActivePoller({
		type: 'valigaraTrigger',
		parameters: { event: 'newOrder', options: { startFrom: START_FROM } },
		credentials: { valigaraApi: credentials.valigaraApi },
	});
	const first = await measure(() => poller.poll());
	const seen = first.result?.length ?? 0;
	const plain = plainClient();
	const rounds = [];
	try {
		for (let k = 0; k < polls; k++) {
			await services.call('control', { service: 'valigara', route: 'POST /orders', bodies: [{}] });
			const { result, entries } = await services.counted(() => measure(() => poller.poll()));
			const [request] = entries;
			// the same export request, from the plain client: the limit for this poll
			const replay = await measure(() =>
				plain.send({
					method: 'POST',
					url: `${services.urls.valigara}?auth=${encodeURIComponent(credentials.valigaraApi.apiKey)}`,
					headers: {
						Accept: 'application/json',
						'Content-Type': 'application/x-www-form-urlencoded',
					},
					body: new URLSearchParams(request.body).toString(),
				}),
			);
			rounds.push({
				ms: result.ms,
				plainMs: replay.ms,
				emitted: result.result?.length ?? 0,
				read: Array.isArray(replay.result.json.data) ? replay.result.json.data.length : undefined,
				stateBytes: Buffer.byteLength(JSON.stringify(poller.staticData)),
				requests: entries.length,
			});
		}
	} finally {
		plain.close();
	}
	return { history, stepSeconds, firstPoll: { ms: first.ms, emitted: seen }, rounds };
}

async function triggers(ctx) {
	const { settings, say, check } = ctx;
	const polls = Math.max(settings.runs, 5);
	const seen = settings.seen;
	say(
		`\n4. Triggers: Valigara Trigger (New Order), one poll with ${seen} orders already seen, ${polls} polls`,
	);
	const steady = [];
	for (const history of [...new Set([Math.round(seen / 10), seen, seen * 2])]) {
		const scenario = await triggerScenario(ctx, {
			history,
			stepSeconds: 60,
			polls: history === seen ? polls : 2,
		});
		steady.push(scenario);
		for (const round of scenario.rounds)
			check(
				round.emitted === 1,
				`trigger (history ${history}, one a minute): a poll emitted ${round.emitted} orders, expected 1`,
			);
		say(
			`   history ${history} (one order a minute): first poll emitted ${scenario.firstPoll.emitted} in ${seconds(scenario.firstPoll.ms)}; then polls of ${scenario.rounds.map((r) => `${r.ms.toFixed(0)} ms`).join(', ')}; saved state ${scenario.rounds.at(-1).stateBytes} bytes`,
		);
	}
	// A burst: more orders within the trigger's 60-minute look-back than the 5 000 keys it remembers.
	const burst = await triggerScenario(ctx, { history: seen, stepSeconds: 3000 / seen, polls: 3 });
	const duplicates = burst.rounds.map((round) => round.emitted - 1);
	say(
		`   burst: ${seen} orders within the last 50 minutes (inside the 60-minute look-back): polls with one new order emitted ${burst.rounds.map((r) => r.emitted).join(', ')}`,
	);
	for (const extra of duplicates)
		check(
			extra === 0,
			`trigger burst: a poll with one new order emitted ${extra + 1} (${extra} emitted before: duplicates)`,
		);

	const main = steady.find((scenario) => scenario.history === seen);
	return {
		event: 'Valigara Trigger › New Order',
		seen,
		poll: {
			ms: summarize(main.rounds.map((round) => round.ms)),
			plainExportMs: summarize(main.rounds.map((round) => round.plainMs)),
			ordersRead: main.rounds[0].read,
			emitted: main.rounds.map((round) => round.emitted),
			stateBytes: main.rounds.at(-1).stateBytes,
		},
		stateBytesByHistory: Object.fromEntries(
			steady.map((scenario) => [scenario.history, scenario.rounds.at(-1).stateBytes]),
		),
		firstPollEmittingAll: Object.fromEntries(
			steady.map((scenario) => [scenario.history, scenario.firstPoll]),
		),
		burst: {
			history: seen,
			withinMinutes: 50,
			emittedPerPoll: burst.rounds.map((round) => round.emitted),
			duplicates: duplicates.reduce((a, b) => a + b, 0),
		},
		scenarios: [...steady, burst],
	};
}

module.exports = { perItem, bulk, pagination, triggers, benchSubjects, perItemPath, VARIANTS };
