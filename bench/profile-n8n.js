'use strict';
// Where the per-item CPU goes in a real n8n: one per-item case, one variant, in the n8n that
// `npm run bench` uses (bench/lib/real-n8n.js). After a warm-up it
//   1. counts the calls of every function during one run (V8's precise coverage, through the probe
//      loaded into n8n), and prints the calls per item of the functions that read credentials;
//   2. profiles the n8n process (V8's sampling profiler, in-process) over the timed runs only,
//      writes the .cpuprofile (open it in Chrome DevTools › Performance) and prints the CPU per item
//      by owner (our package, n8n-core, n8n-workflow, n8n's server, axios, the database, Node, GC)
//      with the functions that took the most time themselves.
// Not part of `npm run bench`. Needs `npm run build` (or --build).
//
//   node bench/profile-n8n.js --case gigrove --variant ours --items 2000 --runs 3
//   node bench/profile-n8n.js --case valigara --variant floor --out /tmp/prof
//   node bench/profile-n8n.js --package /tmp/scratch-copy      a built copy of the package instead
//
// --case     valigara, vanilla-eshop, gigrove or guaranteed-reviews (default gigrove)
// --variant  ours, httpRequest, floor, or floorOnce (the floor reading the credential once per
//            run and handing it to n8n's helper) (default ours)
// --items    items per run (default 2000); --runs timed runs (default 3)
// --interval sampling interval in µs (default 200)
// --out      folder for <case>-<variant>.cpuprofile and .calls.json (default: a temporary folder)
// --line     1 or 2 (default 1); --build runs `npm run build` first

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const settings = {
		case: 'gigrove',
		variant: 'ours',
		items: 2000,
		runs: 3,
		interval: 200,
		out: undefined,
		line: '1',
		packageDir: ROOT,
		build: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => argv[++i];
		if (arg === '--case') settings.case = value();
		else if (arg === '--variant') settings.variant = value();
		else if (arg === '--items') settings.items = Number(value());
		else if (arg === '--runs') settings.runs = Number(value());
		else if (arg === '--interval') settings.interval = Number(value());
		else if (arg === '--out') settings.out = path.resolve(value());
		else if (arg === '--line') settings.line = value();
		else if (arg === '--package') settings.packageDir = path.resolve(value());
		else if (arg === '--build') settings.build = true;
		else throw new Error(`unknown option ${arg}`);
	}
	return settings;
}

const byUrl =
	(pattern, ...names) =>
	({ url, functionName }) =>
		pattern.test(url) && (!names.length || names.includes(functionName));

/**
 * Functions whose calls per item tell how often a credential is read, and what else runs per item.
 * Only functions that never await: V8 counts every resumption of an async function as a call.
 */
const CALL_PATTERNS = [
	{
		label: 'credential decryptions (n8n-core Cipher.decrypt)',
		test: byUrl(/\/n8n-core\/dist\/encryption\/cipher\.js$/, 'decrypt'),
	},
	{
		label: 'credentials built from a database row (n8n-core Credentials)',
		test: byUrl(/\/n8n-core\/dist\/credentials\.js$/, 'Credentials'),
	},
	{
		label: 'database queries (TypeORM AbstractSqliteQueryRunner.connect)',
		test: byUrl(/\/typeorm\/driver\/sqlite-abstract\/AbstractSqliteQueryRunner\.js$/, 'connect'),
	},
	{
		label: 'HTTP requests through n8n-core (convertN8nRequestToAxios)',
		test: byUrl(/\/n8n-core\/dist\/.*request-helper-functions\.js$/, 'convertN8nRequestToAxios'),
	},
	{
		label: 'node parameters read (n8n-core _getNodeParameter)',
		test: byUrl(/\/n8n-core\/dist\/.*node-execution-context\.js$/, '_getNodeParameter'),
	},
	{
		label: 'expressions resolved (n8n-workflow Expression.resolveSimpleParameterValue)',
		test: byUrl(/\/n8n-workflow\/dist\/cjs\/expression\.js$/, 'resolveSimpleParameterValue'),
	},
];

/** Frames whose time, with everything they call synchronously, is worth naming. */
const INCLUSIVE = [
	{
		label:
			'credential reads (CredentialsHelper.getCredentials / getDecrypted / Credentials.getData, Cipher.decrypt)',
		test: (f) =>
			(/\/n8n\/dist\/credentials-helper\.js$/.test(f.url) &&
				['getDecrypted', 'getCredentials', 'applyDefaultsAndOverwrites'].includes(
					f.functionName,
				)) ||
			(/\/n8n-core\/dist\/.*(cipher|credentials)\.js$/.test(f.url) &&
				['decrypt', 'getData'].includes(f.functionName)),
	},
	{
		label: 'the database (TypeORM, sqlite3)',
		test: (f) => /\/node_modules\/(@n8n\/typeorm|sqlite3|@n8n\/db)\//.test(f.url),
	},
	{
		label: 'expression evaluation (n8n-workflow Expression)',
		test: (f) => /\/n8n-workflow\/dist\/.*expression\.js$/.test(f.url),
	},
	{
		label: 'axios + follow-redirects',
		test: (f) => /\/node_modules\/(axios|follow-redirects)\//.test(f.url),
	},
];

async function main() {
	const settings = parseArgs(process.argv.slice(2));
	require('./lib/register');
	const { startServices } = require('./lib/services');
	const { startBenchN8n, benchPort } = require('./lib/real-n8n');
	const { sandboxCredentials } = require(path.join(ROOT, 'scripts', 'sandbox-setup'));
	const { perItemCases } = require('./lib/cases');
	const { perItemPath } = require('./lib/phases');
	const { analyseProfile, callsPerItem } = require('./lib/cpu-profile');
	const say = (text) => process.stdout.write(`${text}\n`);

	if (settings.build) {
		const build = spawnSync('npm', ['run', 'build'], {
			cwd: settings.packageDir,
			encoding: 'utf8',
		});
		if (build.status !== 0)
			throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
	}
	const out = settings.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-pack-profile-'));
	fs.mkdirSync(out, { recursive: true });
	const services = await startServices({ backlog: 4096, port: await benchPort() });
	let n8n;
	try {
		const credentials = Object.fromEntries(
			sandboxCredentials(services.baseUrl).map((c) => [c.type, { ...c.data }]),
		);
		const testCase = perItemCases(services.urls, credentials).find(
			(entry) => entry.service === settings.case,
		);
		if (!testCase) throw new Error(`no case ${settings.case}`);
		if (settings.variant === 'floorOnce') {
			// the floor handing the credential it read once to n8n's helper (bench/n8n-nodes-bench-floor)
			testCase.floorOnce = {
				...testCase.floor,
				parameters: { ...testCase.floor.parameters, readCredentialOnce: true },
			};
		}
		if (!testCase[settings.variant]) throw new Error(`no n8n variant ${settings.variant}`);
		const subjects = [false, true].map((check) => ({
			path: perItemPath(testCase, settings.variant, check),
			subject: testCase[settings.variant],
			respond: check ? 'allEntries' : 'firstEntryJson',
		}));
		n8n = await startBenchN8n({
			line: settings.line,
			subjects,
			packageDir: settings.packageDir,
			say,
		});
		const input = Array.from({ length: settings.items }, (_, i) => testCase.input(i));
		const run = () => n8n.run(perItemPath(testCase, settings.variant, false), input);
		await n8n.run(perItemPath(testCase, settings.variant, true), input.slice(0, 200));
		await run();

		const name = `${settings.case}-${settings.variant}`;
		const callsFile = path.join(out, `${name}.calls.json`);
		await n8n.startCounting();
		await run();
		await n8n.stopCounting(callsFile);
		say(`\nCalls per item (one run of ${settings.items} items, V8's call counts):`);
		for (const entry of callsPerItem(callsFile, { items: settings.items, patterns: CALL_PATTERNS }))
			say(`  ${entry.perItem.toFixed(2)}  ${entry.label}`);

		const profileFile = path.join(out, `${name}.cpuprofile`);
		const wall = [];
		const cpu = [];
		await n8n.freshPeak();
		await n8n.startProfile(settings.interval);
		for (let round = 0; round < settings.runs; round++) {
			const result = await run();
			wall.push(result.ms / settings.items);
			cpu.push(result.cpuMs / settings.items);
		}
		await n8n.stopProfile(profileFile);
		const list = (values) => values.map((value) => value.toFixed(2)).join(', ');
		say(
			`\n${testCase.node} ${testCase.operation}, ${settings.variant}, n8n ${n8n.version}: ${settings.runs} runs of ${settings.items} items while profiling: wall ${list(wall)} ms/item, n8n CPU ${list(cpu)} ms/item (load ${os.loadavg()[0].toFixed(1)})`,
		);
		const analysis = analyseProfile(profileFile, {
			items: settings.items * settings.runs,
			inclusive: INCLUSIVE,
		});
		const pct = (share) => `${(share * 100).toFixed(1)}%`.padStart(6);
		say(
			`\nSampled CPU of the n8n process: ${analysis.busyMsPerItem.toFixed(3)} ms per item, by owner (self time):`,
		);
		for (const entry of analysis.owners)
			say(`  ${pct(entry.share)}  ${entry.msPerItem.toFixed(3)} ms  ${entry.name}`);
		say(
			'\nIncluding what they call (synchronously; async continuations are counted where they resume):',
		);
		for (const entry of analysis.inclusive)
			say(`  ${pct(entry.share)}  ${entry.msPerItem.toFixed(3)} ms  ${entry.label}`);
		say('\nTop functions by self time:');
		for (const entry of analysis.topFunctions)
			say(
				`  ${pct(entry.share)}  ${entry.msPerItem.toFixed(3)} ms  ${entry.key}  [${entry.owner}]`,
			);
		say(`\nProfile: ${profileFile}\nCall counts: ${callsFile}`);
	} finally {
		await n8n?.stop();
		await services.stop().catch(() => services.kill());
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
