import type nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeRun, NodeUnderTest } from '../kit/engine';
import { recordRequests } from '../kit/recorder';
import type { ReceivedRequest } from '../kit/recorder';

export const HOST = 'https://api.valigara.com';
export const PATH = '/client/V1/';
export const ACCESS_KEY = 'vk7Q2m9XrT4pL8sZ3nB6';
export const DEBUG_UID = 'dbg-5f1c2a9e';

export const credentials = {
	valigaraApi: { apiKey: ACCESS_KEY, baseUrl: 'https://api.valigara.com/client/V1/' },
};

/** One request as Valigara received it, with the form body read back. */
export interface ValigaraRequest {
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

/** A request as Valigara's tests compare it: the form body read back, `data` JSON-decoded. */
function readRequest({ method, path, query, headers, body }: ReceivedRequest): ValigaraRequest {
	const { data, ...form } = Object.fromEntries(
		new URLSearchParams(typeof body === 'string' ? body : ''),
	);
	return {
		method,
		path,
		query,
		contentType: headers['content-type'] ?? '',
		form,
		data: data === undefined ? undefined : JSON.parse(data),
	};
}

/**
 * A stand-in Valigara endpoint answering the given replies in turn, recording every request. It
 * only answers POST (anything else fails the run); any query is accepted so that the test, not
 * the stand-in, says what the query must be.
 */
export function valigaraApi(...replies: Reply[]): {
	requests: ValigaraRequest[];
	scope: nock.Scope;
} {
	const asSent = replies.map((reply) => ({
		status: reply.httpStatus ?? 200,
		body: reply.raw ?? JSON.stringify({ status: reply.status ?? 100, data: reply.data ?? null }),
		headers: {
			'Content-Type': 'application/json',
			...(reply.noDebugUid ? {} : { 'X-DEBUG-UID': DEBUG_UID }),
			...reply.headers,
		},
	}));
	return recordRequests(HOST, 'POST', PATH, asSent, { read: readRequest });
}

/** The request every action sends: POST, `auth` in the query, `action` (+ `data`) form-encoded. */
export function expectedRequest(
	action: string,
	data?: unknown,
	extraForm: Record<string, string> = {},
): ValigaraRequest {
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
