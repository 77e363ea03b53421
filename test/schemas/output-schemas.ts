/**
 * Where each operation's output schema lives and what the operation outputs: n8n's editor asks
 * `/schemas/<node type>/<version, as x.y.z>/<resource>/<operation>.json` before a run, and the
 * server reads it from `__schema__/v<x.y.z>/<resource>/<operation>.json` beside the node's file
 * (n8n's load-nodes-and-credentials.ts `resolveSchema`, the editor's schemaPreview store `padVersion`).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import packageJson from '../../package.json';
import { runNode } from '../kit/engine';
import { PACKAGE_NAME, nodeTypes } from '../kit/registry';
import type { NodeName } from '../reliability/operations';
import type { SchemaCase } from './cases';
import { KEYS } from '../sandbox/sandbox-kit';

const root = path.resolve(__dirname, '../..');

/** The node's source folder, from package.json's `n8n.nodes` (dist/nodes/Gigrove/Gigrove.node.js → nodes/Gigrove). */
function nodeFolder(node: NodeName): string {
	const file = packageJson.n8n.nodes.find((entry) => {
		const className = path.basename(entry).split('.')[0];
		return nodeTypes[`${PACKAGE_NAME}.${node}`]?.constructor.name === className;
	});
	if (!file) throw new Error(`package.json lists no node file for ${node}`);
	return path.join(root, path.dirname(file).replace(/^dist\//, ''));
}

/** n8n's padVersion: 1 → 1.0.0, 2.1 → 2.1.0. */
export function versionFolder(version: number): string {
	return `v${[...String(version).split('.'), '0', '0'].slice(0, 3).join('.')}`;
}

/** The versions the node offers (each gets the schemas of what it outputs: from 1.1 on, Simplify's). */
export function versionsOf(node: NodeName): number[] {
	const { version } = nodeTypes[`${PACKAGE_NAME}.${node}`].description;
	return Array.isArray(version) ? version : [version];
}

export function schemaFile(
	node: NodeName,
	version: number,
	resource: string,
	operation: string,
): string {
	return path.join(
		nodeFolder(node),
		'__schema__',
		versionFolder(version),
		resource,
		`${operation}.json`,
	);
}

/** Every schema file under the node's `__schema__`, as absolute paths. */
export function existingSchemaFiles(node: NodeName): string[] {
	const folder = path.join(nodeFolder(node), '__schema__');
	if (!fs.existsSync(folder)) return [];
	return (fs.readdirSync(folder, { recursive: true }) as string[])
		.filter((file) => file.endsWith('.json'))
		.map((file) => path.join(folder, file));
}

export const relative = (file: string) => path.relative(root, file);

/** The output items' JSON of one case, run through the engine against the sandbox; throws unless it succeeded with items. */
export async function outputOf(
	c: SchemaCase,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	typeVersion?: number,
): Promise<IDataObject[]> {
	const gigroveApi = c.deliveryPerson
		? { ...credentials.gigroveApi, accessToken: KEYS.gigrove.deliveryToken }
		: credentials.gigroveApi;
	const run = await runNode({
		type: c.node,
		credentials: { ...credentials, gigroveApi },
		parameters: { resource: c.resource, operation: c.operation, ...c.parameters },
		typeVersion,
	});
	const title = `${c.node} v${typeVersion ?? 1} › ${c.resource} › ${c.operation}`;
	if (run.error) throw new Error(`${title} failed against the sandbox: ${run.error.message}`);
	if (run.items.length === 0)
		throw new Error(
			`${title} gave no items against the sandbox: its parameters must name seed records`,
		);
	return run.items.map((item) => item.json);
}
