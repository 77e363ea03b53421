'use strict';
// `npm start` and `npm test` must work on a fresh clone: install the locked dependencies when
// they are missing or older than package-lock.json, and do nothing (in milliseconds) otherwise.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');

const fresh =
	fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
if (!fresh) {
	process.stdout.write('Installing dependencies (npm ci) ...\n');
	// .npmrc keeps dependency install scripts off (isolated-vm cannot build on Node 20).
	const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
		cwd: root,
		stdio: 'inherit',
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}
