'use strict';
// Small helpers of the acceptance suite.

const fs = require('node:fs');
const path = require('node:path');

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const ARTIFACTS_DIR = path.join(PROJECT_DIR, 'artifacts', 'e2e');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls check() every `everyMs` until it returns a truthy value (returned); throws after
 * timeoutMs, or at once when `child` (optional) has ended.
 */
async function waitUntil(what, check, { timeoutMs = 30000, everyMs = 500, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw new Error(`${what}: the process ended first (exit ${child.exitCode ?? child.signalCode})`);
		}
		try {
			const value = await check();
			if (value) return value;
		} catch (err) {
			last = err;
		}
		if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s${last ? ` (last error: ${last.message})` : ''}`);
		await sleep(everyMs);
	}
}

/** artifacts/e2e/<parts...>, created. */
function artifactsDir(...parts) {
	const dir = path.join(ARTIFACTS_DIR, ...parts);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

function writeArtifact(dir, name, content) {
	const file = path.join(dir, name);
	fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	return file;
}

/** A file name from free text. */
function slug(text) {
	return String(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** `a.b[0].c` style lookup that never throws. */
function dig(value, ...keys) {
	return keys.reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value);
}

module.exports = { PROJECT_DIR, ARTIFACTS_DIR, sleep, waitUntil, artifactsDir, writeArtifact, slug, dig };
