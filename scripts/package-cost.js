#!/usr/bin/env node
'use strict';
// node scripts/package-cost.js [--line 1|2|both] [--runs 9] [tarball ...]
//
// What a package costs a user, per tarball (default: every tarball in artifacts/packages/, made
// by `npm run pack`): its download (the tarball, plus the tarballs of any dependencies npm
// fetches with it), what lands in ~/.n8n/nodes, and how long n8n takes to load all its nodes and
// credentials (n8n-core's own PackageDirectoryLoader, in a fresh process each time, in the pinned
// n8n of each line; median and range of --runs, tarballs interleaved so load on a shared machine
// hits them alike). Each tarball is installed alone, as a user would: this also shows each one
// installs and loads without the others. Needs the n8n of each line in .runtime/ (npm run e2e
// installs them).

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const rt = require('./lib/n8n-runtime');
const { DEFAULT_OUT } = require('./pack');

function parseArgs(argv) {
	const options = { lines: ['1', '2'], runs: 9, tarballs: [] };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--line') options.lines = argv[++i] === 'both' ? ['1', '2'] : [argv[i]];
		else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
		else options.tarballs.push(path.resolve(argv[i]));
	}
	if (options.tarballs.length === 0) {
		options.tarballs = fs
			.readdirSync(DEFAULT_OUT)
			.filter((f) => f.endsWith('.tgz'))
			.map((f) => path.join(DEFAULT_OUT, f));
	}
	return options;
}

function bytesUnder(dir) {
	let total = 0;
	let files = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const sub = bytesUnder(p);
			total += sub.total;
			files += sub.files;
		} else if (entry.isFile()) {
			total += fs.statSync(p).size;
			files += 1;
		}
	}
	return { total, files };
}

// The packages npm put beside ours, with the size of the tarball npm downloaded for each.
function dependencyDownloads(nodesDir, ownName) {
	const lock = path.join(nodesDir, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(lock)) return [];
	const { packages } = JSON.parse(fs.readFileSync(lock, 'utf8'));
	return Object.entries(packages)
		.filter(([key]) => key && !key.endsWith(`node_modules/${ownName}`))
		.map(([key, info]) => {
			const name = key.replace(/^.*node_modules\//, '');
			const view = spawnSync('npm', ['view', `${name}@${info.version}`, 'dist.tarball'], {
				encoding: 'utf8',
			});
			const head = spawnSync('curl', ['-sIL', view.stdout.trim()], { encoding: 'utf8' });
			const length = Number((/content-length:\s*(\d+)/i.exec(head.stdout) || [])[1] || 0);
			return { name: `${name}@${info.version}`, bytes: length };
		});
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function loadOnce(line, packageDir) {
	const res = spawnSync(
		rt.nodeBin(line),
		[
			path.join(__dirname, 'lib', 'load-package.js'),
			path.join(rt.RUNTIME_DIR, `n8n-${line}`),
			packageDir,
		],
		{ encoding: 'utf8' },
	);
	if (res.status !== 0)
		throw new Error(`loading ${packageDir} on line ${line} failed:\n${res.stderr}`);
	return JSON.parse(res.stdout.trim().split('\n').pop());
}

function main() {
	const options = parseArgs(process.argv.slice(2));
	const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
	const installs = options.tarballs.map((tarball) => {
		const userFolder = rt.tempUserFolder('n8n-package-cost-');
		const [dir] = rt.installTarballs(options.lines[0], userFolder, [tarball]);
		const nodesDir = path.join(userFolder, '.n8n', 'nodes');
		const installed = bytesUnder(path.join(nodesDir, 'node_modules'));
		const deps = dependencyDownloads(nodesDir, path.basename(dir));
		return {
			tarball,
			dir,
			userFolder,
			name: path.basename(tarball),
			size: fs.statSync(tarball).size,
			installed,
			deps,
			ms: {},
		};
	});
	try {
		for (const line of options.lines) {
			for (const install of installs) install.ms[line] = [];
			for (let run = 0; run < options.runs; run++) {
				for (const install of installs) {
					const result = loadOnce(line, install.dir);
					install.ms[line].push(result.ms);
					install.loaded = `${result.nodes.length} nodes, ${result.credentials.length} credentials`;
				}
			}
		}
		const lineHeads = options.lines.map(
			(l) => `load on n8n ${rt.LINES[l].n8n} (ms, median of ${options.runs}, min–max)`,
		);
		process.stdout.write(
			`| tarball | download (its dependencies) | in ~/.n8n/nodes | loaded | ${lineHeads.join(' | ')} |\n`,
		);
		process.stdout.write(`|---|---|---|---|${options.lines.map(() => '---|').join('')}\n`);
		for (const i of installs) {
			const depBytes = i.deps.reduce((sum, d) => sum + d.bytes, 0);
			const download = i.deps.length
				? `${kb(i.size + depBytes)} (${i.deps.map((d) => `${d.name} ${kb(d.bytes)}`).join(', ')})`
				: `${kb(i.size)} (none)`;
			const loads = options.lines.map(
				(l) =>
					`${median(i.ms[l]).toFixed(0)} (${Math.min(...i.ms[l]).toFixed(0)}–${Math.max(...i.ms[l]).toFixed(0)})`,
			);
			process.stdout.write(
				`| ${i.name} | ${download} | ${kb(i.installed.total)}, ${i.installed.files} files | ${i.loaded} | ${loads.join(' | ')} |\n`,
			);
		}
	} finally {
		for (const install of installs) fs.rmSync(install.userFolder, { recursive: true, force: true });
	}
}

main();
