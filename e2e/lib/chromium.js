'use strict';
// Debian's Chromium for the browser part. CI machines start without it: install it
// with apt-get (the suite runs as root there). Nothing is downloaded but Debian packages.

const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

// Flags from the shared runtime notes: headless, no sandbox (root), nothing phoning home.
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function findChromium() {
	return CANDIDATES.find((file) => fs.existsSync(file)) || null;
}

function run(cmd, args, log) {
	log(`$ ${cmd} ${args.join(' ')}`);
	const res = spawnSync(cmd, args, {
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	if (res.error) throw res.error;
	if (res.status !== 0) {
		throw new Error(
			`"${cmd} ${args.join(' ')}" failed (exit ${res.status}):\n${(res.stdout + res.stderr).split('\n').slice(-30).join('\n')}`,
		);
	}
	return res.stdout;
}

/** The path of Debian's chromium, installing it first (apt-get update + install) when missing. */
function ensureChromium(log = (m) => process.stdout.write(`[chromium] ${m}\n`)) {
	const found = findChromium();
	if (found) return found;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new Error(
			'chromium is missing and this is not root: run `apt-get update && apt-get install -y chromium`, or pass --skip-browser',
		);
	}
	log(
		"chromium is missing: installing Debian's package (apt-get update, apt-get install -y chromium)",
	);
	run('apt-get', ['update'], log);
	run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], log);
	const installed = findChromium();
	if (!installed) throw new Error('apt-get installed chromium, but no /usr/bin/chromium is there');
	log(`${installed}: ${run(installed, ['--version'], () => {}).trim()}`);
	return installed;
}

module.exports = { ensureChromium, findChromium, CHROMIUM_ARGS };
