'use strict';
// Part 2b: the service packages (n8n-nodes-valigara, -vanilla-eshop, -gigrove,
// -guaranteed-reviews), built from the same source as the pack, from their tarballs.
//   - Each alone: npm installs nothing with it, and n8n's own loader (n8n-core's
//     PackageDirectoryLoader in this line's n8n and Node) loads the nodes and the credential its
//     package.json lists.
//   - All beside the pack in one n8n: every node type of every package loads, with its icon.
//     Node types carry the package name; credential types do not: n8n lists a credential type
//     once per package that declares it and uses the class of whichever package it loaded
//     last. That is harmless only when the definitions are the same, so each must be.
//   - There, each service's example workflow runs through its own package's nodes, on the
//     credentials made for the pack, and the pack's Valigara example runs beside them.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const rt = require('../../scripts/lib/n8n-runtime');
const { writeArtifact } = require('../lib/util');
const { iconProblems } = require('./install');
const { executeOne, isManual, ownType } = require('./execute');

const lowerFirst = (text) => text[0].toLowerCase() + text.slice(1);

/** The node and credential type names a package declares (`dist/nodes/X/FooBar.node.js` → fooBar). */
function declaredTypes(unpacked) {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
	const typeOf = (file) => lowerFirst(path.basename(file).split('.')[0]);
	return { nodes: n8n.nodes.map(typeOf).sort(), credentials: n8n.credentials.map(typeOf).sort() };
}

/** The pack's example workflow, through `packageName`'s node types (ids ≤ 16 characters). */
function throughPackage(wf, packageName) {
	return {
		...wf,
		id: wf.id.replace(/^sbx/, 'svc'),
		name: `${wf.name} [${packageName}]`,
		nodes: wf.nodes.map((node) =>
			ownType(node) ? { ...node, type: `${packageName}.${ownType(node)}` } : node,
		),
	};
}

// What n8n adds per package to a credential type it lists: the package's node names, its icon path.
const PER_PACKAGE = ['supportedNodes', 'iconUrl'];
function definitionOnly(credentialType) {
	return Object.fromEntries(
		Object.entries(credentialType).filter(([key]) => !PER_PACKAGE.includes(key)),
	);
}

async function checkAlone(ctx, pkg) {
	const { line, report } = ctx;
	await report.check(
		`line ${line} · service packages`,
		`${pkg.name} alone: npm installs nothing with it, n8n's loader loads what its package.json lists`,
		() => {
			const folder = rt.tempUserFolder('n8n-commerce-pack-e2e-alone-');
			try {
				const [dir] = rt.installTarballs(line, folder, [pkg.tarball]);
				const problems = [];
				const others = fs
					.readdirSync(path.dirname(dir))
					.filter((name) => !name.startsWith('.') && name !== pkg.name);
				if (others.length) problems.push(`npm installed ${others.join(', ')} with it`);
				const loader = path.join(rt.PROJECT_DIR, 'scripts', 'lib', 'load-package.js');
				const res = spawnSync(
					rt.nodeBin(line),
					[loader, path.join(rt.RUNTIME_DIR, `n8n-${line}`), dir],
					{ encoding: 'utf8' },
				);
				if (res.status !== 0)
					return [
						...problems,
						`n8n's loader failed:\n${res.stderr.trim().split('\n').slice(0, 4).join('\n')}`,
					];
				const loaded = JSON.parse(res.stdout.trim().split('\n').pop());
				const want = declaredTypes(dir);
				if (JSON.stringify(loaded.nodes.sort()) !== JSON.stringify(want.nodes))
					problems.push(`loaded nodes ${loaded.nodes}, want ${want.nodes}`);
				if (JSON.stringify(loaded.credentials.sort()) !== JSON.stringify(want.credentials))
					problems.push(`loaded credentials ${loaded.credentials}, want ${want.credentials}`);
				return problems;
			} finally {
				fs.rmSync(folder, { recursive: true, force: true });
			}
		},
	);
}

async function checkSideBySide(ctx, userFolder) {
	const { line, report, options } = ctx;
	const scope = `line ${line} · service packages`;
	const server = await rt.startN8n(line, {
		userFolder,
		logFile: path.join(ctx.artifacts, 'n8n-part2b-side-by-side.log'),
		onRetry: (m) => report.print(`    note: ${m}`),
	});
	try {
		const { cookie } = await rt.ownerSession(server.baseUrl);
		const { nodes: nodeTypes, credentials: credentialTypes } = await rt.loadedTypes(
			server.baseUrl,
			cookie,
		);
		const declared = new Map(
			options.packages.map((pkg) => [pkg.name, declaredTypes(pkg.unpacked)]),
		);
		const ourCredentials = [
			...new Set([...declared.values()].flatMap((d) => d.credentials)),
		].sort();
		writeArtifact(
			ctx.artifacts,
			'side-by-side-credential-types.json',
			credentialTypes.filter((t) => ourCredentials.includes(t.name)),
		);

		for (const [name, types] of declared) {
			await report.check(
				scope,
				`beside the others, ${name}'s node types load with their icons (${types.nodes.join(', ')})`,
				async () => {
					const problems = [];
					for (const node of types.nodes) {
						const description = nodeTypes.find((t) => t.name === `${name}.${node}`);
						if (!description)
							problems.push(`n8n did not load ${name}.${node}; see ${server.logFile}`);
						else problems.push(...(await iconProblems(server.baseUrl, description)));
					}
					return problems;
				},
			);
		}
		for (const credential of ourCredentials) {
			const declaring = [...declared]
				.filter(([, types]) => types.credentials.includes(credential))
				.map(([name]) => name);
			await report.check(
				scope,
				`credential type ${credential} (declared by ${declaring.join(' and ')}): the same definition in each`,
				() => {
					const listed = credentialTypes.filter((t) => t.name === credential);
					const problems = [];
					if (listed.length !== declaring.length)
						problems.push(
							`n8n lists it ${listed.length} time(s), want once per declaring package (${declaring.length})`,
						);
					const definitions = new Set(listed.map((t) => JSON.stringify(definitionOnly(t))));
					if (definitions.size > 1)
						problems.push(
							`the packages declare it differently (see side-by-side-credential-types.json): n8n would use one of them for both`,
						);
					return problems;
				},
			);
		}
	} finally {
		await server.stop();
	}
}

async function checkServicePackages(ctx, workflows) {
	const { line, report, options } = ctx;
	const services = options.packages.filter((pkg) => pkg.name !== rt.PACKAGE_NAME);
	for (const pkg of services) await checkAlone(ctx, pkg);

	const userFolder = rt.tempUserFolder('n8n-commerce-pack-e2e-side-');
	ctx.cleanups.push(() => fs.rmSync(userFolder, { recursive: true, force: true }));
	const scope = `line ${line} · service packages`;
	const installed = await report.check(
		scope,
		`the pack and the ${services.length} service packages installed together`,
		() => {
			rt.installTarballs(
				line,
				userFolder,
				options.packages.map((pkg) => pkg.tarball),
			);
		},
	);
	if (!installed) return;
	await checkSideBySide(ctx, userFolder);

	// Each service's action-node examples through its own package; the pack's Valigara example too.
	const runs = [];
	for (const pkg of services) {
		const { nodes } = declaredTypes(pkg.unpacked);
		for (const wf of workflows.filter(isManual)) {
			const types = wf.nodes.map(ownType).filter(Boolean);
			if (types.length && types.every((type) => nodes.includes(type)))
				runs.push({ wf: throughPackage(wf, pkg.name), expectId: wf.id, label: pkg.name });
		}
	}
	const packValigara = workflows.find((wf) => wf.id === 'sbxWfValigara');
	if (packValigara)
		runs.push({
			wf: packValigara,
			expectId: packValigara.id,
			label: `${rt.PACKAGE_NAME} beside them`,
		});
	const imported = await report.check(
		scope,
		`import the pack's sandbox credentials and ${runs.length} workflows (${runs.map((r) => r.wf.id).join(', ')})`,
		async () => {
			const onRetry = (m) => report.print(`    note: ${m}`);
			await rt.importCredentials(line, ctx.setup.sandboxCredentials(ctx.sandbox.baseUrl), {
				userFolder,
				onRetry,
			});
			await rt.importWorkflow(
				line,
				runs.map((r) => r.wf),
				{ userFolder, onRetry },
			);
		},
	);
	if (!imported) return;
	for (const { wf, expectId, label } of runs)
		await executeOne(ctx, wf, { userFolder, expectId, scope: `${scope} › ${label}` });
}

module.exports = { checkServicePackages, checkAlone, checkSideBySide };
