#!/usr/bin/env node
'use strict';
// node scripts/queue-mode.js [--line 1|2|both] [--keep] [--executions N] [--items N] [--concurrency N]
//
// This package in n8n's queue mode (scaling mode), per line (1.123.81 on Node 20, 2.41.1 on
// Node 24): Redis and PostgreSQL from Debian's packages, one main (`n8n start`) and two
// workers (`n8n worker`), against the local sandbox. Everything listens on 127.0.0.1 and is
// stopped at the end, on an error and on Ctrl+C. See docs/queue-mode.md.
//
//   setup      redis-server and a throwaway PostgreSQL cluster on free ports; the package
//              packed and installed into the main's user folder (copied to each worker's);
//              the sandbox credentials and workflows imported; main and 2 workers started
//   execute    a Webhook-triggered copy of every example workflow: each run goes through
//              the queue to a worker (the logs say which), ends successfully, and the sandbox
//              saw what e2e/expectations.js expects of each node; Gigrove's key + secret token,
//              fetched by one worker, is reused and refreshed from any worker
//   manual     an editor run ("Execute workflow") is offloaded to a worker too
//              (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true)
//   triggers   Valigara Trigger and Gigrove Trigger active on the main: the activation poll
//              emits nothing (not even events added before activation); new events come
//              through exactly once, in one execution on one worker, after a re-activation
//              and after a scheduled poll (the every-minute timer); another poll: nothing
//   per-item   N concurrent webhook runs of Split Out → Gigrove Product › Get over M items,
//              end to end (first call to the last execution's end), with 1 worker, then 2
//
// Ends with `N passed, N failed`; exit code non-zero on any failure. Logs, executions and
// the figures: artifacts/queue-mode/line-<N>/.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const rt = require('./lib/n8n-runtime');
const qm = require('./lib/queue-mode');
const { sandboxCredentials, exampleWorkflows } = require('./sandbox-setup');
const { Report, seconds } = require('../e2e/lib/report');
const { startSandbox } = require('../e2e/lib/sandbox');
const EXPECT = require('../e2e/expectations');
const { e2eCredentials, e2eWorkflows, TOKEN_WORKFLOW_ID } = require('../e2e/workflows');
const { TRIGGERS } = require('../e2e/parts/triggers');
const { checkNodes, ownType, operationLabel } = require('../e2e/parts/execute');
const { dig, slug } = require('../e2e/lib/util');

const ARTIFACTS_DIR = path.join(rt.PROJECT_DIR, 'artifacts', 'queue-mode');
const { sleep, waitUntil } = rt;
const DONE = ['success', 'error', 'crashed', 'canceled'];
const isDone = (e) => Boolean(e.stoppedAt) && DONE.includes(e.status);

// The production-triggered copies: Webhook instead of Manual Trigger (ids ≤ 16 characters).
const COPIES = [
	{ from: 'sbxWfValigara', id: 'qmWfValigara', path: 'qm-valigara', label: 'Valigara' },
	{ from: 'sbxWfVanilla', id: 'qmWfVanilla', path: 'qm-vanilla', label: 'Vanilla eShop' },
	{ from: 'sbxWfGigrove', id: 'qmWfGigrove', path: 'qm-gigrove', label: 'Gigrove' },
	{
		from: 'sbxWfGuarRev',
		id: 'qmWfGuarRev',
		path: 'qm-guaranteed-reviews',
		label: 'Guaranteed Reviews',
	},
];
const TOKEN_COPY = {
	from: TOKEN_WORKFLOW_ID,
	id: 'qmWfGigToken',
	path: 'qm-gigrove-token',
	label: 'Gigrove (API key + secret)',
};
const BENCH = { id: 'qmWfBench', path: 'qm-bench' };
const MANUAL_WORKFLOW = 'sbxWfGuarRev';
const GIGROVE_PRODUCT_IDS = [
	5694268, 5694269, 5694270, 5694271, 5694272, 5694273, 5694274, 5694275, 5694276, 5694277, 5694278,
	5694279,
];

// ---------------------------------------------------------------- cleanups and signals

const cleanups = new rt.Cleanups('queue-mode');
const onCleanup = (what, fn) => cleanups.push(fn, what);

let interrupted = false;
let keeping = false;
let wakeKeep = () => {};
rt.onStopSignal(async (signal) => {
	interrupted = true;
	if (keeping) {
		wakeKeep();
		return;
	}
	process.stderr.write(
		`\n[queue-mode] ${signal}: stopping n8n, the workers, Redis, PostgreSQL and the sandbox\n`,
	);
	await cleanups.run();
	process.stdout.write('0 passed, 1 failed\n');
	process.exit(130);
});

// ---------------------------------------------------------------- build

/** Builds dist/ (npm run build) when it is missing or older than a source file. */
function ensureBuilt(report) {
	const newest = (dir, filter) => {
		let max = 0;
		const walk = (d) => {
			for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
				const p = path.join(d, entry.name);
				if (entry.isDirectory()) walk(p);
				else if (filter(entry.name)) max = Math.max(max, fs.statSync(p).mtimeMs);
			}
		};
		if (fs.existsSync(dir)) walk(dir);
		return max;
	};
	const dist = path.join(rt.PROJECT_DIR, 'dist');
	const sources = Math.max(
		...['nodes', 'credentials'].map((d) =>
			newest(path.join(rt.PROJECT_DIR, d), (n) => /\.(ts|svg|json)$/.test(n)),
		),
		fs.statSync(path.join(rt.PROJECT_DIR, 'package.json')).mtimeMs,
	);
	const built = newest(dist, () => true);
	if (built && built >= sources) {
		report.print('   dist/ is up to date');
		return;
	}
	report.print(
		`   ${built ? 'dist/ is older than the sources' : 'dist/ is missing'}: npm run build`,
	);
	const res = spawnSync('npm', ['run', 'build'], { cwd: rt.PROJECT_DIR, encoding: 'utf8' });
	if (res.status !== 0)
		throw new Error(
			`npm run build failed (exit ${res.status}):\n${(res.stdout + res.stderr).slice(-3000)}`,
		);
}

// ---------------------------------------------------------------- one line

async function runLine(line, report, options) {
	const artifacts = path.join(ARTIFACTS_DIR, `line-${line}`);
	fs.rmSync(artifacts, { recursive: true, force: true });
	fs.mkdirSync(artifacts, { recursive: true });
	const ctx = { line, report, options, artifacts, workers: {}, figures: {} };
	const save = (name, data) =>
		fs.writeFileSync(
			path.join(artifacts, name),
			typeof data === 'string' ? data : JSON.stringify(data, null, 2),
		);
	ctx.save = save;
	report.print(
		`\n════ n8n ${rt.LINES[line].n8n} in queue mode (line ${line}, Node ${line === '2' ? rt.LINES[2].node : process.versions.node}): 1 main, 2 workers, Redis, ${options.db === 'sqlite' ? 'one SQLite file' : 'PostgreSQL'}`,
	);
	const started = Date.now();
	try {
		const ready = await report.time(
			line,
			'setup (Redis, PostgreSQL, n8n main + 2 workers)',
			() => setup(ctx),
			{ rethrow: false },
		);
		if (!ready) return;
		await report.time(line, 'execute: every operation on a worker', () => executeAll(ctx));
		await report.time(line, 'manual run offloaded to a worker', () => manualRun(ctx));
		await report.time(line, 'triggers: exactly once', () => triggers(ctx));
		if (!options.skipBench)
			await report.time(line, 'per-item figure, 1 and 2 workers', () => perItem(ctx));
		if (options.keep) await keepRunning(ctx);
	} finally {
		await report.time(line, 'stop everything', () => cleanups.run((m) => report.print(m)));
		ctx.figures.seconds = Math.round((Date.now() - started) / 100) / 10;
		save('figures.json', ctx.figures);
		report.print(`   line ${line}: ${seconds(Date.now() - started)} in all`);
	}
	return ctx.figures;
}

// ---------------------------------------------------------------- setup

async function setup(ctx) {
	const { line, artifacts, options } = ctx;
	const scope = `line ${line} · setup`;
	// report.check, with the time each step took in its line
	const report = {
		print: (t) => ctx.report.print(t),
		check: async (sc, what, fn) => {
			const started = Date.now();
			let problems;
			try {
				problems = await fn();
			} catch (err) {
				ctx.report.fail(sc, `${what} (${seconds(Date.now() - started)})`, err);
				return false;
			}
			return ctx.report.expect(
				sc,
				`${what} (${seconds(Date.now() - started)})`,
				Array.isArray(problems) ? problems : [],
			);
		},
	};
	const note = (m) => report.print(`    note: ${m}`);
	rt.ensureN8n(line);

	ctx.sandbox = await startSandbox();
	onCleanup('the sandbox', () => ctx.sandbox.stop());

	await report.check(
		scope,
		'redis-server (Debian) on a free loopback port, no persistence',
		async () => {
			ctx.redis = await qm.startRedis({
				logFile: path.join(artifacts, 'redis.log'),
				log: (m) => report.print(`   ${m}`),
			});
			onCleanup('redis-server', () => ctx.redis.stop());
			report.print(
				`   redis ${ctx.redis.version} on 127.0.0.1:${ctx.redis.port} (pid ${ctx.redis.pid})`,
			);
		},
	);
	if (options.db === 'sqlite') {
		// Not supported by n8n (it warns); here to show what happens. One file for every process.
		const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'n8n-queue-sqlite-'));
		onCleanup('the SQLite folder', () => fs.rmSync(dir, { recursive: true, force: true }));
		ctx.sqliteFile = path.join(dir, 'database.sqlite');
		report.print(`   --db sqlite: main, workers and imports all on ${ctx.sqliteFile}`);
	} else {
		await report.check(
			scope,
			'PostgreSQL (Debian) cluster in a temporary folder, database n8n',
			async () => {
				ctx.postgres = await qm.startPostgres({
					logFile: path.join(artifacts, 'postgres.log'),
					log: (m) => report.print(`   ${m}`),
				});
				onCleanup('PostgreSQL', () => ctx.postgres.stop());
				report.print(
					`   PostgreSQL ${ctx.postgres.version} on 127.0.0.1:${ctx.postgres.port} (pid ${ctx.postgres.pid})`,
				);
			},
		);
	}
	if (!ctx.redis || !(ctx.postgres || ctx.sqliteFile))
		throw new Error('Redis or PostgreSQL did not start');

	ctx.userFolder = rt.tempUserFolder('n8n-commerce-pack-queue-main-');
	onCleanup('the main user folder', () =>
		fs.rmSync(ctx.userFolder, { recursive: true, force: true }),
	);
	await report.check(
		scope,
		"npm pack → the main's community-nodes folder, copied to each worker's",
		() => {
			rt.installPackage(line, ctx.userFolder);
			ctx.workerFolders = {};
			for (const name of ['worker-1', 'worker-2']) {
				ctx.workerFolders[name] = qm.workerUserFolder(ctx.userFolder, name);
				onCleanup(`the ${name} user folder`, () =>
					fs.rmSync(ctx.workerFolders[name], { recursive: true, force: true }),
				);
			}
		},
	);

	// Imports write to the shared database (CLI commands need no Redis).
	const cliOpts = {
		userFolder: ctx.userFolder,
		extra: qm.sharedEnv({ ...ctx, withQueue: false }),
		onRetry: note,
	};
	const originals = exampleWorkflows();
	const byId = Object.fromEntries([...originals, ...e2eWorkflows()].map((w) => [w.id, w]));
	ctx.copies = [...COPIES, TOKEN_COPY].map((c) => ({
		...c,
		workflow: qm.webhookCopy(byId[c.from], c),
		original: byId[c.from],
	}));
	const credentials = [
		...sandboxCredentials(ctx.sandbox.baseUrl),
		...e2eCredentials(ctx.sandbox.baseUrl),
	];
	const gigrove = credentials.find((c) => c.type === 'gigroveApi'); // the sandbox's (Bearer token) comes first
	ctx.bench = qm.benchWorkflow({ ...BENCH, credential: { id: gigrove.id, name: gigrove.name } });
	ctx.triggerWorkflows = originals.filter((w) =>
		w.nodes.some((n) => /Trigger$/.test(ownType(n) || '')),
	);
	ctx.originals = byId;
	const workflows = [...originals, ...ctx.copies.map((c) => c.workflow), ctx.bench];
	ctx.save('workflows.json', workflows);
	const dbName = ctx.postgres ? 'PostgreSQL' : 'SQLite';
	await report.check(scope, `n8n import:credentials (${credentials.length}) into ${dbName}`, () =>
		rt.importCredentials(line, credentials, cliOpts),
	);
	await report.check(
		scope,
		`n8n import:workflow (${workflows.length}: the examples, their webhook copies, the per-item workflow)`,
		() => rt.importWorkflow(line, workflows, cliOpts),
	);

	// The main and the workers start side by side: the imports have migrated the database.
	const extra = qm.sharedEnv(ctx);
	await Promise.all([
		report.check(scope, 'main: n8n start with EXECUTIONS_MODE=queue', async () => {
			ctx.server = await rt.startN8n(line, {
				userFolder: ctx.userFolder,
				logFile: path.join(artifacts, 'main.log'),
				extra,
				onRetry: note,
				timeoutMs: 180000,
			});
			onCleanup('the n8n main', () => ctx.server.stop());
			report.print(`   main on ${ctx.server.baseUrl} (pid ${ctx.server.pid})`);
		}),
		report.check(
			scope,
			`2 workers: n8n worker --concurrency=${options.concurrency}, ready on their health ports`,
			async () => {
				await Promise.all(['worker-1', 'worker-2'].map((name) => startWorker(ctx, name)));
			},
		),
	]);
	if (!ctx.server) throw new Error('the main did not start');
	if (Object.keys(ctx.workers).length !== 2) throw new Error('the workers did not start');

	ctx.session = await rt.ownerSession(ctx.server.baseUrl);
	ctx.api = (method, urlPath, body) =>
		rt
			.restJson(ctx.server.baseUrl, method, urlPath, {
				body,
				headers: { 'X-N8N-API-KEY': ctx.session.apiKey },
			})
			.then((r) => r.json);
	await report.check(
		scope,
		`the main and both workers run in queue mode on ${dbName}, with this package loaded`,
		() => {
			const problems = [];
			const mainLog = qm.readLog(ctx.server.logFile);
			if (ctx.postgres && /Scaling mode is not officially supported with sqlite/.test(mainLog))
				problems.push('the main runs on SQLite');
			for (const [name, w] of Object.entries(ctx.workers)) {
				const log = qm.readLog(w.logFile);
				if (!log.includes('n8n worker is now ready')) problems.push(`${name}: not ready`);
				if (/Unrecognized node type|could not be loaded|Error loading package/i.test(log))
					problems.push(
						`${name} could not load a node: ${(/.*(Unrecognized node type|could not be loaded|Error loading package).*/i.exec(log) || [''])[0]}`,
					);
			}
			if (ctx.postgres) {
				const tables = ctx.postgres.query(
					"select count(*) from information_schema.tables where table_name in ('execution_entity','workflow_entity','credentials_entity')",
				);
				if (tables !== '3') problems.push(`PostgreSQL has ${tables} of n8n's 3 main tables`);
			} else if (!/Scaling mode is not officially supported with sqlite/.test(mainLog))
				problems.push('--db sqlite, but the main does not warn about SQLite: is it on SQLite?');
			return problems;
		},
	);
	return true;
}

async function startWorker(ctx, name) {
	const worker = await qm.startWorker(ctx.line, {
		name,
		userFolder: ctx.workerFolders[name],
		logFile: path.join(ctx.artifacts, `${name}.log`),
		concurrency: ctx.options.concurrency,
		redis: ctx.redis,
		postgres: ctx.postgres,
		sqliteFile: ctx.sqliteFile,
		onRetry: (m) => ctx.report.print(`    note: ${m}`),
	});
	ctx.workers[name] = worker;
	onCleanup(`n8n ${name}`, () => worker.stop());
	ctx.report.print(
		`   ${name} pid ${worker.pid}, health port ${worker.healthPort}${worker.brokerPort ? `, task broker port ${worker.brokerPort}` : ''}`,
	);
	return worker;
}

const WORKER_NAMES = ['worker-1', 'worker-2'];
function evidence(ctx) {
	return qm.executionEvidence({
		mainLog: ctx.server.logFile,
		workerLogs: Object.fromEntries(
			WORKER_NAMES.map((n) => [n, path.join(ctx.artifacts, `${n}.log`)]),
		),
	});
}

// ---------------------------------------------------------------- public API helpers

/** Every execution of a workflow (newest first), through the public API's cursor. */
async function executionsOf(ctx, workflowId, { includeData = false } = {}) {
	const all = [];
	let cursor;
	do {
		const qs = new URLSearchParams({
			workflowId,
			includeData: String(includeData),
			limit: includeData ? '50' : '250',
		});
		if (cursor) qs.set('cursor', cursor);
		const page = await ctx.api('GET', `/api/v1/executions?${qs}`);
		all.push(...page.data);
		cursor = page.nextCursor;
	} while (cursor);
	return all;
}

/** Waits until `workflowId` has at least n executions, all ended (with data when includeData). */
async function waitForExecutions(
	ctx,
	workflowId,
	n,
	{ timeoutMs = 60000, includeData = true, filter = () => true } = {},
) {
	return waitUntil(
		`${n} ended execution(s) of ${workflowId}`,
		async () => {
			const list = (await executionsOf(ctx, workflowId, { includeData })).filter(filter);
			return list.length >= n && list.every((e) => isDone(e) && (!includeData || e.data))
				? list
				: null;
		},
		{ timeoutMs, everyMs: 500 },
	);
}

/**
 * POST /webhook/<path> on the main. n8n 2.41 registers a workflow's webhooks a moment after
 * the public API says it is active (its publication outbox): until then the main answers
 * 404 "not registered" and starts nothing, so such a call is repeated, for up to 60 s.
 */
async function callWebhook(ctx, webhookPath, body = {}) {
	const deadline = Date.now() + 60000;
	for (;;) {
		try {
			return (
				await rt.fetchJson(`${ctx.server.baseUrl}/webhook/${webhookPath}`, {
					method: 'POST',
					body,
					what: `POST /webhook/${webhookPath}`,
				})
			).text;
		} catch (err) {
			if (err.status !== 404 || !/is not registered/.test(err.text) || Date.now() > deadline)
				throw err;
		}
		await sleep(250);
	}
}

const activate = (ctx, id) => ctx.api('POST', `/api/v1/workflows/${id}/activate`);
const deactivate = (ctx, id) => ctx.api('POST', `/api/v1/workflows/${id}/deactivate`);

function workerProblems(ctx, executions) {
	const ev = evidence(ctx);
	const problems = [];
	const ranOn = {};
	for (const e of executions) {
		const { worker, problems: p } = qm.ranOnOneWorker(ev, e.id);
		problems.push(...p);
		if (worker) ranOn[e.id] = worker;
	}
	return { problems, ranOn };
}

// ---------------------------------------------------------------- part: execute

async function executeAll(ctx) {
	for (const copy of COPIES.map((c) => ctx.copies.find((x) => x.id === c.id)))
		await executeOne(ctx, copy);
	await tokenRefresh(ctx);
}

/** Runs a webhook copy once; resolves { execution, calls, worker, problems }. */
async function runCopy(ctx, copy, { service } = {}) {
	const { sandbox } = ctx;
	const before = (await executionsOf(ctx, copy.id)).length;
	const since = await sandbox.lastSeq();
	await callWebhook(ctx, copy.path, { from: 'queue-mode' });
	const list = await waitForExecutions(ctx, copy.id, before + 1, { timeoutMs: 90000 });
	const execution = list[0];
	const calls = await sandbox.log({ since, service });
	const { problems, ranOn } = workerProblems(ctx, [execution]);
	return { execution, calls, worker: ranOn[execution.id], problems };
}

async function executeOne(ctx, copy) {
	const { line, report } = ctx;
	const scope = `line ${line} · execute › ${copy.label}`;
	const expect = EXPECT[copy.from] || { steps: {} };
	const ourNodes = copy.workflow.nodes.filter(ownType);
	let run;
	const ok = await report.check(
		scope,
		`webhook run of ${copy.id}: enqueued by the main, run by one worker, success`,
		async () => {
			await activate(ctx, copy.id);
			run = await runCopy(ctx, copy);
			ctx.save(`execute-${slug(copy.id)}.json`, run.execution);
			ctx.save(`execute-${slug(copy.id)}-sandbox-log.json`, run.calls);
			const problems = [...run.problems];
			if (run.execution.mode !== 'webhook')
				problems.push(`mode ${run.execution.mode}, want webhook`);
			if (run.execution.status !== 'success') {
				const error = dig(run.execution, 'data', 'resultData', 'error');
				problems.push(
					`status ${run.execution.status}${error ? `: ${error.message}${error.description ? ` — ${error.description}` : ''} (node ${dig(error, 'node', 'name') || '?'})` : ''}`,
				);
			}
			if (run.worker) report.print(`    execution ${run.execution.id} ran on ${run.worker}`);
			return problems;
		},
	);
	const runData = dig(run, 'execution', 'data', 'resultData', 'runData');
	if (!ok && !runData) {
		for (const node of ourNodes) report.fail(scope, operationLabel(node), 'did not run');
		return;
	}
	await checkNodes(report, scope, {
		nodes: ourNodes,
		runData,
		calls: run.calls,
		expect,
		where: ` on ${run.worker || 'a worker'}`,
	});
}

// Gigrove with API key + secret: the token one worker fetched is stored in the shared
// database; the next run (on whichever worker) uses it; after the sandbox expires it,
// the next run gets a 401, fetches a new one once and repeats the request.
async function tokenRefresh(ctx) {
	const { line, report, sandbox } = ctx;
	const copy = ctx.copies.find((c) => c.id === TOKEN_COPY.id);
	const scope = `line ${line} · execute › ${copy.label}`;
	const TOKEN = /^\/gigrove\/api\/wp\/v2\/token\/?$/;
	const LIST = /^\/gigrove\/api\/request\/v1\/notifications\/?$/;
	await activate(ctx, copy.id);
	const ranOn = [];
	const run = async (name, expected) => {
		const r = await runCopy(ctx, copy, { service: 'gigrove' });
		ctx.save(`execute-${slug(copy.id)}-${name}.json`, { execution: r.execution, calls: r.calls });
		ranOn.push(r.worker);
		const seen = r.calls
			.filter((c) => TOKEN.test(c.path) || LIST.test(c.path))
			.map((c) => `${c.method} ${TOKEN.test(c.path) ? 'token' : 'notifications'} ${c.status}`);
		const problems = [...r.problems];
		if (r.execution.status !== 'success')
			problems.push(
				`status ${r.execution.status}: ${dig(r.execution, 'data', 'resultData', 'error', 'message') || ''}`,
			);
		const got =
			dig(
				r.execution,
				'data',
				'resultData',
				'runData',
				'Get Notifications',
				0,
				'data',
				'main',
				0,
			) || [];
		if (got.length !== 2) problems.push(`${got.length} output items, want 2`);
		if (JSON.stringify(seen) !== JSON.stringify(expected))
			problems.push(`requests ${JSON.stringify(seen)}, want ${JSON.stringify(expected)}`);
		if (r.worker) report.print(`    execution ${r.execution.id} ran on ${r.worker}`);
		return problems;
	};
	await report.check(
		scope,
		'first run: a worker exchanges key + secret for a token, then lists',
		() => run('1-first', ['POST token 200', 'GET notifications 200']),
	);
	await report.check(
		scope,
		'second run: the stored token is used (from the database), no new exchange',
		() => run('2-stored', ['GET notifications 200']),
	);
	await report.check(
		scope,
		'after the tokens expire: a 401, one new token, the request again',
		async () => {
			await sandbox.control('gigrove/expire-tokens', {});
			return run('3-expired', ['GET notifications 401', 'POST token 200', 'GET notifications 200']);
		},
	);
	report.print(`    the three runs ran on ${ranOn.map((w) => w || '?').join(', ')}`);
}

// ---------------------------------------------------------------- part: manual run

// The editor's "Execute workflow" (POST /rest/workflows/<id>/run, a manual execution): with
// OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true the main enqueues it like a production run.
async function manualRun(ctx) {
	const { line, report, server, session } = ctx;
	const wf = ctx.originals[MANUAL_WORKFLOW];
	const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	await report.check(
		`line ${line} · manual run`,
		`"Execute workflow" of ${wf.id} in the editor runs on a worker (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true)`,
		async () => {
			const { json: stored } = await rt.restJson(
				server.baseUrl,
				'GET',
				`/rest/workflows/${wf.id}`,
				{ cookie: session.cookie },
			);
			const { json: started } = await rt.restJson(
				server.baseUrl,
				'POST',
				`/rest/workflows/${wf.id}/run`,
				{
					cookie: session.cookie,
					body: { workflowData: stored.data, triggerToStartFrom: { name: trigger.name } },
				},
			);
			const id = dig(started, 'data', 'executionId');
			if (!id)
				return [
					`POST /rest/workflows/${wf.id}/run answered ${JSON.stringify(started).slice(0, 300)}`,
				];
			const execution = await waitUntil(
				`manual execution ${id} to end`,
				async () => {
					const e = await ctx.api('GET', `/api/v1/executions/${id}?includeData=true`);
					return isDone(e) && e.data ? e : null;
				},
				{ timeoutMs: 90000, everyMs: 500 },
			);
			ctx.save('manual-run.json', execution);
			const { problems, ranOn } = workerProblems(ctx, [execution]);
			if (execution.mode !== 'manual') problems.push(`mode ${execution.mode}, want manual`);
			if (execution.status !== 'success')
				problems.push(
					`status ${execution.status}: ${dig(execution, 'data', 'resultData', 'error', 'message') || ''}`,
				);
			const ran = Object.keys(dig(execution, 'data', 'resultData', 'runData') || {});
			const want = wf.nodes.map((n) => n.name);
			const missing = want.filter((n) => !ran.includes(n));
			if (missing.length) problems.push(`nodes that did not run: ${missing.join(', ')}`);
			if (ranOn[id]) report.print(`    execution ${id} ran on ${ranOn[id]}`);
			return problems;
		},
	);
}

// ---------------------------------------------------------------- part: triggers

async function triggers(ctx) {
	const { line, report, sandbox } = ctx;
	const items = (e, nodeName) =>
		(dig(e, 'data', 'resultData', 'runData', nodeName, 0, 'data', 'main', 0) || []).map(
			(i) => i.json,
		);
	const specs = ctx.triggerWorkflows.map((wf) => {
		const node = wf.nodes.find((n) => /Trigger$/.test(ownType(n) || ''));
		const key = `${ownType(node)}/${node.parameters.event}`;
		const spec = TRIGGERS[key];
		if (!spec) throw new Error(`e2e/parts/triggers.js has no events for ${key}`);
		return {
			wf,
			node,
			spec,
			scope: `line ${line} · triggers › ${spec.label}`,
			before: [],
			expected: [],
			ok: true,
		};
	});
	const productionRuns = async (t) =>
		(await executionsOf(ctx, t.wf.id, { includeData: true })).filter((e) => e.mode !== 'manual');
	const emitted = (t, executions) =>
		executions.flatMap((e) => items(e, t.node.name)).map(t.spec.keyOf);

	// 1. Events from before activation, then activation: the baseline poll emits nothing.
	for (const t of specs) {
		t.ok = await report.check(
			t.scope,
			'activation: the baseline poll reads the service and emits nothing, not even events added just before',
			async () => {
				t.before = await t.spec.add(sandbox);
				const since = await sandbox.lastSeq();
				await activate(ctx, t.wf.id);
				const polls = await waitUntil(
					`activation poll to reach the ${t.spec.service} stand-in`,
					async () => {
						const found = (await sandbox.log({ service: t.spec.service, since })).filter(
							t.spec.isPoll,
						);
						return found.length ? found : null;
					},
					{ timeoutMs: 60000 },
				);
				await sleep(2500); // an emitting poll would have enqueued an execution by now
				const problems = polls
					.filter(
						(c) => c.status >= 400 || (t.spec.service === 'valigara' && c.reply?.status !== 100),
					)
					.map((c) => `the poll got ${c.status}: ${JSON.stringify(c.reply).slice(0, 200)}`);
				const runs = await productionRuns(t);
				if (runs.length)
					problems.push(
						`${runs.length} execution(s) at activation, with ${JSON.stringify(emitted(t, runs))}: the baseline must emit nothing (events from before: ${JSON.stringify(t.before)})`,
					);
				return problems;
			},
		);
	}

	// 2. New events, then deactivate + activate through the public API: the main polls at once.
	const waitNew = async (t, count, timeoutMs) => {
		await waitForExecutions(ctx, t.wf.id, count, { timeoutMs, filter: (e) => e.mode !== 'manual' });
		await sleep(2500); // a second execution, if the events came through twice, would show by now
		return productionRuns(t);
	};
	const checkNew = (t, runs, count, added, name) => {
		ctx.save(`trigger-${slug(t.wf.id)}-${name}.json`, runs);
		const problems = [];
		if (runs.length !== count)
			problems.push(
				`${runs.length} executions in all, want ${count} (one per poll that found something)`,
			);
		const newest = runs.slice(0, Math.max(0, runs.length - (count - 1)));
		problems.push(
			...newest
				.filter((e) => e.status !== 'success')
				.map(
					(e) =>
						`execution ${e.id} ended ${e.status}: ${dig(e, 'data', 'resultData', 'error', 'message') || ''}`,
				),
		);
		const keys = emitted(t, newest);
		if (JSON.stringify(keys) !== JSON.stringify(added))
			problems.push(
				`emitted ${JSON.stringify(keys)}, want exactly the new ${JSON.stringify(added)}, oldest first`,
			);
		const { problems: where, ranOn } = workerProblems(ctx, newest);
		problems.push(...where);
		const all = emitted(t, runs);
		const twice = all.filter((k, i) => all.indexOf(k) !== i);
		if (twice.length)
			problems.push(`emitted more than once over all executions: ${JSON.stringify(twice)}`);
		const early = all.filter((k) => t.before.includes(k));
		if (early.length)
			problems.push(`emitted events from before activation: ${JSON.stringify(early)}`);
		for (const e of newest)
			ctx.report.print(
				`    execution ${e.id} (${items(e, t.node.name).length} item(s)) ran on ${ranOn[e.id] || '?'}`,
			);
		return problems;
	};
	for (const t of specs.filter((x) => x.ok)) {
		t.ok = await report.check(
			t.scope,
			'new events, deactivate + activate: one execution on one worker, each new event once',
			async () => {
				const added = await t.spec.add(sandbox);
				t.expected.push(...added);
				await deactivate(ctx, t.wf.id);
				await activate(ctx, t.wf.id);
				return checkNew(t, await waitNew(t, 1, 60000), 1, added, 'reactivation');
			},
		);
	}

	// 3. The scheduled poll (every minute, on the main): new events, no re-activation.
	const live = specs.filter((x) => x.ok);
	if (live.length) report.print('    waiting for the next scheduled poll (every minute) ...');
	const addedAt = Date.now();
	const timerAdded = new Map();
	for (const t of live) timerAdded.set(t, await t.spec.add(sandbox));
	const timerRuns = await Promise.all(live.map((t) => waitNew(t, 2, 100000).catch((err) => err)));
	live.forEach((t, i) => {
		const runs = timerRuns[i];
		t.ok = report.expect(
			t.scope,
			`scheduled poll: the events added ${Math.round((Date.now() - addedAt) / 1000)} s ago came through once, on one worker`,
			runs instanceof Error ? [runs.message] : checkNew(t, runs, 2, timerAdded.get(t), 'scheduled'),
		);
	});

	// 4. Nothing twice: another poll with nothing new starts no execution.
	for (const t of specs.filter((x) => x.ok)) {
		await report.check(
			t.scope,
			'another poll with nothing new: no execution (no event twice)',
			async () => {
				const before = (await productionRuns(t)).length;
				const since = await sandbox.lastSeq();
				await deactivate(ctx, t.wf.id);
				await activate(ctx, t.wf.id);
				await waitUntil(
					'poll after the re-activation',
					async () => (await sandbox.log({ service: t.spec.service, since })).some(t.spec.isPoll),
					{ timeoutMs: 30000 },
				);
				await sleep(2500);
				const after = await productionRuns(t);
				return after.length === before
					? []
					: [
							`${after.length - before} new execution(s) with ${JSON.stringify(emitted(t, after.slice(0, after.length - before)))}`,
						];
			},
		);
	}
	// The per-item figure counts the sandbox's requests: no poll may add to them.
	for (const t of specs) await deactivate(ctx, t.wf.id).catch(() => {});
}

// ---------------------------------------------------------------- part: per-item figure

async function perItem(ctx) {
	const { line, report, sandbox, options } = ctx;
	const scope = `line ${line} · per-item`;
	const { executions: n, items: m } = options;
	const body = (count) => ({
		items: Array.from({ length: count }, (_, i) => ({
			id: GIGROVE_PRODUCT_IDS[i % GIGROVE_PRODUCT_IDS.length],
		})),
	});
	await activate(ctx, BENCH.id);

	const measure = async (workers) => {
		const label = `${workers} worker${workers > 1 ? 's' : ''}`;
		// Warm-up, not measured: a few runs, so each worker has loaded and run the nodes once.
		const warmBefore = (await executionsOf(ctx, BENCH.id)).length;
		await Promise.all(
			Array.from({ length: workers * 2 }, () => callWebhook(ctx, BENCH.path, body(20))),
		);
		await waitForExecutions(ctx, BENCH.id, warmBefore + workers * 2, {
			includeData: false,
			timeoutMs: 120000,
		});

		let figure;
		await report.check(
			scope,
			`${n} concurrent webhook runs × ${m} items with ${label}: all succeed, ${n * m} requests, ms per item`,
			async () => {
				const known = new Set((await executionsOf(ctx, BENCH.id)).map((e) => e.id));
				const since = await sandbox.lastSeq();
				const cpuBefore = cpuSnapshot(ctx);
				const t0 = Date.now();
				await Promise.all(Array.from({ length: n }, () => callWebhook(ctx, BENCH.path, body(m))));
				const accepted = Date.now();
				const runs = await waitUntil(
					`${n} runs to end`,
					async () => {
						const list = (await executionsOf(ctx, BENCH.id)).filter((e) => !known.has(e.id));
						return list.length >= n && list.every(isDone) ? list : null;
					},
					{ timeoutMs: 30 * 60000, everyMs: 250 },
				);
				const end = Math.max(...runs.map((e) => Date.parse(e.stoppedAt)));
				const cpu = cpuSince(ctx, cpuBefore, n * m);
				const until = await sandbox.lastSeq();
				const problems = [];
				if (runs.length !== n) problems.push(`${runs.length} executions, want ${n}`);
				problems.push(
					...runs
						.filter((e) => e.status !== 'success')
						.map((e) => `execution ${e.id} ended ${e.status}`),
				);
				if (until - since !== n * m)
					problems.push(`${until - since} requests reached the sandbox, want ${n * m}`);
				const failed = (await sandbox.log({ since })).filter((c) => c.status >= 400);
				if (failed.length)
					problems.push(
						`${failed.length} of the last logged requests failed: ${failed[0].method} ${failed[0].path} ${failed[0].status}`,
					);
				const { problems: where, ranOn } = workerProblems(ctx, runs);
				problems.push(...where);
				const perWorker = {};
				for (const id of Object.keys(ranOn)) perWorker[ranOn[id]] = (perWorker[ranOn[id]] || 0) + 1;
				if (Object.keys(perWorker).length !== workers)
					problems.push(`the runs went to ${JSON.stringify(perWorker)}, want ${workers} worker(s)`);
				// One run's data: every item came out of the node, in order.
				const sample = await ctx.api('GET', `/api/v1/executions/${runs[0].id}?includeData=true`);
				const task = dig(sample, 'data', 'resultData', 'runData', 'Get Product', 0) || {};
				const out = dig(task, 'data', 'main', 0) || [];
				if (out.length !== m)
					problems.push(
						`execution ${runs[0].id}: ${out.length} output items of Get Product, want ${m}`,
					);
				else if (out.some((item, i) => item.json.id !== body(m).items[i].id))
					problems.push(
						`execution ${runs[0].id}: output items not the products asked for, in order`,
					);
				const ms = end - t0;
				figure = {
					workers,
					executions: n,
					itemsPerExecution: m,
					concurrencyPerWorker: options.concurrency,
					wallMs: ms,
					msPerItem: Math.round((ms / (n * m)) * 1000) / 1000,
					itemsPerSecond: Math.round(((n * m) / ms) * 1000 * 10) / 10,
					webhookCallsMs: accepted - t0,
					requests: until - since,
					perWorker,
					cpuMsPerItem: cpu,
					sampleRun: {
						id: runs[0].id,
						startedAt: runs[0].startedAt,
						stoppedAt: runs[0].stoppedAt,
						getProductMs: task.executionTime,
					},
					loadAverage: require('node:os')
						.loadavg()
						.map((l) => Math.round(l * 100) / 100),
				};
				report.print(
					`    ${label}: ${n * m} items in ${seconds(ms)} → ${figure.msPerItem} ms per item (${figure.itemsPerSecond} items/s), runs per worker ${JSON.stringify(perWorker)}`,
				);
				report.print(
					`      CPU ms per item: ${Object.entries(cpu)
						.map(([k, v]) => `${k} ${v}`)
						.join(', ')}; load average ${figure.loadAverage.join(' ')}`,
				);
				return problems;
			},
		);
		return figure;
	};

	// 1 worker: stop worker-2 (it finishes what it has and leaves the queue).
	await report.check(scope, 'worker-2 stops cleanly (1 worker left)', async () => {
		const res = await ctx.workers['worker-2'].stop();
		delete ctx.workers['worker-2'];
		return res.code === 0 ? [] : [`worker-2 ended with ${res.signal || `exit ${res.code}`}`];
	});
	const one = await measure(1);
	// 2 workers: start worker-2 again.
	await report.check(scope, 'worker-2 starts again (2 workers)', () =>
		startWorker(ctx, 'worker-2'),
	);
	const two = ctx.workers['worker-2'] ? await measure(2) : undefined;
	ctx.figures.perItem = { oneWorker: one, twoWorkers: two };
	if (one && two) {
		const speedUp = Math.round((one.msPerItem / two.msPerItem) * 100) / 100;
		ctx.figures.perItem.speedUp = speedUp;
		report.print(
			`    per item: ${one.msPerItem} ms with 1 worker, ${two.msPerItem} ms with 2 workers: 2 workers are ${speedUp}× as fast (load average ${require('node:os')
				.loadavg()
				.map((l) => l.toFixed(1))
				.join(' ')})`,
		);
	}
	ctx.figures.loadAverage = require('node:os').loadavg();
}

// CPU time of each part of the setup (process trees, from /proc): the wall-clock figure
// depends on what else the machine runs; CPU per item much less so.
function cpuSnapshot(ctx) {
	const parts = {
		workers: Object.values(ctx.workers).map((w) => w.pid),
		main: [ctx.server.pid],
		postgres: ctx.postgres ? [ctx.postgres.pid] : [],
		redis: [ctx.redis.pid],
	};
	const ms = qm.cpuMsOfTrees(Object.values(parts).flat());
	const snapshot = Object.fromEntries(
		Object.entries(parts).map(([k, pids]) => [k, pids.reduce((sum, pid) => sum + ms[pid], 0)]),
	);
	const own = process.cpuUsage();
	snapshot['sandbox (this process)'] = (own.user + own.system) / 1000;
	return snapshot;
}

function cpuSince(ctx, before, items) {
	const after = cpuSnapshot(ctx);
	const perItem = {};
	let total = 0;
	for (const k of Object.keys(after)) {
		const ms = after[k] - (before[k] || 0);
		total += ms;
		perItem[k] = Math.round((ms / items) * 1000) / 1000;
	}
	perItem.total = Math.round((total / items) * 1000) / 1000;
	return perItem;
}

// ---------------------------------------------------------------- --keep

async function keepRunning(ctx) {
	const { report, server } = ctx;
	report.print(`\n   --keep: everything stays up until Ctrl+C`);
	report.print(`     editor   ${server.baseUrl}  (login ${rt.OWNER.email} / ${rt.OWNER.password})`);
	report.print(`     API key  ${ctx.session.apiKey}`);
	report.print(`     sandbox  ${ctx.sandbox.baseUrl}`);
	report.print(
		`     redis    127.0.0.1:${ctx.redis.port}   ${ctx.postgres ? `PostgreSQL 127.0.0.1:${ctx.postgres.port} (user n8n, database n8n)` : `SQLite ${ctx.sqliteFile}`}`,
	);
	report.print(`     logs     ${path.relative(rt.PROJECT_DIR, ctx.artifacts)}/`);
	keeping = true;
	if (!interrupted) await new Promise((resolve) => (wakeKeep = resolve));
	keeping = false;
}

// ---------------------------------------------------------------- main

function parseArgs(argv) {
	const options = {
		lines: ['1', '2'],
		keep: false,
		executions: 20,
		items: 250,
		concurrency: 10,
		skipBench: false,
		db: 'postgres',
	};
	const number = (name) => (value) => {
		const v = Number(value());
		if (!Number.isInteger(v) || v < 1) throw new Error(`${name} needs a whole number ≥ 1`);
		options[name.slice(2)] = v;
	};
	rt.readArgs(
		argv,
		'node scripts/queue-mode.js [--line 1|2|both] [--keep] [--executions 20] [--items 250] [--concurrency 10] [--skip-bench] [--db postgres|sqlite]',
		{
			'--line': (value) => (options.lines = rt.linesArg(value())),
			'--keep': () => (options.keep = true),
			'--executions': number('--executions'),
			'--items': number('--items'),
			'--concurrency': number('--concurrency'),
			'--skip-bench': () => (options.skipBench = true),
			'--db': (value) => {
				options.db = String(value());
				if (!['postgres', 'sqlite'].includes(options.db))
					throw new Error(`--db must be postgres or sqlite, not "${options.db}"`);
			},
		},
	);
	return options;
}

async function main(options) {
	const report = new Report();
	const started = Date.now();
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	report.print(
		`Queue mode: ${rt.PACKAGE_NAME} in n8n's queue mode, line(s) ${options.lines.join(' and ')}; artifacts in ${path.relative(rt.PROJECT_DIR, ARTIFACTS_DIR)}/`,
	);
	const figures = {};
	try {
		await report.time('-', 'build (when dist/ is stale)', () => ensureBuilt(report), {
			rethrow: true,
		});
		for (const line of options.lines) {
			if (interrupted) break;
			figures[line] = await runLine(line, report, options);
		}
	} catch (err) {
		if (!report.results.some((r) => !r.ok)) report.fail('queue mode', 'run', err);
	} finally {
		await cleanups.run();
	}
	report.timings.push({ line: '-', part: 'whole run', ms: Date.now() - started });
	const summary = Object.entries(figures).filter(([, f]) => f && f.perItem);
	if (summary.length) {
		report.print(
			"\n══ Per-item figure (end to end, first webhook call to the last execution's end)",
		);
		for (const [line, f] of summary) {
			const { oneWorker: a, twoWorkers: b, speedUp } = f.perItem;
			report.print(
				`  line ${line}: ${a ? `1 worker ${a.msPerItem} ms/item` : '1 worker: -'} · ${b ? `2 workers ${b.msPerItem} ms/item` : '2 workers: -'}${speedUp ? ` · speed-up ${speedUp}×` : ''} (${options.executions} runs × ${options.items} items, concurrency ${options.concurrency} per worker)`,
			);
		}
	}
	report.summary();
	return report.failed === 0 && report.passed > 0 ? 0 : 1;
}

if (require.main === module) {
	let options;
	try {
		options = parseArgs(process.argv.slice(2));
	} catch (err) {
		console.error(`[queue-mode] ${err.message}`);
		process.exit(2);
	}
	main(options).then(
		(code) => process.exit(code),
		async (err) => {
			console.error(`[queue-mode] ${err.stack || err.message}`);
			await cleanups.run();
			console.log('0 passed, 1 failed');
			process.exit(1);
		},
	);
}

module.exports = { main, parseArgs };
