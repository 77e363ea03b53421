/**
 * n8n-core's own LoadOptionsContext around a workflow holding one of our nodes: what the editor
 * calls for a dropdown (`loadOptions`) or a resource locator's list (`listSearch`), with the
 * node's parameters as they stand in the panel and the credential classes' real authenticate.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodeParameters } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { additionalData, testNodeTypes } from './engine';
import { PACKAGE_NAME } from './registry';

export function editorContext(
	/** node name without the package prefix, e.g. `gigrove` */
	type: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	parameters: INodeParameters,
	/** the parameter the editor asks for, e.g. `parameters.productId` */
	path: string,
): LoadOptionsContext {
	const node: INode = {
		id: type,
		name: type,
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: Object.fromEntries(
			Object.keys(credentials).map((name) => [name, { id: `cred-${name}`, name }]),
		),
	};
	const workflow = new Workflow({
		id: 'wf',
		name: 'wf',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: testNodeTypes,
	});
	const data = {
		...additionalData(new TestCredentialsHelper({ ...credentials })),
		currentNodeParameters: parameters,
	};
	return new LoadOptionsContext(workflow, node, data, path);
}
