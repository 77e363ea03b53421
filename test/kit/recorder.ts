/**
 * The one request recorder of the tests: a nock stand-in for one route of a service that answers
 * as told and keeps every request it received, read the same way for every service. The services'
 * fixtures (test/<service>/fixtures.ts) build their own helpers on it.
 */
import nock from 'nock';

/** One request as the service received it. */
export interface ReceivedRequest {
	method: string;
	/** path and query, as sent */
	url: string;
	path: string;
	query: Record<string, string>;
	/** names in lower case; of a repeated header, its first value */
	headers: Record<string, string>;
	/** JSON as parsed, any other body as the text sent; undefined when there was none */
	body: unknown;
}

/** What the stand-in answers: a string body goes as it is, anything else as JSON (nock's rule). */
export interface Reply {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface RecordOptions<T> {
	/** headers the request must carry, exactly (else nock finds no match and the request fails) */
	headers?: Record<string, string>;
	/** the exact query the request must carry; any query when left out, so that the test says what it must be */
	query?: Record<string, string>;
	/** what to keep of each request (default: all of it) */
	read?: (request: ReceivedRequest) => T;
	/** a list to keep them in, shared by several routes: their requests in the order they came */
	into?: T[];
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
 * Answers `method path` at `origin` (`path` without the query, or a RegExp of it): `replies` in
 * turn, one request each, or `replies(request, index)` for every request that comes. Resolves
 * nothing itself: `requests` fills as the node sends, and `scope.done()` says all replies were used.
 */
export function recordRequests<T = ReceivedRequest>(
	origin: string,
	method: string,
	path: string | RegExp,
	replies: Reply[] | ((request: ReceivedRequest, index: number) => Reply),
	{ headers = {}, query, read = (request) => request as T, into = [] }: RecordOptions<T> = {},
): { requests: T[]; scope: nock.Scope } {
	const matchPath = typeof path === 'string' ? (uri: string) => uri.split('?')[0] === path : path;
	const answer =
		typeof replies === 'function'
			? replies
			: (_request: ReceivedRequest, index: number) => replies[index];
	let scope = typeof replies === 'function' ? nock(origin).persist() : nock(origin);
	for (const [name, value] of Object.entries(headers)) scope = scope.matchHeader(name, value);
	const interceptor = scope.intercept(matchPath, method).query(query ?? true);
	let answered = 0;
	const reply = function (
		this: nock.ReplyFnContext,
		uri: string,
		body: nock.Body,
	): nock.ReplyFnResult {
		const url = new URL(uri, origin);
		const request: ReceivedRequest = {
			method: this.req.method ?? method,
			url: uri,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams.entries()),
			headers: Object.fromEntries(
				Object.entries(this.req.headers).map(([name, value]) => [
					name.toLowerCase(),
					Array.isArray(value) ? value[0] : String(value),
				]),
			),
			body: parseBody(body),
		};
		into.push(read(request));
		const {
			status = 200,
			body: replyBody = '',
			headers: replyHeaders = {},
		} = answer(request, answered++);
		return [status, replyBody as nock.Body, replyHeaders];
	};
	const finalScope = Array.isArray(replies)
		? interceptor.times(replies.length).reply(reply)
		: interceptor.reply(reply);
	return { requests: into, scope: finalScope };
}
