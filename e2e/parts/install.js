'use strict';
// Part 1: the package as a user installs it. `npm pack`, unpacked into a fresh user
// folder's community-nodes folder (no devDependencies, n8n-workflow from the host n8n),
// then a real `n8n start` must list every node and credential type, with its icon.

const fs = require('node:fs');
const path = require('node:path');
const rt = require('../../scripts/lib/n8n-runtime');

const NODE_NAMES = ['guaranteedReviews', 'vanillaEshop', 'valigara', 'gigrove', 'valigaraTrigger', 'gigroveTrigger'];
const CREDENTIAL_NAMES = ['guaranteedReviewsApi', 'vanillaEshopApi', 'valigaraApi', 'gigroveApi'];

/** Installs the pinned n8n of the line (once: .runtime/ is reused). */
function installN8n(ctx) {
	rt.ensureN8n(ctx.line);
}

async function installAndLoad(ctx) {
	const { line, report, userFolder } = ctx;
	const scope = `line ${line} · package`;
	let installed;
	await report.check(scope, 'npm pack + install into the user folder as a user would', () => {
		installed = rt.installPackage(line, userFolder);
		const problems = [];
		const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
		for (const rel of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
			if (!fs.existsSync(path.join(installed, rel))) problems.push(`${rel} is listed in package.json but not in the packed package`);
		}
		for (const dir of ['nodes', 'credentials', 'test', 'sandbox', 'e2e', 'scripts']) {
			if (fs.existsSync(path.join(installed, dir))) problems.push(`the packed package ships ${dir}/ (only dist/ and index.js belong there)`);
		}
		const nodesModules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
		if (fs.existsSync(path.join(nodesModules, 'n8n-workflow')) || fs.existsSync(path.join(installed, 'node_modules', 'n8n-workflow'))) {
			problems.push('the install brought its own n8n-workflow (it must use the host n8n\'s: peer dependency)');
		}
		for (const dev of Object.keys(readPkg().devDependencies || {})) {
			if (fs.existsSync(path.join(nodesModules, dev))) problems.push(`devDependency ${dev} was installed with the package`);
		}
		return problems;
	});
	if (!installed) throw new Error('the package did not install: nothing else can run on this line');

	const server = await rt.startN8n(line, { userFolder, logFile: path.join(ctx.artifacts, 'n8n-part1-types.log'), onRetry: (m) => report.print(`    note: ${m}`) });
	ctx.cleanups.push(() => server.stop());
	try {
		const { cookie } = await rt.ownerSession(server.baseUrl);
		const { json: nodeTypes } = await rt.restJson(server.baseUrl, 'GET', '/types/nodes.json', { cookie });
		const { json: credTypes } = await rt.restJson(server.baseUrl, 'GET', '/types/credentials.json', { cookie });
		for (const name of NODE_NAMES) {
			const type = `${rt.PACKAGE_NAME}.${name}`;
			await report.check(scope, `node type ${type} is loaded, with its icon`, async () => {
				const descriptions = nodeTypes.filter((t) => t.name === type);
				if (descriptions.length === 0) return [`n8n ${rt.LINES[line].n8n} did not load ${type}; see ${server.logFile}`];
				return iconProblems(server.baseUrl, descriptions[0]);
			});
		}
		for (const name of CREDENTIAL_NAMES) {
			await report.check(scope, `credential type ${name} is loaded`, () => {
				const cred = credTypes.find((t) => t.name === name);
				if (!cred) return [`n8n did not load credential type ${name}`];
				const problems = [];
				if (!cred.properties?.some((p) => p.name === 'baseUrl')) problems.push(`${name} has no Base URL field`);
				return problems;
			});
		}
	} finally {
		await server.stop();
	}
}

// The icon n8n serves for the node must exist and be an SVG (gulp copies them into dist/).
async function iconProblems(baseUrl, description) {
	const urls = description.iconUrl === undefined ? [] : typeof description.iconUrl === 'string' ? [description.iconUrl] : Object.values(description.iconUrl);
	if (urls.length === 0) return [`${description.name} has no iconUrl`];
	const problems = [];
	for (const url of urls) {
		const res = await fetch(`${baseUrl}/${url.replace(/^\//, '')}`);
		const body = await res.text();
		if (!res.ok || !body.includes('<svg')) problems.push(`icon ${url} -> HTTP ${res.status}, ${body.includes('<svg') ? 'an SVG' : 'not an SVG'}`);
	}
	return problems;
}

function readPkg() {
	return JSON.parse(fs.readFileSync(path.join(rt.PROJECT_DIR, 'package.json'), 'utf8'));
}

module.exports = { installN8n, installAndLoad, NODE_NAMES, CREDENTIAL_NAMES };
