/**
 * The node and credential classes, loaded the way n8n finds them: from the `n8n` section of
 * package.json (dist paths mapped to the TypeScript sources). A node or credential missing from
 * package.json is therefore missing in the tests too.
 */
import * as path from 'path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

import packageJson from '../../package.json';

export const PACKAGE_NAME = packageJson.name;
const root = path.resolve(__dirname, '../..');

function load<T>(distPath: string): { name: string; instance: T } {
	const source = path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const className = path.basename(source).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(source) as Record<string, new () => T>;
	const Class = module[className];
	if (!Class) throw new Error(`${distPath} does not export a class named ${className}`);
	return { name: className, instance: new Class() };
}

export const nodeTypes: Record<string, INodeType> = {};
for (const file of packageJson.n8n.nodes) {
	const { instance } = load<INodeType>(file);
	nodeTypes[`${PACKAGE_NAME}.${instance.description.name}`] = instance;
}

export const credentialTypes: Record<string, ICredentialType> = {};
for (const file of packageJson.n8n.credentials) {
	const { instance } = load<ICredentialType>(file);
	credentialTypes[instance.name] = instance;
}
