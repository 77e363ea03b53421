'use strict';
// The real n8n the bench measures in: the one `npm start` installs (scripts/lib/n8n-runtime.js,
// .runtime/n8n-<line>), in a user folder of its own, with
//   - our package installed as users install it (`npm pack` → <userFolder>/.n8n/nodes, as
//     `npm start` and the e2e suite do), and beside it the bench's floor package
//     (bench/n8n-nodes-bench-floor);
//   - the credentials imported (`n8n import:credentials`, encrypted in its sqlite database, as a
//     user's are) and one webhook workflow per measured node: Webhook (POST, answers with the last
//     node's output) → Split Out of the posted items → the node;
//   - `n8n start` as a server, driven by POSTs to the production webhooks.
// Why a server and webhooks, not `n8n execute` per run: see bench/README.md ("How n8n is driven").

const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const rt = require(path.join(ROOT, 'scripts', 'lib', 'n8n-runtime'));

const FLOOR_PACKAGE = path.join(__dirname, '..', 'n8n-nodes-bench-floor');
const PROBE = path.join(__dirname, 'n8n-probe.js');
/** Versions of n8n's own nodes as a new node gets them in each line's editor (checked at setup). */
const TYPE_VERSIONS = { 'n8n-nodes-base.webhook': 2, 'n8n-nodes-base.splitOut': 1 };

// ── Ports: the bench's own range, so nothing it starts lands on another engineer's port ────────

const PORT_RANGE = [5700, 5799];
const taken = new Set();

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A free port in 5700–5799 not handed out before by this process. */
async function benchPort() {
	for (let port = PORT_RANGE[0]; port <= PORT_RANGE[1]; port++) {
		if (taken.has(port)) continue;
		if (await portFree(port)) {
			taken.add(port);
			return port;
		}
	}
	throw new Error(`no free port in ${PORT_RANGE.join('–')}`);
}

// ── Workflows and credentials ─────────────────────────────────────────────────────────────────

const shortHash = (text, length) =>
	crypto.createHash('sha1').update(text).digest('hex').slice(0, length);
/** A stable credential ID (≤ 16 characters) for one type and its data: the same data, one credential. */
const credentialId = (type, data) => `b${shortHash(`${type}\n${JSON.stringify(data)}`, 15)}`;

function nodeId(seed) {
	const hex = shortHash(seed, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * One bench workflow: Webhook (POST /webhook/<path>, answering with the last node's output when it
 * has run) → Split Out of `body.items` (when `split`) → the subject node. Executions that succeed
 * are not saved (so the figure is the nodes' work, not sqlite writing 10 000 items); failed ones are.
 * `respond`: 'firstEntryJson' for timed runs, 'allEntries' for the runs that check the output.
 */
function benchWorkflow({ path: webhookPath, subject, respond, split = true, typeVersions }) {
	const id = `w${shortHash(webhookPath, 15)}`;
	const webhook = {
		id: nodeId(`${id}/webhook`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: TYPE_VERSIONS['n8n-nodes-base.webhook'],
		position: [0, 0],
		webhookId: nodeId(`${id}/webhookId`),
		parameters: {
			httpMethod: 'POST',
			path: webhookPath,
			responseMode: 'lastNode',
			responseData: respond,
			options: {},
		},
	};
	const splitOut = {
		id: nodeId(`${id}/split`),
		name: 'Items',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: TYPE_VERSIONS['n8n-nodes-base.splitOut'],
		position: [220, 0],
		parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
	};
	const node = {
		id: nodeId(`${id}/subject`),
		name: 'Subject',
		type: subject.type,
		typeVersion: subject.typeVersion ?? typeVersions[subject.type] ?? 1,
		position: [440, 0],
		parameters: subject.parameters,
		credentials: Object.fromEntries(
			Object.entries(subject.credentials ?? {}).map(([type, data]) => {
				const credential = credentialId(type, data);
				return [type, { id: credential, name: `Bench ${type} ${credential}` }];
			}),
		),
	};
	const nodes = split ? [webhook, splitOut, node] : [webhook, node];
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++)
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return {
		id,
		name: `Bench ${webhookPath}`,
		nodes,
		connections,
		active: false,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'none',
			saveDataErrorExecution: 'all',
			saveManualExecutions: false,
			saveExecutionProgress: false,
		},
	};
}

/** Every credential the subjects use, once each, as `n8n import:credentials` takes them. */
function credentialsOf(subjects) {
	const byId = new Map();
	for (const subject of subjects) {
		for (const [type, data] of Object.entries(subject.credentials ?? {})) {
			const id = credentialId(type, data);
			byId.set(id, { id, name: `Bench ${type} ${id}`, type, data });
		}
	}
	return [...byId.values()];
}

// ── The process ───────────────────────────────────────────────────────────────────────────────

/** user time + system time of a process so far, in ms (from /proc/<pid>/stat; clock ticks of 10 ms) */
function cpuMs(pid) {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A field of /proc/<pid>/status in bytes (VmRSS, VmHWM). */
function statusBytes(pid, field) {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
		fs.readFileSync(`/proc/${pid}/status`, 'utf8'),
	);
	if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
	return Number(match[1]) * 1024;
}

/**
 * Sets up a user folder for n8n `line` and starts it. `subjects`: [{path, subject, respond, split}]
 * (the workflows to import and activate). `packageDir`: the built package to install (default this
 * project). Returns the running n8n's handle.
 */
async function startBenchN8n({ line, subjects, packageDir, say }) {
	rt.ensureN8n(line);
	const typeVersions = { 'n8n-nodes-base.httpRequest': httpRequestVersion(line) };
	const userFolder = rt.tempUserFolder('commerce-pack-bench-n8n-');
	const port = await benchPort();
	const probePort = await benchPort();
	const brokerPort = String(line) === '2' ? await benchPort() : undefined;
	const cliBrokerPort = String(line) === '2' ? await benchPort() : undefined;
	let server;
	const start = () =>
		rt.startN8n(line, {
			userFolder,
			port,
			brokerPort,
			nodeArgs: ['--expose-gc', '--require', PROBE],
			extra: { BENCH_PROBE_PORT: String(probePort), NO_PROXY: '*' },
		});
	try {
		const installed = rt.installPackage(line, userFolder, { packageDir });
		fs.cpSync(
			FLOOR_PACKAGE,
			path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-bench-floor'),
			{ recursive: true },
		);
		const workflows = subjects.map((entry) => benchWorkflow({ ...entry, typeVersions }));
		const cliOptions = { userFolder, brokerPort: cliBrokerPort };
		await rt.importCredentials(
			line,
			credentialsOf(subjects.map((entry) => entry.subject)),
			cliOptions,
		);
		await rt.importWorkflow(line, workflows, cliOptions);
		say(
			`   n8n ${rt.LINES[line].n8n}: ${path.basename(installed)} (npm pack) and n8n-nodes-bench-floor installed in ${userFolder}/.n8n/nodes; ${workflows.length} workflows imported`,
		);

		server = await start();
		const { apiKey } = await rt.ownerSession(server.baseUrl);
		for (const workflow of workflows) {
			await rt.restJson(server.baseUrl, 'POST', `/api/v1/workflows/${workflow.id}/activate`, {
				headers: { 'X-N8N-API-KEY': apiKey },
			});
		}
	} catch (error) {
		await server?.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
	const probe = async (route) => {
		const response = await fetch(`http://127.0.0.1:${probePort}${route}`, { method: 'POST' });
		const body = await response.json();
		if (!response.ok) throw new Error(`n8n probe ${route}: ${body.error}`);
		return body;
	};
	let { pid } = server;
	return {
		line: String(line),
		version: rt.LINES[line].n8n,
		nodeVersion: require('node:child_process')
			.execFileSync(rt.nodeBin(line), ['-v'], { encoding: 'utf8' })
			.trim(),
		httpRequestVersion: typeVersions['n8n-nodes-base.httpRequest'],
		get pid() {
			return pid;
		},
		baseUrl: server.baseUrl,
		logFile: server.logFile,
		/**
		 * POSTs `items` to the workflow at `webhookPath` and waits for its answer. Returns the wall
		 * time (ms), the n8n process's CPU time (ms) and the answer's JSON. A failed execution throws.
		 */
		async run(webhookPath, items) {
			const body = JSON.stringify({ items });
			const cpuBefore = cpuMs(pid);
			const start = process.hrtime.bigint();
			const response = await fetch(`${server.baseUrl}/webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body,
			});
			const text = await response.text();
			const ms = Number(process.hrtime.bigint() - start) / 1e6;
			const cpu = cpuMs(pid) - cpuBefore;
			if (!response.ok)
				throw new Error(`${webhookPath}: HTTP ${response.status} ${text.slice(0, 300)}`);
			return { ms, cpuMs: cpu, json: text ? JSON.parse(text) : undefined };
		},
		/** Collects garbage in n8n and starts a new peak: VmHWM from here on is this run's peak RSS. */
		async freshPeak() {
			await probe('/gc');
			fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
			return statusBytes(pid, 'VmRSS');
		},
		peakRss: () => statusBytes(pid, 'VmHWM'),
		startProfile: (intervalUs = 200) => probe(`/profile/start?interval=${intervalUs}`),
		stopProfile: (file) => probe(`/profile/stop?file=${encodeURIComponent(file)}`),
		startCounting: () => probe('/calls/start'),
		stopCounting: (file) => probe(`/calls/stop?file=${encodeURIComponent(file)}`),
		/** A new n8n process on the same data and ports (its workflows stay active): a fresh heap. */
		async restart() {
			await server.stop();
			server = await start();
			pid = server.pid;
		},
		async stop() {
			await server.stop();
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** The HTTP Request node's version a new node gets in this line's editor (its defaultVersion). */
function httpRequestVersion(line) {
	const file = path.join(
		rt.RUNTIME_DIR,
		`n8n-${line}`,
		'node_modules',
		'n8n-nodes-base',
		'dist',
		'nodes',
		'HttpRequest',
		'HttpRequest.node.js',
	);
	const match = /defaultVersion:\s*([\d.]+)/.exec(fs.readFileSync(file, 'utf8'));
	if (!match) throw new Error(`no defaultVersion in ${file}`);
	return Number(match[1]);
}

module.exports = { startBenchN8n, benchPort, credentialId };
