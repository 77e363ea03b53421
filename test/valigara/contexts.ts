/**
 * n8n-core's own LoadOptionsContext and PollContext around a workflow holding the Valigara node,
 * for the code paths a node run does not reach: the loadOptions methods (the editor calls them)
 * and valigaraRequest from a poll (the Valigara Trigger will call it).
 */
import { Container } from '@n8n/di';
import { ExternalSecretsProxy, LoadOptionsContext, PollContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { TestCredentialsHelper } from '../kit/credentials-helper';
import { testNodeTypes } from '../kit/engine';
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
	const workflow = new Workflow({ id: 'wf', name: 'wf', nodes: [node], connections: {}, active: false, nodeTypes: testNodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper({ ...credentials }),
		currentNodeParameters: parameters,
		executionId: 'test-execution',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, node, additionalData };
}

export function loadOptionsContext(parameters: INodeParameters = { resource: 'product', operation: 'import' }) {
	const { workflow, node, additionalData } = build(parameters);
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.otherFields');
}

export function pollContext(parameters: INodeParameters = { resource: 'order', operation: 'exportOrders' }) {
	const { workflow, node, additionalData } = build(parameters);
	return new PollContext(workflow, node, additionalData, 'trigger', 'activate');
}
