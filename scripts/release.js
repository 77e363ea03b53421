#!/usr/bin/env node
'use strict';
// node scripts/release.js --check-tag v0.2.0      every package's version is the tag's
// node scripts/release.js --publish               npm publish --provenance of each tarball
//
// Used by .github/workflows/publish.yml on a version tag. The tarballs published are the ones
// `npm run scan` packed into artifacts/packages/ and passed through n8n's scanner: what is
// checked is what users get. A package whose version is already on npm is skipped, so a run
// that failed half-way can be started again. Publishing needs GitHub Actions' OIDC token
// (permissions: id-token: write): npm signs the provenance statement with it, and with npm's
// trusted publishing it is also the login (or NODE_AUTH_TOKEN holds an npm token).

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { allPackages } = require('./lib/packages');
const { DEFAULT_OUT } = require('./pack');

function fail(message) {
	process.stderr.write(`[release] ${message}\n`);
	process.exit(1);
}

function checkTag(tag) {
	const match = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag || '');
	if (!match) fail(`"${tag}" is not a version tag like v0.2.0`);
	const wrong = allPackages().filter((pkg) => pkg.manifest.version !== match[1]);
	if (wrong.length)
		fail(
			`tag ${tag}, but ${wrong.map((pkg) => `${pkg.name} is ${pkg.manifest.version}`).join(', ')}: set the version in package.json, run \`npm run build\`, commit, tag again`,
		);
	process.stdout.write(
		`[release] ${tag}: all ${allPackages().length} packages are version ${match[1]}\n`,
	);
}

function published(name, version) {
	const res = spawnSync('npm', ['view', `${name}@${version}`, 'version'], { encoding: 'utf8' });
	return res.status === 0 && res.stdout.trim() === version;
}

function publish() {
	for (const pkg of allPackages()) {
		const { name, version } = pkg.manifest;
		const tarball = path.join(DEFAULT_OUT, `${name}-${version}.tgz`);
		if (!fs.existsSync(tarball))
			fail(
				`${path.relative(process.cwd(), tarball)} is missing: run \`npm run scan\` first (it packs and checks every package)`,
			);
		if (published(name, version)) {
			process.stdout.write(`[release] ${name}@${version} is already on npm: skipped\n`);
			continue;
		}
		// Prerelease versions (0.3.0-rc.1) go to the "next" tag, never to "latest".
		const distTag = version.includes('-') ? 'next' : 'latest';
		const res = spawnSync(
			'npm',
			['publish', tarball, '--provenance', '--access', 'public', '--tag', distTag],
			{ stdio: 'inherit' },
		);
		if (res.status !== 0) fail(`npm publish ${path.basename(tarball)} failed (exit ${res.status})`);
	}
}

const args = process.argv.slice(2);
if (args[0] === '--check-tag') checkTag(args[1]);
else if (args[0] === '--publish') publish();
else fail('usage: node scripts/release.js --check-tag vX.Y.Z | --publish');
