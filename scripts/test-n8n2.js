'use strict';
// Runs the same jest suite against the n8n 2.x engine: n8n-core 2.41.1 with its own n8n-workflow
// 2.41.0 and @n8n/di 0.17.0, under Node 24 (what n8n 2.41 requires). The 2.x set lives in
// .runtime/n8n2-test/ (git-ignored) and jest.n8n2.config.js maps those three packages to it, so
// the nodes and the engine share one copy of n8n-workflow, as in a real n8n 2.x.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const {
	PROJECT_DIR,
	RUNTIME_DIR,
	ensureNode24,
	lockMarker,
	installFromLock,
} = require('./lib/n8n-runtime');

const ENGINE_DIR = path.join(RUNTIME_DIR, 'n8n2-test');
// n8n-core 2.41.1, n8n-workflow 2.41.0, @n8n/di 0.17.0, as the committed lock pins them.
const ENGINE = require('./runtime-locks/n8n2-test/package.json').dependencies;

function ensureEngine() {
	const marker = path.join(ENGINE_DIR, '.installed');
	const wanted = lockMarker('n8n2-test', JSON.stringify(ENGINE));
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return;
	process.stdout.write(
		`[test:n8n2] installing ${Object.entries(ENGINE)
			.map(([n, v]) => `${n}@${v}`)
			.join(' ')} (scripts/runtime-locks/n8n2-test/) ...\n`,
	);
	fs.rmSync(marker, { force: true });
	// --ignore-scripts: isolated-vm's native build is not needed by the engine tests.
	installFromLock('n8n2-test', ENGINE_DIR, ['--ignore-scripts', '--legacy-peer-deps']);
	fs.writeFileSync(marker, wanted);
}

const node24 = ensureNode24();
ensureEngine();
const jest = path.join(PROJECT_DIR, 'node_modules', 'jest', 'bin', 'jest.js');
const run = spawnSync(node24, [jest, '-c', 'jest.n8n2.config.js', ...process.argv.slice(2)], {
	cwd: PROJECT_DIR,
	stdio: 'inherit',
	env: { ...process.env, N8N_TEST_ENGINE_DIR: ENGINE_DIR },
});
process.exit(run.status ?? 1);
