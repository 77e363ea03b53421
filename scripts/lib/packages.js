'use strict';
// The packages built from this one source tree (`npm run build`):
//   n8n-nodes-commerce-pack          the pack: all four services (package.json at the root, dist/)
//   n8n-nodes-<service>              one per service: its node(s), its credential, the shared core
//                                    bundled in, its docs and icons (packages/<name>/, dist/ inside)
// n8n's verification takes one service per package; the pack stays for those who want all four.
//
// What a service package holds is read from the pack's own `n8n` lists (every node under
// nodes/<dir>/, and its credential), so a node added to the pack lands in its service package too.
// Its package.json is written by the build and committed: n8n's scanner finds a package's source
// by looking in the repository (at the commit its npm provenance names) for a package.json with
// that name. The links nodes/<dir>, nodes/shared and credentials/<credential> beside it point at
// the real sources, so the scanner's source pass lints them from there.

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGES_DIR = path.join(ROOT, 'packages');

const SERVICES = [
	{
		name: 'n8n-nodes-valigara',
		title: 'Valigara',
		nodeDir: 'Valigara',
		credential: 'ValigaraApi',
		docs: 'docs/valigara.md',
		description:
			'n8n nodes for Valigara: every API operation (products, gemstones, orders) and a polling trigger for new orders and clients.',
		keywords: ['valigara', 'jewelry', 'ecommerce'],
	},
	{
		name: 'n8n-nodes-vanilla-eshop',
		title: 'Vanilla eShop',
		nodeDir: 'VanillaEshop',
		credential: 'VanillaEshopApi',
		docs: 'docs/vanilla-eshop.md',
		description:
			'n8n node for Vanilla eShop: customers, manufacturers, option values, orders, prices and products, bulk operations included.',
		keywords: ['vanilla-eshop', 'ecommerce'],
	},
	{
		name: 'n8n-nodes-gigrove',
		title: 'Gigrove',
		nodeDir: 'Gigrove',
		credential: 'GigroveApi',
		docs: 'docs/gigrove.md',
		description:
			'n8n nodes for Gigrove (WCFM marketplace): products, orders, notifications, bookings and deliveries, and a polling trigger for new notifications and orders.',
		keywords: ['gigrove', 'wcfm', 'marketplace', 'ecommerce'],
	},
	{
		name: 'n8n-nodes-guaranteed-reviews',
		title: 'Guaranteed Reviews',
		nodeDir: 'GuaranteedReviews',
		credential: 'GuaranteedReviewsApi',
		docs: undefined, // its reference is the README's section
		description:
			'n8n node for Guaranteed Reviews (Avis Garantis): send orders, read reviews, rating summaries and stats.',
		keywords: ['guaranteed-reviews', 'avis-garantis', 'reviews', 'ecommerce'],
	},
];

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function rootManifest() {
	return readJson(path.join(ROOT, 'package.json'));
}

/** `dist/nodes/Valigara/Valigara.node.js` → `nodes/Valigara/Valigara.node.ts` (the entry point it is built from). */
function sourceOf(distPath) {
	return distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

/**
 * Every package the build makes: { name, dir (its root), manifest (its package.json), entries
 * (sources to bundle), assets (globs of icons and codex files to copy into its dist/), service }.
 */
function allPackages(root = rootManifest()) {
	const pack = {
		name: root.name,
		dir: ROOT,
		manifest: root,
		entries: [...root.n8n.nodes, ...root.n8n.credentials].map(sourceOf),
		assets: [
			'nodes/**/*.{svg,png}',
			'nodes/**/*.node.json',
			'nodes/**/__schema__/**/*.json',
			'credentials/**/*.{svg,png}',
		],
		service: undefined,
	};
	return [pack, ...SERVICES.map((service) => servicePackage(service, root))];
}

function servicePackage(service, root) {
	const manifest = serviceManifest(service, root);
	return {
		name: service.name,
		dir: path.join(PACKAGES_DIR, service.name),
		manifest,
		entries: [...manifest.n8n.nodes, ...manifest.n8n.credentials].map(sourceOf),
		assets: [
			`nodes/${service.nodeDir}/**/*.{svg,png}`,
			`nodes/${service.nodeDir}/**/*.node.json`,
			`nodes/${service.nodeDir}/**/__schema__/**/*.json`,
		],
		service,
	};
}

/** The service package's package.json: the pack's metadata, its own name, nodes and credential. */
function serviceManifest(service, root) {
	const nodes = root.n8n.nodes.filter((p) => p.startsWith(`dist/nodes/${service.nodeDir}/`));
	const credentials = root.n8n.credentials.filter(
		(p) => p === `dist/credentials/${service.credential}.credentials.js`,
	);
	if (nodes.length === 0 || credentials.length !== 1) {
		throw new Error(
			`${service.name}: package.json "n8n" lists ${nodes.length} node(s) under dist/nodes/${service.nodeDir}/ and ${credentials.length} credential ${service.credential}`,
		);
	}
	return {
		name: service.name,
		version: root.version,
		description: service.description,
		keywords: ['n8n-community-node-package', 'n8n', ...service.keywords],
		license: root.license,
		homepage: root.homepage,
		author: root.author,
		repository: { ...root.repository, directory: `packages/${service.name}` },
		files: ['dist'],
		scripts: {
			// Builds every package of this repository (they share one source and one version).
			prepublishOnly: 'npm run --prefix ../.. build',
		},
		n8n: { n8nNodesApiVersion: root.n8n.n8nNodesApiVersion, credentials, nodes },
		peerDependencies: root.peerDependencies,
	};
}

/** The links in packages/<name>/ that show the scanner the service's sources: [link, target]. */
function sourceLinks(pkg) {
	const { nodeDir, credential } = pkg.service;
	return [
		[`nodes/${nodeDir}`, `../../../nodes/${nodeDir}`],
		['nodes/shared', '../../../nodes/shared'],
		[
			`credentials/${credential}.credentials.ts`,
			`../../../credentials/${credential}.credentials.ts`,
		],
	];
}

module.exports = {
	ROOT,
	PACKAGES_DIR,
	SERVICES,
	allPackages,
	rootManifest,
	serviceManifest,
	sourceLinks,
	sourceOf,
};
