'use strict';
// The acceptance suite: this package in a real n8n, per line (1.123.81 on Node 20,
// 2.41.1 on Node 24), against the local sandbox. Entry: scripts/e2e.js.
//
//   part 0  pack      scripts/pack.js: the tarballs of the pack and of each service package,
//                     as they would be published (once, for both lines)
//   part 1  install   the pack's tarball → a fresh user folder, as a user installs it; n8n
//                     loads every node and credential type (and their icons)
//   part 2  execute   import the sandbox credentials and example workflows; `n8n execute`
//                     each action-node workflow; check outputs and the sandbox's log
//   part 2b services  each service package alone (n8n's loader); all of them beside the pack
//                     in one n8n (types, one credential definition per name); each service's
//                     example workflow through its own package, on the pack's credentials
//   part 3  triggers  `n8n start` with the trigger workflows active: baseline, new events
//                     exactly once, manual run, nothing twice
//   part 4  browser   the editor in headless Chromium: node creator, panel, every
//                     resource and operation, one run, screenshots (artifacts/e2e/)
//
// `--only browser` (while working on part 4): part 0, part 1's install, part 2's import and
// an `n8n start`, then part 4; the other checks are left out.
//
// Everything listens on 127.0.0.1; every n8n and sandbox started here is stopped, also
// on failure or Ctrl+C.

const fs = require('node:fs');
const path = require('node:path');
const rt = require('../scripts/lib/n8n-runtime');
const { packAll } = require('../scripts/pack');
const { Report } = require('./lib/report');
const { startSandbox } = require('./lib/sandbox');
const { artifactsDir, ARTIFACTS_DIR, PROJECT_DIR } = require('./lib/util');
const install = require('./parts/install');
const execute = require('./parts/execute');
const triggers = require('./parts/triggers');
const credentials = require('./parts/credentials');
const services = require('./parts/services');

// Every n8n and sandbox a line starts, stopped at the end of the line, or on Ctrl+C or a CI timeout.
const cleanups = new rt.Cleanups('e2e');
rt.onStopSignal(async (signal) => {
	process.stderr.write(`\n[e2e] ${signal}: stopping n8n and the sandbox\n`);
	await cleanups.run();
	process.exit(130);
});

function loadSetup() {
	const file = path.join(PROJECT_DIR, 'scripts', 'sandbox-setup.js');
	if (!fs.existsSync(file))
		throw new Error(
			'scripts/sandbox-setup.js is missing: the sandbox parts need sandboxCredentials() and exampleWorkflows()',
		);
	return require(file);
}

async function runLine(line, report, options) {
	// Artifacts of an earlier run would mislead: start the line's folder empty.
	fs.rmSync(path.join(ARTIFACTS_DIR, `line-${line}`), { recursive: true, force: true });
	const ctx = {
		line,
		report,
		options,
		artifacts: artifactsDir(`line-${line}`),
		userFolder: undefined,
		cleanups,
		sandbox: undefined,
		server: undefined,
		session: undefined,
	};
	report.print(
		`\n════ n8n ${rt.LINES[line].n8n} (line ${line}${line === '2' ? ', Node 24' : `, Node ${process.versions.node}`})`,
	);
	try {
		await report.time(line, 'install n8n into .runtime/ (once)', () => install.installN8n(ctx), {
			rethrow: true,
		});
		ctx.userFolder = rt.tempUserFolder('n8n-commerce-pack-e2e-');
		ctx.cleanups.push(() => fs.rmSync(ctx.userFolder, { recursive: true, force: true }));
		const browserOnly = options.only === 'browser';
		await report.time(
			line,
			browserOnly ? '1 install package (for the browser only)' : '1 install package, types loaded',
			() => (browserOnly ? install.installPackage(ctx) : install.installAndLoad(ctx)),
			{ rethrow: true },
		);

		const setup = loadSetup();
		ctx.setup = setup;
		ctx.sandbox = await startSandbox();
		ctx.cleanups.push(() => ctx.sandbox.stop());
		report.print(`   sandbox on ${ctx.sandbox.baseUrl}`);

		let workflows;
		if (browserOnly) {
			// What part 4 needs of parts 2 and 3, and no more: the sandbox credentials, n8n started.
			await report.time(line, '2 import (for the browser only)', async () => {
				workflows = await execute.importExamples(ctx);
			});
			await report.time(line, '3 n8n start (for the browser only)', () =>
				triggers.startServer(ctx),
			);
			await checkBrowser(ctx, workflows);
			return;
		}
		await report.time(line, '2 import + n8n execute', async () => {
			workflows = await execute.importExamples(ctx);
			await execute.executeExamples(ctx, workflows);
			await execute.checkTokenRefresh(ctx);
		});
		if (!workflows) return;
		await report.time(line, '2b service packages, alone and beside the pack', () =>
			services.checkServicePackages(ctx, workflows),
		);
		await report.time(line, '3 triggers in n8n start', () =>
			triggers.checkTriggers(ctx, workflows),
		);
		if (ctx.server)
			await report.time(line, '3b credential tests', () => credentials.checkCredentialTests(ctx));
		await checkBrowser(ctx, workflows);
	} catch (err) {
		if (!report.results.some((r) => !r.ok && String(r.detail).includes(err.message)))
			report.fail(`line ${line}`, 'run', err);
	} finally {
		await cleanups.run();
	}
}

async function checkBrowser(ctx, workflows) {
	const { line, report, options } = ctx;
	if (options.skipBrowser) return;
	if (!ctx.server)
		report.fail(
			`line ${line} · browser`,
			'needs the running n8n of part 3',
			'part 3 did not start n8n',
		);
	else
		await report.time(line, '4 browser', () =>
			require('./parts/browser').checkEditor(ctx, workflows),
		);
}

async function main(options) {
	const report = new Report();
	const started = Date.now();
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	report.print(
		`Acceptance: ${rt.PACKAGE_NAME} in a real n8n, lines ${options.lines.join(' and ')}${options.skipBrowser ? ' (no browser)' : ''}${options.only ? ` (only the ${options.only} part)` : ''}; artifacts in ${path.relative(PROJECT_DIR, ARTIFACTS_DIR)}/`,
	);
	if (!fs.existsSync(path.join(PROJECT_DIR, 'dist'))) {
		report.fail('setup', 'dist/ is built', 'dist/ is missing: run `npm run build` first');
	} else {
		await report.time(
			'-',
			'0 pack every package (scripts/pack.js)',
			() => {
				options.packages = packAll();
				report.print(
					`   ${options.packages.map((p) => `${path.basename(p.tarball)} ${(p.size / 1024).toFixed(1)} KB`).join(', ')}`,
				);
			},
			{ rethrow: true },
		);
		if (!options.skipBrowser) {
			await report.time('-', 'chromium (apt-get when missing)', () => {
				const { ensureChromium } = require('./lib/chromium');
				options.chromium = ensureChromium();
			});
			if (!options.chromium) options.skipBrowser = true;
		}
		for (const line of options.lines) await runLine(line, report, options);
	}
	report.timings.push({ line: '-', part: 'whole run', ms: Date.now() - started });
	report.summary();
	return report.failed === 0 && report.passed > 0 ? 0 : 1;
}

module.exports = { main };
