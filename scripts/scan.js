#!/usr/bin/env node
'use strict';
// node scripts/scan.js [--no-pack]          (`npm run scan`; after `npm run build`)
//
// n8n's verification scanner (@n8n/scan-community-package 0.32.0) runs two lint passes on a
// package: one on its source in the repository (package.json, nodes/, credentials/) and one on
// its published tarball (every .js file and package.json). This runs both, with the scanner's
// own code (its analyzePackage and rules, inline eslint-disable comments ignored as it ignores
// them), on the pack and on every service package: the source pass from the folder holding each
// package.json (the root; packages/<name>/, whose nodes/ and credentials/ link to the sources),
// the tarball pass on the tarballs of scripts/pack.js. Only the scanner's provenance check and
// download are left out: they need a published version. Exits non-zero on any error.
//
// The scanner is installed on first use into .runtime/scanner/ from scripts/runtime-locks/scanner/,
// on its own, as `npx @n8n/scan-community-package` installs it (its pinned rule plugin 0.29.0 and
// TypeScript, not this project's).

const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const rt = require('./lib/n8n-runtime');
const { allPackages } = require('./lib/packages');
const { packAll, DEFAULT_OUT } = require('./pack');

const SCANNER_DIR = path.join(rt.RUNTIME_DIR, 'scanner');
const SCANNER_MODULE = path.join(
	SCANNER_DIR,
	'node_modules',
	'@n8n',
	'scan-community-package',
	'scanner',
	'scanner.mjs',
);
const TARBALL_PATTERNS = ['**/*.js', 'package.json']; // as analyzePackageByName lints the tarball

function ensureScanner() {
	const marker = path.join(SCANNER_DIR, '.installed');
	const expected = rt.lockMarker('scanner', '@n8n/scan-community-package');
	try {
		if (fs.readFileSync(marker, 'utf8').trim() === expected && fs.existsSync(SCANNER_MODULE))
			return;
	} catch {
		// not installed yet
	}
	process.stdout.write(
		`[scan] installing n8n's scanner into ${path.relative(rt.PROJECT_DIR, SCANNER_DIR)}/ (once) ...\n`,
	);
	fs.rmSync(marker, { force: true });
	rt.installFromLock('scanner', SCANNER_DIR, ['--ignore-scripts']);
	fs.writeFileSync(marker, expected + '\n');
}

/** Tarballs by package name: freshly packed, or (--no-pack) the ones already in artifacts/packages/. */
function tarballs(pack) {
	if (pack) return new Map(packAll().map((r) => [r.name, r.unpacked]));
	const found = new Map();
	for (const entry of fs.readdirSync(DEFAULT_OUT, { withFileTypes: true })) {
		const unpacked = path.join(DEFAULT_OUT, entry.name, 'package');
		if (entry.isDirectory() && fs.existsSync(path.join(unpacked, 'package.json'))) {
			found.set(
				JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')).name,
				unpacked,
			);
		}
	}
	return found;
}

async function main() {
	const pack = !process.argv.includes('--no-pack');
	ensureScanner();
	// The scanner makes a temporary folder when it loads: have it removed when this process ends.
	require(require.resolve('tmp', { paths: [path.dirname(SCANNER_MODULE)] })).setGracefulCleanup();
	const scanner = await import(pathToFileURL(SCANNER_MODULE).href);
	const unpacked = tarballs(pack);
	let failed = 0;
	for (const pkg of allPackages()) {
		if (!unpacked.has(pkg.name))
			throw new Error(`no tarball of ${pkg.name}: run \`npm run build\` and \`npm run pack\``);
		const passes = [
			['source', pkg.dir, scanner.SOURCE_FILE_PATTERNS],
			['tarball', unpacked.get(pkg.name), TARBALL_PATTERNS],
		];
		for (const [label, dir, patterns] of passes) {
			const result = await scanner.analyzePackage(dir, patterns);
			process.stdout.write(
				`[scan] ${pkg.name} ${label} (${path.relative(rt.PROJECT_DIR, dir) || '.'}): ${result.passed ? '0 errors' : `FAILED, ${result.message}`}\n`,
			);
			if (!result.passed) {
				failed += 1;
				if (result.details) process.stdout.write(`${result.details}\n`);
			}
		}
	}
	process.stdout.write(
		`[scan] ${failed === 0 ? 'every package passes' : `${failed} pass(es) failed`} n8n's scanner lint (source and tarball, inline eslint-disable ignored)\n`,
	);
	process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
	process.stderr.write(`[scan] ${err.stack || err.message}\n`);
	process.exit(1);
});
