#!/usr/bin/env node
'use strict';
// node scripts/build.js          (`npm run build`; also each package's prepublishOnly)
//
// Builds, from this one source tree, the pack (dist/) and one package per service
// (packages/n8n-nodes-<service>/dist/), see scripts/lib/packages.js:
//   1. tsc type-checks nodes/ and credentials/ (it emits nothing: esbuild does)
//   2. esbuild bundles each node and credential entry point of each package into one CommonJS
//      file with its own code, the shared core and zod inside; n8n-workflow and luxon stay
//      external (the host n8n's copies: n8n resolves both for community packages, and luxon is on
//      n8n's allow-list of imports). Published packages therefore have no `dependencies`. A source map
//      beside each bundle (paths and lines, no sources): n8n applies it to stack traces.
//   3. each service package gets its package.json, README.md (from README.md and docs/), LICENSE
//   4. gulp copies icons, codex files and output schemas into each package's dist/ (gulpfile.js)
// It ends by checking what it built: bundles import nothing but HOST_MODULES, and each service's
// credential bundle is byte for byte the pack's (n8n keeps one credential type per name).

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const esbuild = require('esbuild');

// What the bundles take from the n8n that loads them rather than carry themselves.
const HOST_MODULES = ['n8n-workflow', 'luxon'];

const { ROOT, allPackages, sourceLinks } = require('./lib/packages');
const { serviceReadme } = require('./lib/readme');

const BIN = path.join(ROOT, 'node_modules', '.bin');

function run(command, args) {
	const res = spawnSync(path.join(BIN, command), args, { cwd: ROOT, stdio: 'inherit' });
	if (res.error) throw res.error;
	if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${res.status})`);
}

function log(message) {
	process.stdout.write(`[build] ${message}\n`);
}

async function bundle(pkg) {
	const outdir = path.join(pkg.dir, 'dist');
	fs.rmSync(outdir, { recursive: true, force: true });
	const result = await esbuild.build({
		absWorkingDir: ROOT,
		entryPoints: pkg.entries,
		outbase: ROOT,
		outdir,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		// n8n 1.123 runs on Node >= 20.19, n8n 2.x on Node 22 / 24.
		target: 'node20',
		external: HOST_MODULES,
		// Readable on purpose: n8n's reviewers read the published code.
		minify: false,
		// Functions keep their own names in stack traces (`execute`, not `execute2` where two
		// modules of a bundle both have one).
		keepNames: true,
		// n8n installs source-map-support at start, so with these maps a stack trace names the
		// TypeScript file and line (nodes/shared/validation.ts:53) as the tsc build's did.
		sourcemap: 'linked',
		sourcesContent: false,
		metafile: true,
		logLevel: 'warning',
	});
	return result.metafile;
}

// Every import left in a bundle must be one the host n8n provides; anything else would need a dependency.
function externalImports(metafile) {
	const found = new Set();
	for (const output of Object.values(metafile.outputs)) {
		for (const imported of output.imports || []) if (imported.external) found.add(imported.path);
	}
	return [...found];
}

// The npm packages bundled in (zod), with their licence texts: their MIT notices must travel
// with the code that contains them.
function thirdPartyNotices(metafile) {
	const packages = new Map();
	for (const input of Object.keys(metafile.inputs)) {
		const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
		if (match) packages.set(match[1], path.join(ROOT, 'node_modules', match[1]));
	}
	return [...packages].sort().map(([name, dir]) => {
		const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		const licenceFile = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
		const text = licenceFile
			? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim()
			: `License: ${manifest.license}`;
		return `## ${name} ${manifest.version}\n\n${text}\n`;
	});
}

function writeServiceFiles(pkg, rootReadme) {
	fs.mkdirSync(pkg.dir, { recursive: true });
	fs.writeFileSync(
		path.join(pkg.dir, 'package.json'),
		JSON.stringify(pkg.manifest, null, 2) + '\n',
	);
	for (const [link, target] of sourceLinks(pkg)) {
		const at = path.join(pkg.dir, link);
		const current = fs.lstatSync(at, { throwIfNoEntry: false });
		if (current && current.isSymbolicLink() && fs.readlinkSync(at) === target) continue;
		fs.mkdirSync(path.dirname(at), { recursive: true });
		fs.rmSync(at, { recursive: true, force: true });
		fs.symlinkSync(target, at);
	}
	fs.writeFileSync(path.join(pkg.dir, 'README.md'), serviceReadme(pkg, rootReadme));
	fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(pkg.dir, 'LICENSE'));
}

function checkBuilt(packages, metafiles) {
	const problems = [];
	packages.forEach((pkg, i) => {
		const extra = externalImports(metafiles[i]).filter((name) => !HOST_MODULES.includes(name));
		if (extra.length)
			problems.push(
				`${pkg.name}: its bundles import ${extra.join(', ')} (only ${HOST_MODULES.join(' and ')} may stay outside)`,
			);
		for (const file of [...pkg.manifest.n8n.nodes, ...pkg.manifest.n8n.credentials]) {
			if (!fs.existsSync(path.join(pkg.dir, file)))
				problems.push(`${pkg.name}: ${file} is listed in its package.json but was not built`);
		}
	});
	const pack = packages[0];
	for (const pkg of packages.slice(1)) {
		for (const file of pkg.manifest.n8n.credentials) {
			// The source-map comment names the bundle's own file: compare the code before it.
			const code = (dir) =>
				fs
					.readFileSync(path.join(dir, file), 'utf8')
					.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
			if (code(pkg.dir) !== code(pack.dir))
				problems.push(
					`${pkg.name}: ${file} differs from the pack's: the same credential name would carry two definitions`,
				);
		}
	}
	if (problems.length)
		throw new Error(`the build is not what it should be:\n  ${problems.join('\n  ')}`);
}

async function main() {
	const started = Date.now();
	const packages = allPackages();
	log('type check (tsc -p tsconfig.json)');
	run('tsc', ['-p', 'tsconfig.json']);

	const rootReadme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const metafiles = [];
	for (const pkg of packages) {
		log(
			`bundle ${pkg.name} (${pkg.entries.length} entry points) → ${path.relative(ROOT, path.join(pkg.dir, 'dist')) || 'dist'}/`,
		);
		const metafile = await bundle(pkg);
		metafiles.push(metafile);
		fs.writeFileSync(
			path.join(pkg.dir, 'dist', 'THIRD_PARTY_NOTICES.md'),
			`# Code from other packages bundled into dist/\n\n${thirdPartyNotices(metafile).join('\n')}`,
		);
		if (pkg.service) writeServiceFiles(pkg, rootReadme);
	}

	log('gulp build (icons, codex files, output schemas)');
	run('gulp', ['build', '--silent']);
	checkBuilt(packages, metafiles);
	log(`${packages.length} packages built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
	process.stderr.write(`[build] ${err.message}\n`);
	process.exit(1);
});
