'use strict';
// `npm run bench` (issue 8): our nodes against n8n's HTTP Request node and a plain keep-alive
// client, bulk batching, pagination and a trigger poll, all against the local sandbox in the same
// run. Prints a markdown table (for the README) and the ratios, and writes
// bench/results/<date>-<commit>.json. Never part of `npm test`. See bench/README.md.
//
//   npm run bench                        the whole bench (about 10 minutes on 2 cores)
//   npm run bench -- --only per-item     some phases: per-item, bulk, pagination, triggers
//   npm run bench -- --runs 5 --items 2000 --products 20000 --seen 10000
//   npm run bench -- --diagnose          per-item also: n8n's helper floor, a plain client without keep-alive, and one with 5 requests at once
//   npm run bench -- --delay 50          the sandbox answers each request 50 ms late (a distant service)
//   npm run bench -- --no-save           print only, no results file
//
// Exit code 1 when a check fails (a wrong request count, a lost or duplicated item), not when a
// speed goal is missed: goals are reported.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const PHASES = ['per-item', 'bulk', 'pagination', 'triggers'];

function parseArgs(argv) {
	const settings = { runs: 3, items: 10_000, products: 100_000, seen: 10_000, warmup: 300, only: PHASES, diagnose: false, save: true, delayMs: 0 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${arg} needs a value`);
			return next;
		};
		const count = () => {
			const n = Number(value());
			if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} must be a whole number above 0`);
			return n;
		};
		if (arg === '--runs') settings.runs = count();
		else if (arg === '--items') settings.items = count();
		else if (arg === '--products') settings.products = count();
		else if (arg === '--seen') settings.seen = count();
		else if (arg === '--warmup') settings.warmup = count();
		else if (arg === '--diagnose') settings.diagnose = true;
		else if (arg === '--delay') settings.delayMs = count();
		else if (arg === '--no-save') settings.save = false;
		else if (arg === '--only') {
			settings.only = value().split(',').map((phase) => phase.trim());
			const unknown = settings.only.filter((phase) => !PHASES.includes(phase));
			if (unknown.length) throw new Error(`--only: unknown phase ${unknown.join(', ')} (phases: ${PHASES.join(', ')})`);
		} else if (arg === '--help' || arg === '-h') {
			process.stdout.write(`${fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 14).map((line) => line.replace(/^\/\/ ?/, '')).join('\n')}\n`);
			process.exit(0);
		} else throw new Error(`unknown option ${arg}`);
	}
	return settings;
}

function git(...args) {
	try {
		return execFileSync('git', ['--no-optional-locks', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return undefined;
	}
}

function machine() {
	const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
	return {
		nproc: os.availableParallelism?.() ?? os.cpus().length,
		cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
		node: process.version,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		memoryBytes: os.totalmem(),
	};
}

async function main() {
	const settings = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const loadStart = os.loadavg()[0];
	const cpuStart = process.cpuUsage();
	// the machine is shared: how busy it was, every 10 s
	const loadSamples = [loadStart];
	const loadTimer = setInterval(() => loadSamples.push(os.loadavg()[0]), 10_000);
	loadTimer.unref();

	const userFolder = require('./lib/register').quietN8nEnvironment('commerce-pack-bench-');

	const failures = [];
	const say = (text) => process.stdout.write(`${text}\n`);
	const check = (ok, message) => {
		if (ok) return;
		failures.push(message);
		say(`   CHECK FAILED: ${message}`);
	};

	let services;
	let engine;
	const cleanup = async () => {
		await services?.stop().catch(() => services.kill());
		engine?.shutdownEngine();
		fs.rmSync(userFolder, { recursive: true, force: true });
	};
	const interrupted = () => {
		services?.kill();
		fs.rmSync(userFolder, { recursive: true, force: true });
		process.exit(130);
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	try {
		say('Loading n8n-core, our nodes (TypeScript sources) and n8n\'s HTTP Request node ...');
		require(path.join(ROOT, 'scripts', 'lib', 'n8n-runtime')).ensureN8n('1');
		require('./lib/register');
		engine = require('./lib/engine');
		const { startServices } = require('./lib/services');
		const { sandboxCredentials } = require(path.join(ROOT, 'scripts', 'sandbox-setup'));
		const phases = require('./lib/phases');
		const { markdown, goalLines } = require('./lib/report');

		// The HTTP Request node opens every item's connection at once; behind Node's default listen
		// backlog (511) the kernel falls back to SYN cookies and resets some, failing the node's run.
		// The sandbox's socket gets the system's maximum backlog instead (nothing else changes).
		let somaxconn = 4096;
		try {
			somaxconn = Number(fs.readFileSync('/proc/sys/net/core/somaxconn', 'utf8').trim()) || somaxconn;
		} catch {
			// not Linux: the kernel's own cap applies
		}
		settings.sandboxBacklog = somaxconn;
		services = await startServices({ backlog: somaxconn, delayMs: settings.delayMs });
		const credentials = Object.fromEntries(sandboxCredentials(services.baseUrl).map((credential) => [credential.type, { ...credential.data }]));
		say(`Sandbox at ${services.baseUrl} (process ${services.pid}${settings.delayMs ? `, answering each request ${settings.delayMs} ms late` : ''}); ${machine().cpuModel}, nproc ${machine().nproc}, Node ${process.version}, 1-minute load average ${loadStart.toFixed(1)}`);
		const ctx = { services, engine, credentials, settings, say, check };

		const commit = git('rev-parse', '--short=12', 'HEAD') ?? 'unknown';
		const results = {
			schema: 1,
			date: new Date().toISOString().slice(0, 10),
			startedAt: new Date(started).toISOString(),
			commit,
			dirty: Boolean(git('status', '--porcelain', '--untracked-files=no')),
			machine: machine(),
			versions: engine.versions,
			httpRequestVersion: engine.HTTP_REQUEST_VERSION,
			settings,
		};
		if (settings.only.includes('per-item')) results.perItem = await phases.perItem(ctx);
		if (settings.only.includes('bulk')) results.bulk = await phases.bulk(ctx);
		if (settings.only.includes('pagination')) results.pagination = await phases.pagination(ctx);
		if (settings.only.includes('triggers')) results.triggers = await phases.triggers(ctx);

		results.durationMs = Date.now() - started;
		const cpu = ({ user, system }) => (user + system) / 1e6;
		results.cpuSeconds = { bench: cpu(process.cpuUsage(cpuStart)), sandbox: cpu(await services.call('cpu')) };
		clearInterval(loadTimer);
		loadSamples.push(os.loadavg()[0]);
		results.machine.loadAverage = { start: loadStart, end: loadSamples.at(-1), min: Math.min(...loadSamples), max: Math.max(...loadSamples), samples: loadSamples.length };
		results.checks = { failed: failures };
		results.markdown = markdown(results);

		say(`\n${results.markdown}\n`);
		for (const line of goalLines(results)) say(`- ${line}`);
		if (settings.save) {
			const file = path.join(__dirname, 'results', `${results.date}-${commit}.json`);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
			say(`\nResults: ${path.relative(ROOT, file)}`);
		}
		say(failures.length ? `\n${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}` : '\nEvery check passed.');
		process.exitCode = failures.length ? 1 : 0;
	} finally {
		await cleanup();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
