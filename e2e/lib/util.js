'use strict';
// Small helpers of the acceptance suite.

const fs = require('node:fs');
const path = require('node:path');

// The runtime library's, for the parts that take them from here.
const { PROJECT_DIR, sleep, waitUntil } = require('../../scripts/lib/n8n-runtime');

const ARTIFACTS_DIR = path.join(PROJECT_DIR, 'artifacts', 'e2e');

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

module.exports = {
	PROJECT_DIR,
	ARTIFACTS_DIR,
	sleep,
	waitUntil,
	artifactsDir,
	writeArtifact,
	slug,
	dig,
};
