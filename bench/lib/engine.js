'use strict';
// The engine the bench runs everything in: n8n-core's WorkflowExecute, built as the test kit
// builds it (test/kit/engine.ts: Manual Trigger with the input items → the node, manual mode, the
// kit's TestCredentialsHelper with the credential classes' real `authenticate`), with one node type
// more: n8n's own HTTP Request node, loaded from the n8n 1.123.81 that scripts/lib/n8n-runtime.js
// installs into .runtime/n8n-1, and the bench's floor node. For quick profiles (bench/profile.js)
// and the trigger phase; `npm run bench`'s per-item, bulk and pagination figures come from a real
// n8n (bench/lib/real-n8n.js).
//
// One n8n-workflow for both. That n8n ships the same n8n-core (1.122.48) and n8n-workflow
// (1.120.31) as this project's devDependencies; n8n-nodes-base's `require('n8n-workflow')` is
// pointed at the project's copy (the one the engine, the kit and our nodes use), so the HTTP Request
// node runs in exactly the engine our nodes run in. Everything else it needs (lodash, jsdom, …)
// comes from .runtime/n8n-1. `checkVersions()` refuses to run if the versions ever differ.

const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const N8N_DIR = path.join(ROOT, '.runtime', 'n8n-1');
const N8N_MODULES = path.join(N8N_DIR, 'node_modules');
const SHARED = ['n8n-workflow'];

const readVersion = (dir, name) =>
	JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;

function checkVersions() {
	if (!fs.existsSync(path.join(N8N_MODULES, 'n8n-nodes-base', 'package.json'))) {
		throw new Error(
			"n8n is not installed in .runtime/n8n-1: run `node -e \"require('./scripts/lib/n8n-runtime').ensureN8n('1')\"` (or `npm start` once)",
		);
	}
	const versions = {};
	for (const name of ['n8n', 'n8n-nodes-base', 'n8n-core', 'n8n-workflow']) {
		versions[name] = readVersion(N8N_DIR, name);
	}
	for (const name of ['n8n-core', 'n8n-workflow']) {
		const ours = readVersion(ROOT, name);
		if (ours !== versions[name])
			throw new Error(
				`${name}: the project has ${ours}, .runtime/n8n-1 has ${versions[name]}; the HTTP Request node cannot share the engine`,
			);
	}
	return versions;
}

function shareN8nWorkflow() {
	const original = Module._resolveFilename;
	Module._resolveFilename = function resolve(request, parent, ...rest) {
		if (
			parent?.filename?.startsWith(N8N_MODULES) &&
			SHARED.some((name) => request === name || request.startsWith(`${name}/`))
		) {
			return original.call(
				this,
				request,
				{ ...parent, paths: Module._nodeModulePaths(ROOT), filename: path.join(ROOT, 'index.js') },
				...rest,
			);
		}
		return original.call(this, request, parent, ...rest);
	};
}

const versions = checkVersions();
shareN8nWorkflow();

require(path.join(ROOT, 'node_modules', 'reflect-metadata'));
const { Container } = require('@n8n/di');
const { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } = require('n8n-core');
const { NodeHelpers, Workflow, createRunExecutionData } = require('n8n-workflow');
const { PACKAGE_NAME, nodeTypes } = require(path.join(ROOT, 'test', 'kit', 'registry.ts'));
const { TestCredentialsHelper } = require(path.join(ROOT, 'test', 'kit', 'credentials-helper.ts'));
const kit = require(path.join(ROOT, 'test', 'kit', 'engine.ts'));
const { HttpRequest } = require(
	path.join(N8N_MODULES, 'n8n-nodes-base', 'dist', 'nodes', 'HttpRequest', 'HttpRequest.node.js'),
);

if (
	Object.keys(require.cache).some((file) =>
		file.startsWith(path.join(N8N_MODULES, 'n8n-workflow') + path.sep),
	)
) {
	throw new Error('the HTTP Request node loaded a second n8n-workflow');
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';
const httpRequest = new HttpRequest();
/** the version a new HTTP Request node gets in the editor of n8n 1.123.81 */
const HTTP_REQUEST_VERSION = httpRequest.description.defaultVersion;

// As the kit's start node: it passes on the items it is given.
const manualTrigger = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: '',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
	async execute() {
		return [this.getInputData()];
	},
};

// The n8n floor (bench/n8n-nodes-bench-floor), the node the real-n8n bench installs beside ours.
const FLOOR = 'n8n-nodes-bench-floor.benchFloor';
const { BenchFloor } = require(
	path.join(__dirname, '..', 'n8n-nodes-bench-floor', 'BenchFloor.node.js'),
);

const types = {
	...nodeTypes,
	[MANUAL_TRIGGER]: manualTrigger,
	[HTTP_REQUEST]: httpRequest,
	[FLOOR]: new BenchFloor(),
};
const benchNodeTypes = {
	getByName: (type) => types[type],
	getByNameAndVersion(type, version) {
		const nodeType = types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(nodeType, version);
	},
	getKnownTypes: () => ({}),
};

const unreachable = (what) => () => {
	throw new Error(`The bench does not expect ${what}`);
};

// The kit's additionalData, field for field (test/kit/engine.ts does not export it; what the kit
// would need for the bench to drop this copy: bench/README.md, last section).
function additionalData(credentialsHelper, hooks) {
	return {
		credentialsHelper,
		hooks,
		executionId: 'bench-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formBaseUrl: 'http://localhost:5678/form',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		getRuntimeCredential: async () => undefined,
		executeWorkflow: unreachable('a sub-workflow'),
		getRunExecutionData: unreachable('stored executions'),
		startRunnerTask: unreachable('a task runner'),
		logAiEvent: () => {},
	};
}

/**
 * Manual Trigger (the input items) → one node, run by WorkflowExecute in manual mode, as the kit's
 * runNode does. `subject`: {type: full node type, typeVersion, parameters, credentials: {type: data}}.
 * Returns the node's first output.
 */
async function runWorkflow(subject, input) {
	const credentialsHelper = new TestCredentialsHelper({ ...subject.credentials });
	const node = {
		id: 'node-under-test',
		name: 'Node',
		type: subject.type,
		typeVersion: subject.typeVersion ?? 1,
		position: [200, 0],
		parameters: subject.parameters,
		credentials: Object.fromEntries(
			Object.keys(subject.credentials ?? {}).map((type) => [
				type,
				{ id: `cred-${type}`, name: `Bench ${type}` },
			]),
		),
	};
	const start = {
		id: 'start',
		name: 'Start',
		type: MANUAL_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = [start, node];
	const connections = { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } };
	const workflow = new Workflow({
		id: 'bench-workflow',
		name: 'Bench workflow',
		nodes,
		connections,
		active: false,
		nodeTypes: benchNodeTypes,
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'bench-execution', {
		id: workflow.id,
		name: workflow.name,
		nodes,
		connections,
		active: false,
		settings: {},
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: start, data: { main: [input.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(
		additionalData(credentialsHelper, hooks),
		'manual',
		runData,
	).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData.Node?.[0];
	const error = run.data.resultData.error ?? taskData?.error;
	if (error)
		throw new Error(
			`${subject.type}: ${error.message}${error.description ? ` (${error.description})` : ''}`,
			{ cause: error },
		);
	return taskData?.data?.main?.[0] ?? [];
}

/** n8n-core 1.x keeps a 60 s interval for SSH clients, which would hold the process open. */
function shutdownEngine() {
	try {
		const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
		Container.get(SSHClientsManager).onShutdown();
	} catch {
		// not on this n8n line
	}
}

module.exports = {
	runWorkflow,
	kit,
	PACKAGE_NAME,
	HTTP_REQUEST,
	HTTP_REQUEST_VERSION,
	FLOOR,
	versions,
	shutdownEngine,
};
