#!/usr/bin/env node
'use strict';
// node scripts/e2e.js [--line 1|2|both] [--skip-browser | --only browser]      (`npm run e2e`)
//
// The acceptance suite (e2e/run.js): packs this package, installs it into a real n8n
// as a user would (1.123.81 on Node 20, 2.41.1 on Node 24), runs the example workflows
// against the local sandbox, the triggers in a running n8n, and the editor in headless
// Chromium. Needs dist/ (`npm run build`). Ends with one line `N passed, N failed`;
// exits non-zero on any failure. Screenshots and logs: artifacts/e2e/.
// `--only browser`: the browser part alone, with what it needs (the tarballs installed, the
// sandbox credentials imported, n8n started), while working on it.

const rt = require('./lib/n8n-runtime');
const { main } = require('../e2e/run');

function parseArgs(argv) {
	const options = { lines: ['1', '2'], skipBrowser: false };
	rt.readArgs(argv, 'node scripts/e2e.js [--line 1|2|both] [--skip-browser | --only browser]', {
		'--line': (value) => (options.lines = rt.linesArg(value())),
		'--skip-browser': () => (options.skipBrowser = true),
		'--only': (value) => {
			const part = value();
			if (part !== 'browser') throw new Error(`--only takes "browser", not "${part}"`);
			options.only = part;
		},
	});
	if (options.only && options.skipBrowser)
		throw new Error('--only browser and --skip-browser leave nothing to run');
	return options;
}

let options;
try {
	options = parseArgs(process.argv.slice(2));
} catch (err) {
	console.error(`[e2e] ${err.message}`);
	process.exit(2);
}
main(options).then(
	(code) => process.exit(code),
	(err) => {
		console.error(`[e2e] ${err.stack || err.message}`);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
