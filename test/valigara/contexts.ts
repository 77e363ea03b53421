/**
 * n8n-core's own LoadOptionsContext and PollContext around a workflow holding the Valigara node,
 * for the code paths a node run does not reach: the loadOptions methods (the editor calls them)
 * and valigaraRequest from a poll (the Valigara Trigger will call it).
 */
import { LoadOptionsContext, PollContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { INode, INodeParameters } from 'n8n-workflow';

import { TestCredentialsHelper } from '../kit/credentials-helper';
import { additionalData, testNodeTypes } from '../kit/engine';
import { PACKAGE_NAME } from '../kit/registry';
import { credentials } from './fixtures';

function build(parameters: INodeParameters) {
	const node: INode = {
		id: 'valigara',
		name: 'Valigara',
		type: `${PACKAGE_NAME}.valigara`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { valigaraApi: { id: 'cred-valigara', name: 'Valigara' } },
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
	return { workflow, node, data };
}

export function loadOptionsContext(
	parameters: INodeParameters = { resource: 'product', operation: 'import' },
) {
	const { workflow, node, data } = build(parameters);
	return new LoadOptionsContext(workflow, node, data, 'parameters.otherFields');
}

export function pollContext(
	parameters: INodeParameters = { resource: 'order', operation: 'exportOrders' },
) {
	const { workflow, node, data } = build(parameters);
	return new PollContext(workflow, node, data, 'trigger', 'activate');
}
