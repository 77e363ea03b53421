import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeRun, NodeUnderTest } from '../kit/engine';

export const HOST = 'https://gigrove.com';
export const API = '/api/request/v1';
export const TOKEN = 'gr-seller-token-7f3a9c1e5b7d2468';
export const API_KEY = 'gk_live_0f3a9c1e5b7d2468ace0';
export const API_SECRET = 'gs_live_b7d2468ace0f3a9c1e5';
export const TOKEN_PATH = '/api/wp/v2/token';

const common = { tokenUrl: `${HOST}${TOKEN_PATH}`, sessionToken: '', baseUrl: `${HOST}${API}/` };

export const bearerCredentials = {
	gigroveApi: { ...common, authentication: 'accessToken', accessToken: TOKEN, apiKey: '', apiSecret: '' },
};

export const keyCredentials = {
	gigroveApi: { ...common, authentication: 'apiKey', accessToken: '', apiKey: API_KEY, apiSecret: API_SECRET },
};

export type Credentials = typeof bearerCredentials | typeof keyCredentials;

/** Runs the Gigrove node with the bearer credential unless told otherwise. */
export async function runGigrove(
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: Partial<NodeUnderTest> = {},
): Promise<NodeRun> {
	return await runNode({ type: 'gigrove', credentials: bearerCredentials, parameters, ...options }, input);
}

/** One request as the service received it. */
export interface Recorded {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	authorization: string | undefined;
}

export interface Reply {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body === '') return undefined;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Answers the next requests to `method path` with `replies`, in order, and records each request
 * exactly as sent (path, query, parsed body, Authorization) for the test to compare.
 */
export function stub(method: string, path: string | RegExp, replies: Reply[], recorded: Recorded[] = []): Recorded[] {
	let next = 0;
	const pathMatcher = typeof path === 'string' ? (uri: string) => uri.split('?')[0] === path : path;
	nock(HOST)
		.intercept(pathMatcher, method)
		.query(true)
		.times(replies.length)
		.reply(function (uri, body) {
			const url = new URL(uri, HOST);
			const authorization = this.req.headers.authorization;
			recorded.push({
				method: this.req.method ?? method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams.entries()),
				body: parseBody(body),
				authorization: Array.isArray(authorization) ? authorization[0] : authorization,
			});
			const reply = replies[next++];
			const payload = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
			return [reply.status ?? 200, payload, { 'Content-Type': 'application/json', ...reply.headers }];
		});
	return recorded;
}

/** Everything a user or a log could see of a run: output items and the serialized error. */
export function visible(run: NodeRun): string {
	return JSON.stringify([run.items, run.errorItems, run.error, run.error?.description, run.error?.message]);
}

export function product(id: number, extra: IDataObject = {}): IDataObject {
	return { id, name: `Product ${id}`, type: 'simple', status: 'publish', ...extra };
}

export function order(id: number, extra: IDataObject = {}): IDataObject {
	return { id, status: 'processing', currency: 'USD', date_created: '2026-11-20T10:15:00', date_modified: '2026-11-20T10:15:00', ...extra };
}
