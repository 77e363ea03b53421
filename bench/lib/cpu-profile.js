'use strict';
// Reads a V8 .cpuprofile of the n8n process: where its CPU went, by owner (our package, n8n-core,
// n8n-workflow, n8n's server, axios, the database, Node's core, GC), and the functions that took
// the most time themselves. Also reads the call counts the probe writes (bench/lib/n8n-probe.js).

const fs = require('node:fs');

/** Who a function belongs to, from its script's URL. */
function owner(url, functionName) {
	if (!url) {
		if (functionName === '(garbage collector)') return 'GC';
		if (functionName === '(idle)') return 'idle';
		if (functionName === '(program)') return 'V8 (program: compiling, native code)';
		return 'V8 built-ins';
	}
	if (url.endsWith('/bench/lib/n8n-probe.js')) return 'probe';
	const ours =
		/\/n8n-nodes-commerce-pack\/(?:dist\/)?(nodes\/shared|nodes\/\w+|credentials|node_modules\/zod)\//.exec(
			url,
		);
	if (ours) return `ours: ${ours[1].replace('node_modules/', '')}`;
	if (url.includes('/.n8n/nodes/node_modules/zod/')) return 'ours: zod';
	if (url.includes('/n8n-nodes-bench-floor/')) return 'the floor node';
	if (url.startsWith('node:') || !url.includes('/'))
		return 'Node.js core (http, net, streams, timers, crypto)';
	const rules = [
		[/\/node_modules\/n8n-core\//, 'n8n-core (execution context, request helpers)'],
		[/\/node_modules\/n8n-workflow\//, 'n8n-workflow (expressions, parameters)'],
		[/\/node_modules\/n8n\/dist\//, 'n8n server (credentials helper, webhooks, executions)'],
		[/\/node_modules\/n8n-nodes-base\//, 'n8n-nodes-base (Webhook, Split Out, HTTP Request)'],
		[
			/\/node_modules\/(axios|follow-redirects|form-data|proxy-from-env|combined-stream|asynckit|mime-types)\//,
			'axios + follow-redirects',
		],
		[/\/node_modules\/(@n8n\/typeorm|sqlite3|@n8n\/db|typeorm)\//, 'database (TypeORM, sqlite3)'],
	];
	for (const [pattern, name] of rules) if (pattern.test(url)) return name;
	const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(
		url.slice(url.lastIndexOf('/node_modules/')),
	);
	return pkg ? `other: ${pkg[1]}` : `other: ${url.replace(/^file:\/\//, '')}`;
}

/** Self time (µs) of every profile node, from the samples and their time deltas. */
function selfTimes(profile) {
	const self = new Map();
	profile.samples.forEach((id, index) =>
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
	);
	return self;
}

const shortUrl = (url) =>
	url
		.replace(/^file:\/\//, '')
		.replace(/^.*\/node_modules\//, '')
		.replace(/^.*\/(bench|nodes|credentials)\//, '$1/');

/**
 * The profile of `items` items (over all runs), as shares of the busy time: by owner, the top
 * functions by self time, and the inclusive time of functions matching `inclusive` patterns
 * ([{label, test(frame)}]): the time spent in them and everything they called synchronously.
 */
function analyseProfile(file, { items, top = 15, inclusive = [] }) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const self = selfTimes(profile);
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	// A built-in or native function (no script: a socket's connect, sqlite3's statement, JSON.parse)
	// belongs to the JavaScript that called it; anything under the bench's probe is not n8n's work.
	const owners = new Map();
	const ownerOf = (id) => {
		if (owners.has(id)) return owners.get(id);
		const { url, functionName } = byId.get(id).callFrame;
		let who = owner(url, functionName);
		const up = parent.has(id) ? ownerOf(parent.get(id)) : undefined;
		if (up === 'probe') who = 'probe';
		else if (who === 'V8 built-ins' && up && !['V8 built-ins', '(root)'].includes(up)) who = up;
		else if (!parent.has(id)) who = '(root)';
		owners.set(id, who);
		return who;
	};
	const byOwner = new Map();
	const byFunction = new Map();
	let busy = 0;
	for (const node of profile.nodes) {
		const time = self.get(node.id) ?? 0;
		if (!time) continue;
		const { url, functionName, lineNumber } = node.callFrame;
		const who = ownerOf(node.id);
		if (who === 'idle' || who === 'probe') continue;
		busy += time;
		byOwner.set(who, (byOwner.get(who) ?? 0) + time);
		const key =
			`${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
		const entry = byFunction.get(key) ?? { key, owner: who, time: 0 };
		entry.time += time;
		byFunction.set(key, entry);
	}
	// inclusive: a sample counts once for a pattern when any frame on its stack matches
	const inclusiveTimes = inclusive.map(() => 0);
	const memo = new Map();
	const matches = (id) => {
		if (memo.has(id)) return memo.get(id);
		const node = byId.get(id);
		const up = parent.has(id) ? matches(parent.get(id)) : inclusive.map(() => false);
		const result = inclusive.map((pattern, i) => up[i] || pattern.test(node.callFrame));
		memo.set(id, result);
		return result;
	};
	for (const [id, time] of self) {
		if (['idle', 'probe'].includes(ownerOf(id))) continue;
		matches(id).forEach((hit, i) => {
			if (hit) inclusiveTimes[i] += time;
		});
	}
	const perItem = (us) => us / 1000 / items;
	return {
		busyMsPerItem: perItem(busy),
		owners: [...byOwner]
			.sort((a, b) => b[1] - a[1])
			.map(([name, time]) => ({ name, msPerItem: perItem(time), share: time / busy })),
		topFunctions: [...byFunction.values()]
			.sort((a, b) => b.time - a.time)
			.slice(0, top)
			.map((entry) => ({ ...entry, msPerItem: perItem(entry.time), share: entry.time / busy })),
		inclusive: inclusive.map((pattern, i) => ({
			label: pattern.label,
			msPerItem: perItem(inclusiveTimes[i]),
			share: inclusiveTimes[i] / busy,
		})),
	};
}

/** Calls per item of the functions matching each of `patterns` ([{label, test({url, functionName})}]). */
function callsPerItem(file, { items, patterns }) {
	const counts = JSON.parse(fs.readFileSync(file, 'utf8'));
	return patterns.map((pattern) => {
		const hits = counts.filter((entry) => pattern.test(entry));
		return {
			label: pattern.label,
			perItem: hits.reduce((sum, entry) => sum + entry.count, 0) / items,
			functions: hits.map(
				(entry) => `${entry.functionName} ${shortUrl(entry.url)} ×${entry.count}`,
			),
		};
	});
}

module.exports = { analyseProfile, callsPerItem, owner };
