// Two configs, one per kind of code:
// - What ships (nodes/, credentials/, package.json): n8n's official community-node config, exactly
//   as `n8n-node lint` applies it (@n8n/node-cli), no rule changed. `npm run scan` also runs n8n's
//   verification scanner on every package's source and tarball.
// - What does not ship (tests, scripts, the sandbox, e2e, bench, tooling): the plain JavaScript and
//   TypeScript recommendations. The community rules are about code n8n loads (no timers, no
//   process, no imports), so they are not applied here rather than switched off.
import js from '@eslint/js';
import { config as n8nCommunityNodes } from '@n8n/node-cli/eslint';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SHIPPED = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];

export default defineConfig(
	// packages/ holds the service packages: their sources are links to nodes/ and credentials/
	// (linted here once); their package.json files are checked by `npm run scan`.
	globalIgnores([
		'dist',
		'packages',
		'node_modules',
		'.runtime',
		'.n8n-dev',
		'.jest-cache',
		'coverage',
		'artifacts',
	]),
	{
		// defineConfig intersects these files with each block's own (`**/*.ts`, `./nodes/**/*.ts`,
		// `package.json`), so every block of the official config applies as written, to shipped code only.
		files: SHIPPED,
		extends: [n8nCommunityNodes],
	},
	{
		files: ['test/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: globals.node },
	},
	{
		files: ['**/*.{js,mjs}'],
		extends: [js.configs.recommended],
		languageOptions: { globals: { ...globals.node } },
	},
	{
		files: ['**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
	},
	{
		// Browser code that e2e runs in the editor's page (page.evaluate).
		files: ['e2e/**/*.js'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
	},
);
