import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeRun, NodeUnderTest } from '../kit/engine';
import { recordRequests } from '../kit/recorder';
import type { Reply } from '../kit/recorder';

export type { Reply };

export const HOST = 'https://gigrove.com';
export const API = '/api/request/v1';
export const TOKEN = 'gr-seller-token-7f3a9c1e5b7d2468';
export const API_KEY = 'gk_live_0f3a9c1e5b7d2468ace0';
export const API_SECRET = 'gs_live_b7d2468ace0f3a9c1e5';
export const TOKEN_PATH = '/api/wp/v2/token';

const common = { tokenUrl: `${HOST}${TOKEN_PATH}`, sessionToken: '', baseUrl: `${HOST}${API}/` };

export const bearerCredentials = {
	gigroveApi: {
		...common,
		authentication: 'accessToken',
		accessToken: TOKEN,
		apiKey: '',
		apiSecret: '',
	},
};

export const keyCredentials = {
	gigroveApi: {
		...common,
		authentication: 'apiKey',
		accessToken: '',
		apiKey: API_KEY,
		apiSecret: API_SECRET,
	},
};

export type Credentials = typeof bearerCredentials | typeof keyCredentials;

/** Runs the Gigrove node with the bearer credential unless told otherwise. */
export async function runGigrove(
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: Partial<NodeUnderTest> = {},
): Promise<NodeRun> {
	return await runNode(
		{ type: 'gigrove', credentials: bearerCredentials, parameters, ...options },
		input,
	);
}

/** One request as the service received it. */
export interface Recorded {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	authorization: string | undefined;
}

/**
 * Answers the next requests to `method path` with `replies`, in order, and records each request
 * exactly as sent (path, query, parsed body, Authorization) for the test to compare.
 */
export function stub(
	method: string,
	path: string | RegExp,
	replies: Reply[],
	recorded: Recorded[] = [],
): Recorded[] {
	// every reply as JSON text, with a JSON content type even when the body is a string
	const asSent = replies.map((reply) => ({
		status: reply.status,
		body:
			reply.body === undefined
				? ''
				: typeof reply.body === 'string'
					? reply.body
					: JSON.stringify(reply.body),
		headers: { 'Content-Type': 'application/json', ...reply.headers },
	}));
	recordRequests(HOST, method, path, asSent, {
		into: recorded,
		read: ({ method, path, query, body, headers }) => ({
			method,
			path,
			query,
			body,
			authorization: headers.authorization,
		}),
	});
	return recorded;
}

/** Everything a user or a log could see of a run: output items and the serialized error. */
export function visible(run: NodeRun): string {
	return JSON.stringify([
		run.items,
		run.errorItems,
		run.error,
		run.error?.description,
		run.error?.message,
	]);
}

export function product(id: number, extra: IDataObject = {}): IDataObject {
	return { id, name: `Product ${id}`, type: 'simple', status: 'publish', ...extra };
}

export function order(id: number, extra: IDataObject = {}): IDataObject {
	return {
		id,
		status: 'processing',
		currency: 'USD',
		date_created: '2026-11-20T10:15:00',
		date_modified: '2026-11-20T10:15:00',
		...extra,
	};
}
