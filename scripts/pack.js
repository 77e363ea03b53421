#!/usr/bin/env node
'use strict';
// node scripts/pack.js [--out DIR]          (`npm run pack`; after `npm run build`)
//
// `npm pack` of the pack and of each service package into DIR (default artifacts/packages/),
// each unpacked beside its tarball, and a check of what each holds: no `dependencies`, nothing
// but dist/, package.json, README.md and LICENSE, every file its package.json lists for n8n.
// These tarballs are what the scanner passes (scripts/scan.js), the acceptance suite
// (`npm run e2e`) and the release workflow use: what users get is what is tested.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { ROOT, allPackages } = require('./lib/packages');

const DEFAULT_OUT = path.join(ROOT, 'artifacts', 'packages');
const SHIPPED_TOP_LEVEL = new Set(['dist', 'package.json', 'README.md', 'LICENSE']);

function npm(args, cwd) {
	const res = spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (res.error) throw res.error;
	if (res.status !== 0)
		throw new Error(`npm ${args.join(' ')} failed (exit ${res.status}):\n${res.stderr}`);
	return res.stdout;
}

/** What is wrong with an unpacked package (its `package/` folder), as a list of sentences. */
function tarballProblems(unpacked) {
	const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
	const problems = [];
	const deps = Object.keys(manifest.dependencies || {});
	if (deps.length) problems.push(`has dependencies: ${deps.join(', ')}`);
	for (const entry of fs.readdirSync(unpacked)) {
		if (!SHIPPED_TOP_LEVEL.has(entry))
			problems.push(`ships ${entry} (only ${[...SHIPPED_TOP_LEVEL].join(', ')} belong there)`);
	}
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		if (!fs.existsSync(path.join(unpacked, file)))
			problems.push(`lists ${file} for n8n but does not ship it`);
	}
	return problems;
}

/**
 * Packs every package into `out`. Returns, per package: { name, version, tarball (path), unpacked
 * (the folder holding its package.json), size, unpackedSize, files }. Throws when one is wrong.
 */
function packAll({ out = DEFAULT_OUT } = {}) {
	fs.rmSync(out, { recursive: true, force: true });
	fs.mkdirSync(out, { recursive: true });
	const results = [];
	for (const pkg of allPackages()) {
		if (!fs.existsSync(path.join(pkg.dir, 'dist')))
			throw new Error(`${pkg.name} is not built: run \`npm run build\` first`);
		const [info] = JSON.parse(
			npm(['pack', pkg.dir, '--json', '--ignore-scripts', '--pack-destination', out], ROOT),
		);
		const tarball = path.join(out, info.filename);
		const unpackedRoot = path.join(out, info.filename.replace(/\.tgz$/, ''));
		fs.mkdirSync(unpackedRoot, { recursive: true });
		const untar = spawnSync('tar', ['-xzf', tarball, '-C', unpackedRoot], { encoding: 'utf8' });
		if (untar.status !== 0) throw new Error(`tar -xzf ${tarball}: ${untar.stderr}`);
		const unpacked = path.join(unpackedRoot, 'package');
		const problems = tarballProblems(unpacked);
		if (problems.length) throw new Error(`${info.filename}:\n  ${problems.join('\n  ')}`);
		results.push({
			name: info.name,
			version: info.version,
			tarball,
			unpacked,
			size: info.size,
			unpackedSize: info.unpackedSize,
			files: info.entryCount,
		});
	}
	return results;
}

function kb(bytes) {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

function printTable(results, out = process.stdout) {
	out.write('| package | tarball | unpacked | files |\n|---|---|---|---|\n');
	for (const r of results)
		out.write(`| ${r.name}@${r.version} | ${kb(r.size)} | ${kb(r.unpackedSize)} | ${r.files} |\n`);
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const outIndex = args.indexOf('--out');
	try {
		const results = packAll(outIndex >= 0 ? { out: path.resolve(args[outIndex + 1]) } : {});
		printTable(results);
		process.stdout.write(
			`\n${results.length} tarballs in ${path.relative(ROOT, path.dirname(results[0].tarball))}/, none with dependencies\n`,
		);
	} catch (err) {
		process.stderr.write(`[pack] ${err.message}\n`);
		process.exit(1);
	}
}

module.exports = { packAll, tarballProblems, printTable, DEFAULT_OUT };
