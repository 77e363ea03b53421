/**
 * Runs our nodes the way n8n does: a workflow (Manual Trigger → node under test) executed by
 * n8n-core's WorkflowExecute, with real execution contexts (parameters, expressions, helpers,
 * httpRequestWithAuthentication) and the credential classes' real authenticate.
 */
import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { PACKAGE_NAME, credentialTypes, nodeTypes } from './registry';

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

// The start node: it passes on the items the test gives it, like n8n's Manual Trigger with pinned data.
const manualTrigger: INodeType = {
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

/**
 * A node as an AI agent's tool: n8n (convertNodeToAiTool) registers each `usableAsTool` node again
 * as `<type>Tool`, the name `@tool` in displayOptions and our nodes read. n8n also gives that
 * variant an ai_tool output and the tool-description fields; the kit runs it as a main node, which
 * executes the same `execute` with the same parameters.
 */
function asTool(nodeType: INodeType): INodeType {
	const tool = Object.create(nodeType) as INodeType;
	tool.description = { ...nodeType.description, name: `${nodeType.description.name}Tool` };
	return tool;
}

const toolTypes = Object.fromEntries(
	Object.entries(nodeTypes)
		.filter(([, nodeType]) => nodeType.description.usableAsTool)
		.map(([type, nodeType]) => [`${type}Tool`, asTool(nodeType)]),
);

class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType> = {
		...nodeTypes,
		...toolTypes,
		[MANUAL_TRIGGER]: manualTrigger,
	};

	getByName(type: string) {
		return this.types[type];
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(nodeType, version);
	}

	getKnownTypes() {
		return {};
	}
}

export const testNodeTypes = new TestNodeTypes();

const unreachable = (what: string) => () => {
	throw new Error(`The tests do not expect ${what}`);
};

export function additionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
) {
	return {
		credentialsHelper,
		hooks,
		executionId: 'test-execution',
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
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeUnderTest {
	/** node name without the package prefix, e.g. `guaranteedReviews` */
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** what a failure does: stop (default), `continue` (regular output) or `errorOutput` */
	onError?: 'stop' | 'continue' | 'errorOutput';
	/** the workflow's time zone (Settings › Timezone) */
	timezone?: string;
	/** the node's version (1 unless told: every saved workflow's) */
	typeVersion?: number;
}

function buildWorkflow(subject: NodeUnderTest, withStart: boolean, staticData?: IDataObject) {
	const node: INode = {
		id: 'node-under-test',
		name: 'Node',
		type: `${PACKAGE_NAME}.${subject.type}`,
		typeVersion: subject.typeVersion ?? 1,
		position: [200, 0],
		parameters: subject.parameters,
		credentials: Object.fromEntries(
			Object.keys(subject.credentials ?? {}).map((type) => [
				type,
				{ id: `cred-${type}`, name: `Test ${type}` },
			]),
		),
		...(subject.onError === 'continue' ? { onError: 'continueRegularOutput' as const } : {}),
		...(subject.onError === 'errorOutput' ? { onError: 'continueErrorOutput' as const } : {}),
	};
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: MANUAL_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = withStart ? [start, node] : [node];
	const connections: IConnections = withStart
		? { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } }
		: {};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test workflow',
		nodes,
		connections,
		active: false,
		nodeTypes: testNodeTypes,
		staticData,
		settings: subject.timezone ? { timezone: subject.timezone } : {},
	});
	return { workflow, node, start };
}

export interface NodeRun {
	/** the first (success) output */
	items: INodeExecutionData[];
	/** the error output, with onError `errorOutput` */
	errorItems: INodeExecutionData[];
	/** what stopped the run, if anything */
	error?: ExecutionError;
	/** the messages shown above the node's output (execution hints) */
	hints: string[];
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
}

export interface RunOptions {
	/** when it aborts, the execution is canceled as n8n's Stop button does (`cancel()` on the run) */
	cancel?: AbortSignal;
}

/**
 * Runs `workflow` from `start` (with `input` as its items) in manual mode, as the editor's "Execute
 * workflow" does, through n8n-core's WorkflowExecute. The kit's runs and the sandbox tests' use it.
 */
export async function executeWorkflow(
	workflow: Workflow,
	start: INode,
	input: IDataObject[],
	credentialsHelper: TestCredentialsHelper,
	options: RunOptions = {},
): Promise<IRun> {
	const mode: WorkflowExecuteMode = 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
		id: workflow.id,
		name: workflow.name ?? '',
		nodes: Object.values(workflow.nodes),
		connections: workflow.connectionsBySourceNode,
		active: false,
		settings: {},
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: start, data: { main: [input.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const running = new WorkflowExecute(
		additionalData(credentialsHelper, hooks),
		mode,
		runData,
	).processRunExecutionData(workflow);
	options.cancel?.addEventListener('abort', () => running.cancel(), { once: true });
	return await running;
}

/** The node under test's output of a run from `start`. */
async function execute(
	subject: NodeUnderTest,
	workflow: Workflow,
	start: INode,
	input: IDataObject[],
	options: RunOptions = {},
): Promise<NodeRun> {
	const credentialsHelper = new TestCredentialsHelper({ ...(subject.credentials ?? {}) });
	const run = await executeWorkflow(workflow, start, input, credentialsHelper, options);
	const taskData = run.data.resultData.runData.Node?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		error: run.data.resultData.error ?? taskData?.error,
		hints: (taskData?.hints ?? []).map((hint) => hint.message),
		run,
		credentialsHelper,
	};
}

/** Runs Manual Trigger (with `input` as its items) → the node under test, in `manual` mode. */
export async function runNode(
	subject: NodeUnderTest,
	input: IDataObject[] = [{}],
	options: RunOptions = {},
): Promise<NodeRun> {
	const { workflow, start } = buildWorkflow(subject, true);
	return await execute(subject, workflow, start, input, options);
}

/** "Fetch test event": the trigger as the workflow's start node, run in manual mode. */
export async function runTriggerManually(subject: NodeUnderTest): Promise<NodeRun> {
	const { workflow, node } = buildWorkflow(subject, false);
	return await execute(subject, workflow, node, [{}]);
}

/**
 * A polling trigger as n8n runs it when the workflow is active: the same Workflow (and so the same
 * static data) across polls, a real PollContext in `trigger` mode. `restart()` rebuilds everything
 * from the JSON-serialized static data, as n8n does after a restart.
 */
export class ActivePoller {
	private workflow!: Workflow;
	private node!: INode;
	readonly credentialsHelper: TestCredentialsHelper;

	constructor(
		private readonly subject: NodeUnderTest,
		staticData?: IDataObject,
	) {
		this.credentialsHelper = new TestCredentialsHelper({ ...(subject.credentials ?? {}) });
		this.build(staticData);
	}

	private build(staticData?: IDataObject) {
		const built = buildWorkflow(this.subject, false, staticData);
		this.workflow = built.workflow;
		this.node = built.node;
	}

	/** the trigger's own static data, as n8n keeps it (`node:<name>`) */
	get staticData(): IDataObject {
		return (this.workflow.staticData[`node:${this.node.name}`] as IDataObject | undefined) ?? {};
	}

	/** One poll; returns the emitted items (null when nothing is new). */
	async poll(): Promise<INodeExecutionData[] | null> {
		const context = new PollContext(
			this.workflow,
			this.node,
			additionalData(this.credentialsHelper),
			'trigger',
			'activate',
		);
		const nodeType = testNodeTypes.getByNameAndVersion(this.node.type, 1);
		const result = await nodeType.poll!.call(context);
		return result ? result[0] : null;
	}

	/** Simulates n8n stopping and starting again: only the saved JSON of the static data survives. */
	restart(): void {
		this.build(JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject);
	}
}

export { credentialTypes };
