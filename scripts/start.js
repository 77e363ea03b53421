#!/usr/bin/env node
'use strict';
// node scripts/start.js [--line 1|2] [--port 5678] [--no-sandbox]   (`npm start` builds dist/ first)
//
// Installs a pinned real n8n on first use (a few minutes, once), installs this
// package into the dev user folder as a user's install looks, starts the local
// sandbox of the four services (unless --no-sandbox), then runs n8n in the
// foreground on http://localhost:<port>. Ctrl+C or SIGTERM stops both.

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const rt = require('./lib/n8n-runtime');

// n8n's data for `npm start` (sqlite db, owner account, installed nodes), one
// folder per line: n8n 2.x runs some 200 migrations of its own on the database,
// so the two lines never share one.
// Kept apart from the acceptance suite's folders so tests never touch it.
const DEV_DIR = path.join(rt.PROJECT_DIR, '.n8n-dev');
const userFolderFor = (line) => path.join(DEV_DIR, `line-${line}`);

// Extension point: steps run after the package is installed and before n8n
// starts, in order. Each is `async (ctx) => {}` with ctx = { line, port,
// userFolder, rt, onExit }. This is where "start the local sandbox and import one
// credential + example workflow per service" will go, e.g. with
// `await ctx.rt.importCredentials(ctx.line, [...], { userFolder: ctx.userFolder })`.
// A step that starts something pushes its cleanup (`async () => {}`) onto
// ctx.onExit; those run, last first, after n8n has stopped or a step failed.
const BEFORE_START = [startSandboxWithExamples];

// The embedded default: the four services' stand-ins beside n8n, and on the first run one
// credential per service pointing at them plus one example workflow per node, so a new user
// opens the editor and runs every node at once (README: how to point them at the real services).
async function startSandboxWithExamples({ line, userFolder, rt, onExit, sandbox: wanted }) {
	if (!wanted) return;
	const { startSandbox } = require('../sandbox/server');
	const { sandboxCredentials, exampleWorkflows } = require('./sandbox-setup');
	const sandbox = await startSandbox(); // its fixed default port, so the imported credentials keep working
	onExit.push(() => sandbox.stop());
	console.log(
		`[start] sandbox of the four services on ${sandbox.baseUrl} (request log: ${sandbox.baseUrl}/_control/log)`,
	);

	const marker = path.join(userFolder, '.examples-imported');
	if (fs.existsSync(marker)) return;
	console.log('[start] importing the sandbox credentials and one example workflow per node ...');
	await rt.importCredentials(line, sandboxCredentials(sandbox.baseUrl), { userFolder });
	await rt.importWorkflow(line, exampleWorkflows(), { userFolder });
	fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
}

const ON_EXIT = new rt.Cleanups('start');
const cleanup = () => ON_EXIT.run();

function parseArgs(argv) {
	const opts = { line: '1', port: 5678, sandbox: true };
	rt.readArgs(argv, 'node scripts/start.js [--line 1|2] [--port 5678] [--no-sandbox]', {
		'--line': (value) => (opts.line = String(value())),
		'--port': (value) => (opts.port = Number(value())),
		'--no-sandbox': () => (opts.sandbox = false),
	});
	if (!rt.LINES[opts.line]) throw new Error(`--line must be 1 or 2, not "${opts.line}"`);
	if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535)
		throw new Error('--port must be a port number');
	return opts;
}

async function main() {
	const { line, port, sandbox } = parseArgs(process.argv.slice(2));
	const userFolder = userFolderFor(line);
	const ctx = { line, port, userFolder, rt, onExit: ON_EXIT, sandbox };

	rt.ensureN8n(line);
	const installed = rt.installPackage(line, userFolder);
	console.log(
		`[start] ${rt.PACKAGE_NAME} installed at ${path.relative(rt.PROJECT_DIR, installed)}`,
	);
	for (const step of BEFORE_START) await step(ctx);

	const { command, args } = rt.n8nCommand(line);
	console.log(
		`[start] n8n ${rt.LINES[line].n8n} on http://localhost:${port} (data in ${path.relative(rt.PROJECT_DIR, userFolder)}/). Ctrl+C stops it.`,
	);
	// n8n gets its own process group (detached) and no stdin, so a terminal's Ctrl+C
	// reaches it once, through us, rather than again from npm and the terminal:
	// n8n treats a second SIGINT during shutdown as "exit now".
	const child = spawn(command, [...args, 'start'], {
		env: rt.n8nEnv(line, { userFolder, port }),
		stdio: ['ignore', 'inherit', 'inherit'],
		detached: true,
	});

	let forwarded = false;
	const forward = (signal) => {
		if (forwarded || child.exitCode !== null) return; // npm and the terminal may both send one
		forwarded = true;
		child.kill(signal);
	};
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	process.on('SIGHUP', forward);
	// npm runs us through `sh -c`. A SIGTERM sent to npm itself reaches only that
	// shell, which dies without passing it on and leaves us (and n8n) orphaned.
	// So treat "our parent went away" like SIGTERM.
	const parent = process.ppid;
	setInterval(() => process.ppid !== parent && forward('SIGTERM'), 1000).unref();

	child.on('error', (err) => {
		console.error(`[start] could not run n8n: ${err.message}`);
		process.exit(1);
	});
	child.on('exit', async (code, signal) => {
		await cleanup();
		process.exit(code !== null ? code : signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
	});
}

main().catch(async (err) => {
	console.error(`[start] ${err.message}`);
	await cleanup();
	process.exit(1);
});
