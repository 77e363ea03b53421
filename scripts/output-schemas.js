#!/usr/bin/env node
// Regenerates the action nodes' output schemas (nodes/<Node>/__schema__/v<version>/<resource>/<operation>.json,
// which n8n's editor shows before a run): test/schemas/output-schemas.test.ts runs every operation
// through n8n's engine against the sandbox, writes each schema from what it output, then checks
// it. Review the diff: a field that disappears or changes type is a change users will see.
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const jest = require.resolve('jest/bin/jest', { paths: [root] });
const run = spawnSync(process.execPath, [jest, 'test/schemas/output-schemas.test.ts'], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, WRITE_OUTPUT_SCHEMAS: '1' },
});
process.exit(run.status ?? 1);
