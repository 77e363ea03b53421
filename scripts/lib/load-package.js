'use strict';
// node scripts/lib/load-package.js <n8n folder> <installed package folder>
//
// Loads one installed community package the way n8n does (n8n-core's PackageDirectoryLoader,
// with n8n's node_modules on NODE_PATH as n8n sets it) and prints, as JSON, how long that took
// and what it loaded: { ms, nodes, credentials }. Run in a fresh process per measurement
// (scripts/package-cost.js) so nothing is cached from an earlier load.

const path = require('node:path');
const Module = require('node:module');

async function main() {
	const [n8nDir, packageDir] = process.argv.slice(2).map((p) => path.resolve(p));
	// n8n's LoadNodesAndCredentials does the same, so packages resolve n8n-workflow (and, before
	// 0.2, nothing else) from the host.
	process.env.NODE_PATH = path.join(n8nDir, 'node_modules');
	Module._initPaths();
	process.env.N8N_LOG_LEVEL = 'silent';
	require(path.join(n8nDir, 'node_modules', 'reflect-metadata'));
	const { PackageDirectoryLoader } = require(path.join(n8nDir, 'node_modules', 'n8n-core'));

	const started = process.hrtime.bigint();
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	process.stdout.write(
		JSON.stringify({
			ms,
			nodes: Object.keys(loader.known.nodes),
			credentials: Object.keys(loader.known.credentials),
		}) + '\n',
	);
}

main().catch((err) => {
	process.stderr.write(`${err.stack}\n`);
	process.exit(1);
});
