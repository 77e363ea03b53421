'use strict';
// The four measurements of issue 8's `npm run bench`. Each takes the bench context
// ({services, engine, credentials, settings, say, check}) and returns plain JSON for the results file.

const { perItemCases, bulkCases } = require('./cases');
const { plainClient } = require('./plain-client');
const { measure, summarize, collectGarbage } = require('./measure');

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** attempts of one HTTP Request node run before the bench gives up */
const MAX_ATTEMPTS = 3;

// ── 1. Per-item work ───────────────────────────────────────────────────────────────────────────

/** What the sandbox saw of one request, for comparing the three ways of making it. */
function canonical(entry) {
	const query = Object.fromEntries(Object.entries(entry.query ?? {}).sort(([a], [b]) => a.localeCompare(b)));
	return `${entry.method} ${entry.path} ${JSON.stringify(query)} ${JSON.stringify(entry.body ?? null)}`;
}

function sameRequests(reference, other) {
	const count = (entries) => entries.map(canonical).reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map());
	const a = count(reference);
	const b = count(other);
	if (a.size !== b.size) return false;
	for (const [key, n] of a) if (b.get(key) !== n) return false;
	return true;
}

function perItemVariants(ctx, testCase) {
	const { engine, credentials, settings } = ctx;
	const plain = (keepAlive, atOnce = 1) => async (input) => {
		const client = plainClient({ keepAlive, maxSockets: atOnce });
		try {
			const output = new Array(input.length);
			let next = 0;
			const work = async () => {
				while (next < input.length) {
					const index = next++;
					output[index] = testCase.plainOutput((await client.send(testCase.plain(input[index]))).json);
				}
			};
			await Promise.all(Array.from({ length: atOnce }, work));
			return output;
		} finally {
			client.close();
		}
	};
	const variants = {
		ours: (input) => engine.runWorkflow({ ...testCase.ours, type: `${engine.PACKAGE_NAME}.${testCase.ours.type}` }, input),
		httpRequest: (input) => engine.runWorkflow({ type: engine.HTTP_REQUEST, typeVersion: engine.HTTP_REQUEST_VERSION, ...testCase.httpRequest }, input),
		plain: plain(true),
	};
	if (settings.diagnose) {
		const { credentialType, id, request } = testCase.floor;
		engine.defineFloor(testCase.node, credentialType, request);
		variants.helperFloor = (input) =>
			engine.runWorkflow({ type: engine.FLOOR, parameters: { case: testCase.node, id }, credentials: { [credentialType]: credentials[credentialType] } }, input);
		variants.plainNoKeepAlive = plain(false);
		// as many at once as our read-only operations send (nodes/shared/items.ts CONCURRENT_ITEMS)
		variants.plainAtOnce = plain(true, engine.CONCURRENT_ITEMS);
	}
	return variants;
}

async function perItem(ctx) {
	const { services, credentials, settings, say, check } = ctx;
	const n = settings.items;
	const cases = perItemCases(services.urls, credentials);
	const results = [];

	say(`\n1. Per-item work: ${n} items per run, ${settings.runs} runs, one request per item${settings.delayMs ? `, the sandbox answering ${settings.delayMs} ms late` : ''}`);
	// Warm-up, and proof that the variants make the same requests: the sandbox's log of each.
	for (const testCase of cases) {
		const input = Array.from({ length: settings.warmup }, (_, i) => testCase.input(i));
		const logs = {};
		for (const [name, run] of Object.entries(perItemVariants(ctx, testCase))) {
			const { result, count, entries } = await services.counted(() => run(input));
			check(count === input.length, `${testCase.node} ${name}: ${count} requests for ${input.length} items`);
			check(result.length === input.length, `${testCase.node} ${name}: ${result.length} output items for ${input.length}`);
			check(entries.every((entry) => entry.status === 200), `${testCase.node} ${name}: a request failed`);
			logs[name] = entries;
		}
		for (const name of Object.keys(logs)) {
			check(sameRequests(logs.ours, logs[name]), `${testCase.node}: ${name} made other requests than our node (method, path, query, body)`);
		}
		const [sample] = logs.ours;
		say(`   ${testCase.node} ${testCase.operation}: same requests from every variant (${sample.method} ${sample.path}); warmed up with ${input.length} items`);
	}

	for (const testCase of cases) {
		const input = Array.from({ length: n }, (_, i) => testCase.input(i));
		const variants = perItemVariants(ctx, testCase);
		const names = Object.keys(variants);
		const times = Object.fromEntries(names.map((name) => [name, []]));
		const failedRuns = Object.fromEntries(names.map((name) => [name, []]));
		for (let round = 0; round < settings.runs; round++) {
			// a different order each round, so a busy moment of the machine does not always hit the same variant
			const order = names.map((_, i) => names[(i + round) % names.length]);
			for (const name of order) {
				let outcome;
				for (let attempt = 1; !outcome; attempt++) {
					collectGarbage();
					try {
						outcome = await services.counted(() => measure(() => variants[name](input)));
					} catch (error) {
						// The HTTP Request node sends every item's request at once (10 000 connections):
						// the sandbox's server sometimes resets some. Counted, reported, and run again.
						if (name !== 'httpRequest' || attempt >= MAX_ATTEMPTS) throw error;
						failedRuns[name].push(error.message);
						say(`   ${testCase.node} ${name}: the run failed (${error.message.replace(/^[^:]+: /, '').slice(0, 100)}); running it again in 5 s`);
						await pause(5000);
					}
				}
				const { result, count } = outcome;
				check(count === n && result.result.length === n, `${testCase.node} ${name}: ${count} requests, ${result.result.length} items for ${n}`);
				times[name].push(result.ms);
			}
			say(`   ${testCase.node} run ${round + 1}/${settings.runs}: ${names.map((name) => `${name} ${seconds(times[name][round])}`).join(', ')}`);
		}
		const summary = Object.fromEntries(names.map((name) => [name, summarize(times[name])]));
		const perRound = (a, b) => summarize(times[a].map((ms, round) => ms / times[b][round]));
		const entry = {
			node: testCase.node,
			operation: testCase.operation,
			items: n,
			ms: summary,
			usPerItem: Object.fromEntries(names.map((name) => [name, (summary[name].median * 1000) / n])),
			failedRuns,
			ratios: {
				oursToHttpRequest: summary.ours.median / summary.httpRequest.median,
				oursToPlain: summary.ours.median / summary.plain.median,
				httpRequestToPlain: summary.httpRequest.median / summary.plain.median,
				perRound: { oursToHttpRequest: perRound('ours', 'httpRequest'), oursToPlain: perRound('ours', 'plain') },
				...(settings.diagnose
					? {
							oursToHelperFloor: summary.ours.median / summary.helperFloor.median,
							helperFloorToPlain: summary.helperFloor.median / summary.plain.median,
							oursToPlainAtOnce: summary.ours.median / summary.plainAtOnce.median,
						}
					: {}),
			},
		};
		entry.goals = { noSlowerThanHttpRequest: entry.ratios.oursToHttpRequest <= 1, within15xOfPlain: entry.ratios.oursToPlain <= 1.5 };
		results.push(entry);
		say(`   ${testCase.node}: ours ÷ HTTP Request ${entry.ratios.oursToHttpRequest.toFixed(2)}×, ours ÷ plain ${entry.ratios.oursToPlain.toFixed(2)}×`);
	}
	return results;
}

// ── 2. Bulk ──────────────────────────────────────────────────────────────────────────────────

async function bulk(ctx) {
	const { services, engine, credentials, settings, say, check } = ctx;
	const n = settings.items;
	const results = [];
	say(`\n2. Bulk: ${n} input items per run, ${settings.runs} runs; the sandbox is reset before each run`);
	for (const testCase of bulkCases(credentials)) {
		const expected = Math.ceil(n / testCase.batch);
		const times = { batched: [], perItem: [] };
		const requests = { batched: [], perItem: [] };
		for (const size of [undefined, 1]) {
			// warm-up, not measured
			await services.call('reset');
			const subject = testCase.subject(size);
			subject.type = `${engine.PACKAGE_NAME}.${subject.type}`;
			await engine.runWorkflow(subject, Array.from({ length: settings.warmup }, (_, i) => testCase.input(i, 'warmup')));
		}
		for (let round = 0; round < settings.runs; round++) {
			const order = round % 2 ? ['perItem', 'batched'] : ['batched', 'perItem'];
			for (const mode of order) {
				await services.call('reset');
				const input = Array.from({ length: n }, (_, i) => testCase.input(i, round));
				const subject = testCase.subject(mode === 'batched' ? undefined : 1);
				subject.type = `${engine.PACKAGE_NAME}.${subject.type}`;
				collectGarbage();
				const { result, count, entries } = await services.counted(() => measure(() => engine.runWorkflow(subject, input)));
				const output = result.result;
				const size = mode === 'batched' ? testCase.batch : 1;
				check(count === (mode === 'batched' ? expected : n), `${testCase.node} ${mode}: ${count} requests, expected ${mode === 'batched' ? expected : n}`);
				check(entries.every((entry) => entry.method === 'POST' && entry.path === testCase.path && entry.status === 200 && entry.items <= size), `${testCase.node} ${mode}: a logged request was not a full POST ${testCase.path} of ≤ ${size} items`);
				const full = entries.slice(0, -1).every((entry) => entry.items === size);
				check(full, `${testCase.node} ${mode}: a request before the last carried fewer than ${size} items`);
				check(output.length === n && output.every((item, i) => item.pairedItem?.item === i && testCase.ok(item.json, input[i])), `${testCase.node} ${mode}: output is not one good item per input item, paired (first: ${JSON.stringify(output[0]?.json).slice(0, 200)})`);
				times[mode].push(result.ms);
				requests[mode].push(count);
			}
			say(`   ${testCase.node} run ${round + 1}/${settings.runs}: ${expected} requests of ${testCase.batch} in ${seconds(times.batched[round])}; ${n} requests of 1 in ${seconds(times.perItem[round])}`);
		}
		const batched = summarize(times.batched);
		const perItem = summarize(times.perItem);
		results.push({
			node: testCase.node,
			operation: testCase.operation,
			items: n,
			batchSize: testCase.batch,
			requests: { batched: requests.batched[0], expected, perItem: requests.perItem[0], countedFrom: 'sandbox request log (sequence numbers between two probe requests)' },
			ms: { batched, perItem },
			speedUp: perItem.median / batched.median,
			speedUpPerRound: summarize(times.perItem.map((ms, round) => ms / times.batched[round])),
		});
	}
	return results;
}

// ── 3. Pagination ────────────────────────────────────────────────────────────────────────────

async function pagination(ctx) {
	const { services, engine, credentials, settings, say, check } = ctx;
	const size = settings.products;
	const perPage = 100;
	const pages = Math.ceil(size / perPage);
	say(`\n3. Pagination: Return All over ${size} Gigrove products (${pages} pages of ${perPage}), ${settings.runs} runs`);
	const { baseUrl } = await services.call('catalog', { size });
	const credential = { ...credentials.gigroveApi, baseUrl };
	const ours = () =>
		engine.runWorkflow({ type: `${engine.PACKAGE_NAME}.gigrove`, parameters: { resource: 'product', operation: 'getMany', returnAll: true }, credentials: { gigroveApi: credential } }, [{}]);
	const plain = async () => {
		const client = plainClient();
		try {
			const output = [];
			for (let page = 1; ; page++) {
				const { json, headers } = await client.send({ method: 'GET', url: `${baseUrl}products/?per_page=${perPage}&page=${page}`, headers: { Accept: 'application/json', Authorization: `Bearer ${credential.accessToken}` } });
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
	let outputBytes;
	for (let round = 0; round < settings.runs; round++) {
		for (const name of round % 2 ? ['plain', 'ours'] : ['ours', 'plain']) {
			await services.call('resetCatalogStats');
			let run = await measure(name === 'ours' ? ours : plain, { memory: true });
			const served = await services.call('catalogStats');
			const records = name === 'ours' ? run.result.map((item) => item.json) : run.result;
			check(records.length === size, `pagination ${name}: ${records.length} records for ${size}`);
			check(served.requests === pages, `pagination ${name}: ${served.requests} pages requested, expected ${pages}`);
			check(new Set([records[0]?.id, records[size - 1]?.id]).size === 2, `pagination ${name}: first and last record are the same`);
			if (outputBytes === undefined && name === 'ours') {
				outputBytes = 0;
				for (const record of records) outputBytes += Buffer.byteLength(JSON.stringify(record));
			}
			runs[name].push({ ms: run.ms, peakHeapGrowth: run.peakGrowth.heapUsed, peakRssGrowth: run.peakGrowth.rss, servedBytes: served.bytes });
			run = undefined;
			collectGarbage();
		}
		const last = (name) => runs[name][round];
		say(`   run ${round + 1}/${settings.runs}: ours ${seconds(last('ours').ms)} (peak heap +${(last('ours').peakHeapGrowth / 1e6).toFixed(0)} MB), plain ${seconds(last('plain').ms)} (peak heap +${(last('plain').peakHeapGrowth / 1e6).toFixed(0)} MB)`);
	}
	await services.call('stopCatalog');
	const pick = (name, key) => summarize(runs[name].map((run) => run[key]));
	const result = {
		products: size,
		pages,
		perPage,
		standIn: 'bench catalog (bench/lib/sandbox-process.js): the sandbox\'s GET products/ contract with cloned stand-in records; the sandbox itself copies and sorts every product on each page',
		outputJsonBytes: outputBytes,
		servedJsonBytes: runs.ours[0].servedBytes,
		ms: { ours: pick('ours', 'ms'), plain: pick('plain', 'ms') },
		peakHeapGrowthBytes: { ours: pick('ours', 'peakHeapGrowth'), plain: pick('plain', 'peakHeapGrowth') },
		peakRssGrowthBytes: { ours: pick('ours', 'peakRssGrowth'), plain: pick('plain', 'peakRssGrowth') },
	};
	result.ratios = {
		oursToPlain: result.ms.ours.median / result.ms.plain.median,
		oursPeakHeapToOutput: result.peakHeapGrowthBytes.ours.median / outputBytes,
		plainPeakHeapToOutput: result.peakHeapGrowthBytes.plain.median / outputBytes,
	};
	say(`   ours ÷ plain ${result.ratios.oursToPlain.toFixed(2)}×; peak heap ${result.ratios.oursPeakHeapToOutput.toFixed(2)}× the output's JSON (${(outputBytes / 1e6).toFixed(1)} MB)`);
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
	const poller = new engine.kit.ActivePoller({ type: 'valigaraTrigger', parameters: { event: 'newOrder', options: { startFrom: START_FROM } }, credentials: { valigaraApi: credentials.valigaraApi } });
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
					headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
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
	say(`\n4. Triggers: Valigara Trigger (New Order), one poll with ${seen} orders already seen, ${polls} polls`);
	const steady = [];
	for (const history of [...new Set([Math.round(seen / 10), seen, seen * 2])]) {
		const scenario = await triggerScenario(ctx, { history, stepSeconds: 60, polls: history === seen ? polls : 2 });
		steady.push(scenario);
		for (const round of scenario.rounds) check(round.emitted === 1, `trigger (history ${history}, one a minute): a poll emitted ${round.emitted} orders, expected 1`);
		say(`   history ${history} (one order a minute): first poll emitted ${scenario.firstPoll.emitted} in ${seconds(scenario.firstPoll.ms)}; then polls of ${scenario.rounds.map((r) => `${r.ms.toFixed(0)} ms`).join(', ')}; saved state ${scenario.rounds.at(-1).stateBytes} bytes`);
	}
	// A burst: more orders within the trigger's 60-minute look-back than the 5 000 keys it remembers.
	const burst = await triggerScenario(ctx, { history: seen, stepSeconds: 3000 / seen, polls: 3 });
	const duplicates = burst.rounds.map((round) => round.emitted - 1);
	say(`   burst: ${seen} orders within the last 50 minutes (inside the 60-minute look-back): polls with one new order emitted ${burst.rounds.map((r) => r.emitted).join(', ')}`);
	for (const extra of duplicates) check(extra === 0, `trigger burst: a poll with one new order emitted ${extra + 1} (${extra} emitted before: duplicates)`);

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
		stateBytesByHistory: Object.fromEntries(steady.map((scenario) => [scenario.history, scenario.rounds.at(-1).stateBytes])),
		firstPollEmittingAll: Object.fromEntries(steady.map((scenario) => [scenario.history, scenario.firstPoll])),
		burst: { history: seen, withinMinutes: 50, emittedPerPoll: burst.rounds.map((round) => round.emitted), duplicates: duplicates.reduce((a, b) => a + b, 0) },
		scenarios: [...steady, burst],
	};
}

module.exports = { perItem, bulk, pagination, triggers, perItemVariants };
