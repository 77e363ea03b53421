'use strict';
// Part 1: the package as a user installs it. The pack's tarball from scripts/pack.js (the
// shipped build: bundles, no dependencies) installed by npm into a fresh user folder's
// community-nodes folder (n8n-workflow from the host n8n), then a real `n8n start` must list
// every node and credential type, with its icon.

const fs = require('node:fs');
const path = require('node:path');
const rt = require('../../scripts/lib/n8n-runtime');
const { tarballProblems } = require('../../scripts/pack');

const NODE_NAMES = [
	'guaranteedReviews',
	'vanillaEshop',
	'valigara',
	'gigrove',
	'valigaraTrigger',
	'gigroveTrigger',
];
// the action nodes (usableAsTool)
const TOOL_NAMES = NODE_NAMES.filter((name) => !name.endsWith('Trigger'));
const CREDENTIAL_NAMES = ['guaranteedReviewsApi', 'vanillaEshopApi', 'valigaraApi', 'gigroveApi'];

/** Installs the pinned n8n of the line (once: .runtime/ is reused). */
function installN8n(ctx) {
	rt.ensureN8n(ctx.line);
}

/** npm installs the pack's tarball into the user folder; nothing may come with it. The install's path. */
async function installPackage(ctx) {
	const { line, report, userFolder } = ctx;
	const scope = `line ${line} · package`;
	const pack = ctx.options.packages.find((p) => p.name === rt.PACKAGE_NAME);
	let installed;
	await report.check(
		scope,
		`npm install ${path.basename(pack.tarball)} into the user folder as a user would: nothing else comes with it`,
		() => {
			[installed] = rt.installTarballs(line, userFolder, [pack.tarball]);
			const problems = tarballProblems(installed);
			const nodesModules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
			if (fs.existsSync(path.join(installed, 'node_modules')))
				problems.push('the install put a node_modules/ inside the package');
			// Before 0.2 npm fetched zod with the pack; now the pack is the only package there.
			const others = fs
				.readdirSync(nodesModules)
				.filter((name) => !name.startsWith('.') && name !== rt.PACKAGE_NAME);
			if (others.length)
				problems.push(
					`npm installed ${others.join(', ')} with the package (it must come alone; n8n-workflow is the host n8n's)`,
				);
			return problems;
		},
	);
	if (!installed) throw new Error('the package did not install: nothing else can run on this line');
	return installed;
}

async function installAndLoad(ctx) {
	const { line, report, userFolder } = ctx;
	const scope = `line ${line} · package`;
	await installPackage(ctx);
	const server = await rt.startN8n(line, {
		userFolder,
		logFile: path.join(ctx.artifacts, 'n8n-part1-types.log'),
		onRetry: (m) => report.print(`    note: ${m}`),
	});
	ctx.cleanups.push(() => server.stop());
	try {
		const { cookie } = await rt.ownerSession(server.baseUrl);
		const { nodes: nodeTypes, credentials: credTypes } = await rt.loadedTypes(
			server.baseUrl,
			cookie,
		);
		for (const name of NODE_NAMES) {
			const type = `${rt.PACKAGE_NAME}.${name}`;
			await report.check(scope, `node type ${type} is loaded, with its icon`, async () => {
				const descriptions = nodeTypes.filter((t) => t.name === type);
				if (descriptions.length === 0)
					return [`n8n ${rt.LINES[line].n8n} did not load ${type}; see ${server.logFile}`];
				return iconProblems(server.baseUrl, descriptions[0]);
			});
		}
		// n8n offers each action node to AI agents as `<type>Tool`; where Simplify is, its tool
		// variant shows Output (Simplified / Raw / Selected Fields) in its place.
		for (const name of TOOL_NAMES) {
			const type = `${rt.PACKAGE_NAME}.${name}Tool`;
			await report.check(scope, `AI agent tool ${type} is loaded`, () => {
				const tool = nodeTypes.find((t) => t.name === type);
				if (!tool) return [`n8n did not offer ${type}; see ${server.logFile}`];
				const names = new Set(tool.properties.map((p) => p.name));
				if (name !== 'guaranteedReviews' && !(names.has('output') && names.has('outputFields')))
					return [`${type} has no Output / Fields parameters`];
				return [];
			});
		}
		for (const name of CREDENTIAL_NAMES) {
			await report.check(scope, `credential type ${name} is loaded`, () => {
				const cred = credTypes.find((t) => t.name === name);
				if (!cred) return [`n8n did not load credential type ${name}`];
				const problems = [];
				if (!cred.properties?.some((p) => p.name === 'baseUrl'))
					problems.push(`${name} has no Base URL field`);
				return problems;
			});
		}
	} finally {
		await server.stop();
	}
}

// The icon n8n serves for the node must exist and be an SVG (gulp copies them into dist/).
async function iconProblems(baseUrl, description) {
	const urls =
		description.iconUrl === undefined
			? []
			: typeof description.iconUrl === 'string'
				? [description.iconUrl]
				: Object.values(description.iconUrl);
	if (urls.length === 0) return [`${description.name} has no iconUrl`];
	const problems = [];
	for (const url of urls) {
		const res = await fetch(`${baseUrl}/${url.replace(/^\//, '')}`);
		const body = await res.text();
		if (!res.ok || !body.includes('<svg'))
			problems.push(
				`icon ${url} -> HTTP ${res.status}, ${body.includes('<svg') ? 'an SVG' : 'not an SVG'}`,
			);
	}
	return problems;
}

module.exports = {
	installN8n,
	installPackage,
	installAndLoad,
	iconProblems,
	NODE_NAMES,
	CREDENTIAL_NAMES,
};
