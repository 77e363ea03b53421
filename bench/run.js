'use strict';
// `npm run bench` (issue 13): our nodes measured in a real n8n (the one `npm start` installs), with
// our package installed from `npm pack` as users install it, against n8n's HTTP Request node, the
// n8n floor (a minimal community node making the same call through n8n's helper) and a plain
// keep-alive client, at 0 ms and at 50 ms of latency; bulk batching and Return All pagination in
// the same n8n; a trigger poll in the test kit. Prints a markdown table (for the README) with the
// ratios and the goals, and writes bench/results/<date>-<commit>.json. Never part of `npm test`.
// See bench/README.md.
//
//   npm run bench                          everything, on n8n 1.123.81 (about an hour on 2 busy cores)
//   npm run bench -- --only per-item       some phases: per-item, bulk, pagination, triggers
//   npm run bench -- --items 2000 --runs 3 per-item and bulk items (default 10000); --delayed-items (1000)
//   npm run bench -- --latencies 0         latencies of the per-item phase in ms (default 0,50)
//   npm run bench -- --cases gigrove       per-item cases by sandbox service (valigara, vanilla-eshop, gigrove, guaranteed-reviews)
//   npm run bench -- --line 2              n8n 2.41.1 (Node 24) instead of 1.123.81
//   npm run bench -- --package /tmp/copy   measure another built copy of the package (npm pack of that folder)
//   npm run bench -- --no-build --no-save  skip `npm run build` / write no results file
//
// Exit code 1 when a check fails (a wrong request count, other requests than our node's, a lost
// or changed item), not when a speed goal is missed: goals are reported.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const PHASES = ['per-item', 'bulk', 'pagination', 'triggers'];

function parseArgs(argv) {
	const settings = {
		runs: 3,
		items: 10_000,
		delayedItems: 1000,
		latencies: [0, 50],
		products: 100_000,
		seen: 10_000,
		warmup: 200,
		only: PHASES,
		cases: undefined,
		line: '1',
		packageDir: undefined,
		build: true,
		save: true,
	};
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
		const list = () =>
			value()
				.split(',')
				.map((entry) => entry.trim());
		if (arg === '--runs') settings.runs = count();
		else if (arg === '--items') settings.items = count();
		else if (arg === '--delayed-items') settings.delayedItems = count();
		else if (arg === '--products') settings.products = count();
		else if (arg === '--seen') settings.seen = count();
		else if (arg === '--warmup') settings.warmup = count();
		else if (arg === '--latencies') settings.latencies = list().map(Number);
		else if (arg === '--cases') settings.cases = list();
		else if (arg === '--line') settings.line = value();
		else if (arg === '--package') settings.packageDir = path.resolve(value());
		else if (arg === '--no-build') settings.build = false;
		else if (arg === '--no-save') settings.save = false;
		else if (arg === '--only') {
			settings.only = list();
			const unknown = settings.only.filter((phase) => !PHASES.includes(phase));
			if (unknown.length)
				throw new Error(
					`--only: unknown phase ${unknown.join(', ')} (phases: ${PHASES.join(', ')})`,
				);
		} else if (arg === '--help' || arg === '-h') {
			process.stdout.write(
				`${fs
					.readFileSync(__filename, 'utf8')
					.split('\n')
					.slice(1, 21)
					.map((line) => line.replace(/^\/\/ ?/, ''))
					.join('\n')}\n`,
			);
			process.exit(0);
		} else throw new Error(`unknown option ${arg}`);
	}
	if (settings.latencies.some((ms) => !Number.isInteger(ms) || ms < 0))
		throw new Error('--latencies: whole milliseconds, 0 or more');
	if (!['1', '2'].includes(settings.line)) throw new Error('--line: 1 or 2');
	if (settings.warmup > 1000)
		throw new Error('--warmup: at most 1000 (the sandbox log keeps the last 1 000 requests)');
	return settings;
}

function git(...args) {
	try {
		return execFileSync('git', ['--no-optional-locks', ...args], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	} catch {
		return undefined;
	}
}

function machine() {
	const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
	return {
		nproc: os.availableParallelism?.() ?? os.cpus().length,
		cpuModel:
			/^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
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

	const failures = [];
	const say = (text) => process.stdout.write(`${text}\n`);
	const check = (ok, message) => {
		if (ok) return;
		failures.push(message);
		say(`   CHECK FAILED: ${message}`);
	};

	let services;
	let n8n;
	let engine;
	let kitFolder;
	const cleanup = async () => {
		await n8n?.stop().catch(() => {});
		await services?.stop().catch(() => services.kill());
		engine?.shutdownEngine();
		if (kitFolder) fs.rmSync(kitFolder, { recursive: true, force: true });
	};
	const interrupted = () => {
		services?.kill();
		// n8n-runtime stops the n8n it started when this process exits
		process.exit(130);
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);

	try {
		require('./lib/register');
		const { startServices } = require('./lib/services');
		const { startBenchN8n, benchPort } = require('./lib/real-n8n');
		const { sandboxCredentials } = require(path.join(ROOT, 'scripts', 'sandbox-setup'));
		const phases = require('./lib/phases');
		const { markdown, goalLines } = require('./lib/report');

		const packageDir = settings.packageDir ?? ROOT;
		if (settings.build) {
			say(`Building ${path.relative(ROOT, packageDir) || 'the package'} (npm run build) ...`);
			const build = spawnSync('npm', ['run', 'build'], { cwd: packageDir, encoding: 'utf8' });
			if (build.status !== 0)
				throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
		}

		// The HTTP Request node opens every item's connection at once; behind Node's default listen
		// backlog (511) the kernel falls back to SYN cookies and resets some, failing the node's run.
		// The sandbox's socket gets the system's maximum backlog instead (nothing else changes).
		let somaxconn = 4096;
		try {
			somaxconn =
				Number(fs.readFileSync('/proc/sys/net/core/somaxconn', 'utf8').trim()) || somaxconn;
		} catch {
			// not Linux: the kernel's own cap applies
		}
		settings.sandboxBacklog = somaxconn;
		services = await startServices({ backlog: somaxconn, port: await benchPort() });
		const credentials = Object.fromEntries(
			sandboxCredentials(services.baseUrl).map((credential) => [
				credential.type,
				{ ...credential.data },
			]),
		);
		let catalogUrl;
		if (settings.only.includes('pagination'))
			({ baseUrl: catalogUrl } = await services.call('catalog', {
				size: settings.products,
				port: await benchPort(),
			}));
		say(
			`Sandbox at ${services.baseUrl} (process ${services.pid}); ${machine().cpuModel}, nproc ${machine().nproc}, 1-minute load average ${loadStart.toFixed(1)}`,
		);

		const subjects = phases.benchSubjects({
			urls: services.urls,
			credentials,
			catalogUrl,
			only: settings.only,
		});
		if (subjects.length) {
			say(
				`Starting n8n ${require(path.join(ROOT, 'scripts', 'lib', 'n8n-runtime')).LINES[settings.line].n8n} with our package (npm pack of ${packageDir}) ...`,
			);
			n8n = await startBenchN8n({ line: settings.line, subjects, packageDir, say });
			say(
				`   n8n at ${n8n.baseUrl} (process ${n8n.pid}, Node ${n8n.nodeVersion}, log ${n8n.logFile})`,
			);
		}
		const ctx = { services, n8n, credentials, catalogUrl, settings, say, check };

		const commit = git('rev-parse', '--short=12', 'HEAD') ?? 'unknown';
		const results = {
			schema: 2,
			date: new Date().toISOString().slice(0, 10),
			startedAt: new Date(started).toISOString(),
			commit,
			dirty: Boolean(git('status', '--porcelain', '--untracked-files=no')),
			packageDir: path.relative(ROOT, packageDir) || '.',
			machine: machine(),
			n8n: n8n && {
				line: n8n.line,
				version: n8n.version,
				node: n8n.nodeVersion,
				httpRequestVersion: n8n.httpRequestVersion,
				driven:
					'production webhooks of n8n start (Webhook → Split Out → the node); executions not saved',
			},
			settings,
		};
		const file = path.join(
			__dirname,
			'results',
			`${results.date}-${commit}${settings.line === '2' ? '-n8n2' : ''}.json`,
		);
		// after every phase, so that a run cut short keeps what it measured
		const save = () => {
			if (!settings.save) return;
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
		};
		if (settings.only.includes('per-item')) {
			results.perItem = await phases.perItem(ctx);
			save();
		}
		if (settings.only.includes('bulk')) {
			results.bulk = await phases.bulk(ctx);
			save();
		}
		if (settings.only.includes('pagination')) {
			results.pagination = await phases.pagination(ctx);
			save();
		}
		if (settings.only.includes('triggers')) {
			// the test kit's engine, in this process, after n8n was started (its quiet environment
			// would silence the real n8n's log, which startN8n waits on)
			kitFolder = require('./lib/register').quietN8nEnvironment('commerce-pack-bench-');
			require(path.join(ROOT, 'scripts', 'lib', 'n8n-runtime')).ensureN8n('1');
			engine = require('./lib/engine');
			results.kitVersions = engine.versions;
			results.triggers = await phases.triggers({ ...ctx, engine });
		}

		results.durationMs = Date.now() - started;
		const cpu = ({ user, system }) => (user + system) / 1e6;
		results.cpuSeconds = {
			bench: cpu(process.cpuUsage(cpuStart)),
			sandbox: cpu(await services.call('cpu')),
		};
		clearInterval(loadTimer);
		loadSamples.push(os.loadavg()[0]);
		results.machine.loadAverage = {
			start: loadStart,
			end: loadSamples.at(-1),
			min: Math.min(...loadSamples),
			max: Math.max(...loadSamples),
			samples: loadSamples.length,
		};
		results.checks = { failed: failures };
		results.markdown = markdown(results);

		say(`\n${results.markdown}\n`);
		for (const line of goalLines(results)) say(`- ${line}`);
		if (settings.save) {
			save();
			say(`\nResults: ${path.relative(ROOT, file)}`);
		}
		say(
			failures.length
				? `\n${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`
				: '\nEvery check passed.',
		);
		process.exitCode = failures.length ? 1 : 0;
	} finally {
		await cleanup();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
