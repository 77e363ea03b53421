/**
 * The local sandbox (sandbox/server.js) for whole-system tests: our real nodes, through n8n-core's
 * engine, against the stand-ins over real HTTP on 127.0.0.1. nock stays on for everything else.
 */
import nock from 'nock';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	IRun,
} from 'n8n-workflow';

import { TestCredentialsHelper } from '../kit/credentials-helper';
import { executeWorkflow, testNodeTypes } from '../kit/engine';

/** One request as the sandbox logged it (secrets replaced by ***). */
export interface LogEntry {
	seq: number;
	service: string;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body?: unknown;
	status: number;
	reply: unknown;
}

/** The unfriendly behaviours' settings (sandbox/behaviour.js); `null` is the setting's default. */
export interface BehaviourSettings {
	pageCap?: number | null;
	capMode?: 'clamp' | 'truncate' | null;
	noTotals?: boolean | null;
	valigaraPaging?: 'ignore' | 'honour' | 'reject' | null;
	sort?: 'newestFirst' | 'oldestFirst' | null;
	duringPaging?: { add?: number; remove?: number } | null;
	latencyMs?: number | null;
	jitterMs?: number | null;
	/** limit and windowMs are required once merged; a POST may change one key of a throttle already set */
	throttle?: { limit?: number; windowMs?: number; retryAfter?: 'seconds' | 'date' | 'none' } | null;
	valigaraThrottle?: '105' | '429' | null;
}
export type SandboxService = 'valigara' | 'vanilla-eshop' | 'gigrove' | 'guaranteed-reviews';
/** Global settings, with per-service overrides under the service's name. */
export type SandboxBehaviour = BehaviourSettings & {
	[service in SandboxService]?: BehaviourSettings | null;
};

export interface Sandbox {
	port: number;
	baseUrl: string;
	urls: Record<
		'valigara' | 'vanillaEshop' | 'gigrove' | 'gigroveToken' | 'guaranteedReviews' | 'control',
		string
	>;
	log(service?: string): LogEntry[];
	clearLog(): void;
	reset(): void;
	/** the behaviour as set, and each service's settings in full */
	behaviour(): {
		behaviour: SandboxBehaviour;
		effective: Record<SandboxService, Required<BehaviourSettings>>;
	};
	/** replaces the whole behaviour (`{}`: friendly); throws on a wrong setting */
	setBehaviour(behaviour: SandboxBehaviour): unknown;
	stop(): Promise<void>;
}

interface Credential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings: IDataObject;
	active: boolean;
}

// Plain CommonJS modules without type declarations: typed here by what the tests use.
/* eslint-disable @typescript-eslint/no-require-imports */
const server = require('../../sandbox/server') as {
	startSandbox(options: {
		port: number;
		eventsEverySeconds?: number;
		behaviour?: SandboxBehaviour;
	}): Promise<Sandbox>;
	KEYS: Record<string, Record<string, string>>;
};
const setup = require('../../scripts/sandbox-setup') as {
	sandboxCredentials(baseUrl: string): Credential[];
	exampleWorkflows(): WorkflowJson[];
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const { KEYS, startSandbox } = server;
export const { sandboxCredentials, exampleWorkflows } = setup;

/**
 * Starts the sandbox on a free port for the test file, with real connections to 127.0.0.1 allowed.
 * Each test starts from the seed data and from `behaviour` (default: friendly, whatever
 * SANDBOX_BEHAVIOUR says, so a shell's setting never changes a test).
 */
export function useSandbox({ behaviour = {} }: { behaviour?: SandboxBehaviour } = {}): {
	current: Sandbox;
	credentials: () => Record<string, ICredentialDataDecryptedObject>;
} {
	const handle = {} as {
		current: Sandbox;
		credentials: () => Record<string, ICredentialDataDecryptedObject>;
	};
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		handle.current = await server.startSandbox({ port: 0, behaviour });
	});
	beforeEach(() => {
		handle.current.reset();
		handle.current.setBehaviour(behaviour);
	});
	afterAll(async () => {
		await handle.current?.stop();
		nock.disableNetConnect();
	});
	handle.credentials = () =>
		Object.fromEntries(
			sandboxCredentials(handle.current.baseUrl).map((credential) => [
				credential.type,
				{ ...credential.data },
			]),
		);
	return handle;
}

/** A call to a control route (or any sandbox URL), its JSON reply. */
export async function call(
	url: string,
	method = 'POST',
	body?: unknown,
): Promise<{ status: number; headers: Headers; json: IDataObject }> {
	const response = await fetch(url, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		json: text ? (JSON.parse(text) as IDataObject) : {},
	};
}

/** Valigara's `action` and decoded `data` of each logged request. */
export function valigaraCalls(entries: LogEntry[]): Array<{ action: string; data: unknown }> {
	return entries.map((entry) => {
		const body = (entry.body ?? {}) as Record<string, string>;
		return {
			action: body.action ?? entry.query.action,
			data: body.data === undefined ? undefined : JSON.parse(body.data),
		};
	});
}

/**
 * Runs a whole example workflow (Manual Trigger → chain) as the editor's "Execute workflow" does,
 * through n8n-core's WorkflowExecute, with the credentials by type.
 */
export async function runWorkflow(
	json: WorkflowJson,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<IRun> {
	const workflow = new Workflow({
		id: json.id,
		name: json.name,
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes: testNodeTypes,
		settings: json.settings,
	});
	return await executeWorkflow(
		workflow,
		json.nodes[0],
		[{}],
		new TestCredentialsHelper({ ...credentials }),
	);
}
