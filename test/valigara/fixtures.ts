import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeRun, NodeUnderTest } from '../kit/engine';

export const HOST = 'https://api.valigara.com';
export const PATH = '/client/V1/';
export const ACCESS_KEY = 'vk7Q2m9XrT4pL8sZ3nB6';
export const DEBUG_UID = 'dbg-5f1c2a9e';

export const credentials = {
	valigaraApi: { apiKey: ACCESS_KEY, baseUrl: 'https://api.valigara.com/client/V1/' },
};

/** One request as Valigara received it, with the form body read back. */
export interface ReceivedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	contentType: string;
	/** the form fields other than `data` */
	form: Record<string, string>;
	/** `data` as JSON-decoded from the form, or undefined when not sent */
	data: unknown;
}

/** What the stand-in Valigara answers to one request. */
export interface Reply {
	status?: number | string;
	data?: unknown;
	/** replaces the JSON body entirely */
	raw?: string;
	httpStatus?: number;
	headers?: Record<string, string>;
	/** leave out the X-DEBUG-UID header */
	noDebugUid?: boolean;
}

function readRequest(method: string, path: string, headers: Record<string, string | string[]>, body: unknown): ReceivedRequest {
	const url = new URL(path, HOST);
	const fields = Object.fromEntries(new URLSearchParams(typeof body === 'string' ? body : ''));
	const { data, ...form } = fields;
	return {
		method,
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		contentType: String(headers['content-type'] ?? ''),
		form,
		data: data === undefined ? undefined : JSON.parse(data),
	};
}

/**
 * A stand-in Valigara endpoint answering the given replies in turn, recording every request. It
 * only answers POST (anything else fails the run); any query is accepted so that the test, not
 * the stand-in, says what the query must be.
 */
export function valigaraApi(...replies: Reply[]): { requests: ReceivedRequest[]; scope: nock.Scope } {
	const requests: ReceivedRequest[] = [];
	const scope = nock(HOST)
		.post(PATH)
		.query(true)
		.times(replies.length)
		.reply(function (uri, body) {
			const reply = replies[requests.length];
			requests.push(readRequest(this.req.method, uri, this.req.headers, body));
			const headers: Record<string, string> = {
				'Content-Type': 'application/json',
				...(reply.noDebugUid ? {} : { 'X-DEBUG-UID': DEBUG_UID }),
				...reply.headers,
			};
			const payload = reply.raw ?? JSON.stringify({ status: reply.status ?? 100, data: reply.data ?? null });
			return [reply.httpStatus ?? 200, payload, headers];
		});
	return { requests, scope };
}

/** The request every action sends: POST, `auth` in the query, `action` (+ `data`) form-encoded. */
export function expectedRequest(action: string, data?: unknown, extraForm: Record<string, string> = {}): ReceivedRequest {
	return {
		method: 'POST',
		path: PATH,
		query: { auth: ACCESS_KEY },
		contentType: 'application/x-www-form-urlencoded',
		form: { ...extraForm, action },
		data,
	};
}

export async function runValigara(
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: Partial<NodeUnderTest> = {},
): Promise<NodeRun> {
	return await runNode({ type: 'valigara', credentials, parameters, ...options }, input);
}

/** Output items as the tests compare them: json and pairedItem only. */
export function outputOf(run: NodeRun) {
	return run.items.map(({ json, pairedItem }) => ({ json, pairedItem }));
}
