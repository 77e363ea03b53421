import type { ServiceFailure } from './errors';
import type { ApiRequest, ApiResponse, ReplyCheck, Service } from './request';
import { isRecord } from './validation';

// Reading failures: what a reply (or the lack of one) says went wrong, as a ServiceFailure that
// sendRequest turns into the error. The service's own mapper (its `readFailure`) builds on these.

/** A short, tag-free excerpt of a non-JSON reply (an HTML error page, a truncated body). */
export function excerpt(text: string, length = 200): string {
	const plain = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > length ? `${plain.slice(0, length)}…` : plain;
}

/** No reply at all: refused, timed out, DNS. Say which problem, never the full URL (it may hold a key). */
export function networkFailure(
	service: Service,
	error: unknown,
	sent: { request: ApiRequest; url: string; timeout: number; itemIndex?: number },
): ServiceFailure {
	// n8n's NodeApiError keeps no link to the socket error; its code (ECONNREFUSED, ETIMEDOUT…)
	// survives only in the texts.
	const {
		message = String(error),
		description,
		messages = [],
	} = error as {
		message?: string;
		description?: string;
		messages?: string[];
	};
	const texts = [message, description, ...messages].join(' ');
	// axios' own words when our `timeout` ran out (an OS-level ETIMEDOUT is "could not reach")
	if (/\btimeout of \d+ms exceeded\b/i.test(texts)) return timeoutFailure(service, sent);
	const code = texts.match(/\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/)?.[1];
	// The code stays out of the message: NodeApiError would replace a message containing it.
	return {
		message: `Could not reach ${service.name}`,
		description: `${message}${code ? ` (${code})` : ''}\nCheck the base URL in the credential and that the service is up.`,
		code,
	};
}

/** The request timeout ran out: which service, which request (no query: it may hold a key), which item. */
function timeoutFailure(
	service: Service,
	{
		request,
		url,
		timeout,
		itemIndex,
	}: { request: ApiRequest; url: string; timeout: number; itemIndex?: number },
): ServiceFailure {
	const seconds = timeout / 1000;
	return {
		message: `${service.name} did not answer within ${seconds} s`,
		description:
			`No reply to ${request.method} ${withoutQuery(url)}${itemIndex !== undefined ? ` for item ${itemIndex}` : ''} ` +
			`within ${seconds} s (the request timeout), so it was given up. The service may be overloaded or down: try again later. ` +
			'A write may or may not have been carried out: check in the service before sending it again.',
	};
}

/** Scheme, host and path of a URL: no user, password or query (where keys travel). */
function withoutQuery(url: string): string {
	try {
		const { origin, pathname } = new URL(url);
		return `${origin}${pathname}`;
	} catch {
		return url.replace(/[?#].*$/, '');
	}
}

/** "Product 42 was not found", for a 404 to a request that says what it is about (its `subject`). */
export function notFoundMessage(request: ApiRequest): string | undefined {
	const { subject } = request;
	return subject
		? `${subject.charAt(0).toUpperCase()}${subject.slice(1)} was not found`
		: undefined;
}

/**
 * The reply must be one record: an empty one (`null`, `{}`, `[]`) is a failure naming what was
 * expected (the request's subject); `hint` says what may have caused it.
 */
export function recordExpected(hint?: string): ReplyCheck {
	return ({ body, statusCode }, { subject }, { name }) => {
		if (isRecord(body) && Object.keys(body).length > 0) return undefined;
		return {
			message: `${name} sent an empty reply where ${subject ? `the ${subject}` : 'a record'} was expected`,
			description: hint,
			httpCode: statusCode,
		};
	};
}

/**
 * The reply must hold a list, as `listOf` finds it (undefined: it holds none, e.g. one record came
 * back); with `whenEmpty`, an empty list is that failure.
 */
export function listExpected(
	listOf: (body: unknown) => unknown[] | undefined,
	whenEmpty?: ServiceFailure,
): ReplyCheck {
	return ({ body, statusCode }, { method, path }, { name }) => {
		const list = listOf(body);
		if (!list)
			return {
				message: `${name} sent one record where a list was expected`,
				description: `${method} ${path}`,
				httpCode: statusCode,
			};
		return list.length === 0 ? whenEmpty : undefined;
	};
}

/**
 * A rate limit that outlasted the retry budget (or that no wait can help, `serviceDelay`
 * Infinity): the service's own failure, or a plain one, with how long was waited and what to do.
 */
export function rateLimitFailure(
	service: Service,
	response: ApiResponse,
	request: ApiRequest,
	{
		attempt,
		waitedMs,
		serviceDelay,
	}: { attempt: number; waitedMs: number; serviceDelay: number | null },
): ServiceFailure {
	const failure = service.readFailure(response, request) ?? {
		message: `${service.name} is rate limiting requests`,
		httpCode: response.statusCode,
	};
	const retryHint =
		serviceDelay !== null ? ` It asks to wait ${Math.ceil(serviceDelay / 1000)} s.` : '';
	const outcome =
		serviceDelay === Infinity
			? 'Not retried: no wait within this run can help.'
			: `Still rate limited after ${attempt} attempt(s) and ${Math.round(waitedMs / 1000)} s of waiting.${retryHint} Try again later, or send fewer items per run.`;
	return { ...failure, description: [failure.description, outcome].filter(Boolean).join('\n') };
}

/** What an error reply says, read from the shapes services share (see `serviceWords`). */
export interface ServiceWords {
	/** the service's own message */
	message?: string;
	/** the service's own error code: WordPress `rest_invalid_param`, OAuth `invalid_grant`, … */
	code?: string | number;
	/** which value was wrong, one line per problem: `email: The email has already been taken.` */
	details: string[];
}

/** A service's text as shown: spaces collapsed, at most 300 characters (no tag stripping: it is not HTML). */
function textOf(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).replace(/\s+/g, ' ').trim();
	if (!text) return undefined;
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Per-field problems: Laravel's `{"email": ["…", "…"]}`, WordPress' `data.params` (`{field: text}`)
 * and `data.details` (`{field: {code, message}}`), or a list of `{message, field}` or of texts.
 */
function fieldLines(problems: unknown): string[] {
	const line = (entry: unknown, field?: string): string[] => {
		const text = isRecord(entry) ? (textOf(entry.message) ?? textOf(entry.detail)) : textOf(entry);
		const name =
			field ?? (isRecord(entry) ? (textOf(entry.field) ?? textOf(entry.param)) : undefined);
		return text ? [name ? `${name}: ${text}` : text] : [];
	};
	if (Array.isArray(problems)) return problems.flatMap((entry) => line(entry));
	if (!isRecord(problems)) return [];
	return Object.entries(problems).flatMap(([field, value]) =>
		(Array.isArray(value) ? value : [value]).flatMap((entry) => line(entry, field)),
	);
}

/**
 * The service's own words in a JSON error reply, whatever the service: `{message}` (Laravel,
 * WordPress and most APIs), `{error: "…"}` or `{error: {message, code}}`, OAuth's
 * `{error, error_description}`, RFC 7807's `{title, detail}`, a bare JSON string; with the code
 * (`code`, WordPress/WCFM) and the per-field problems: Laravel's `errors`, WordPress'
 * `data.params` / `data.details`. One reader for every service's HTTP failures.
 */
export function serviceWords(body: unknown): ServiceWords {
	if (typeof body === 'string') return { message: textOf(body), details: [] };
	if (!isRecord(body)) return { details: [] };
	const nested = isRecord(body.error) ? body.error : undefined;
	const message =
		textOf(body.message) ??
		textOf(nested?.message) ??
		textOf(body.error_description) ??
		textOf(body.detail) ??
		textOf(body.error) ??
		textOf(body.title);
	const code = [
		body.code,
		nested?.code,
		body.error_description !== undefined ? body.error : undefined,
	].find(
		(value): value is string | number =>
			(typeof value === 'string' && value.trim() !== '') || typeof value === 'number',
	);
	const data = isRecord(body.data) ? body.data : undefined;
	const lines = [
		...fieldLines(body.errors),
		...fieldLines(nested?.errors),
		// a list in `params` names missing parameters, which the message already says
		...(isRecord(data?.params) ? fieldLines(data?.params) : []),
		...fieldLines(data?.details),
	];
	return { message, code, details: [...new Set(lines)].filter((line) => line !== message) };
}

/**
 * The failure of a reply that is not 2xx: the service's own words when the reply has them (see
 * `serviceWords`), else the HTTP status with an excerpt of the page.
 */
export function httpStatusFailure(
	service: Service,
	response: ApiResponse,
): ServiceFailure | undefined {
	if (response.statusCode >= 200 && response.statusCode < 300) return undefined;
	const words = response.isJson ? serviceWords(response.body) : undefined;
	const pageExcerpt =
		typeof response.body === 'string' && response.body ? excerpt(response.body) : undefined;
	return {
		message: words?.message ?? `${service.name} answered HTTP ${response.statusCode}`,
		description: words ? words.details.join('\n') || undefined : pageExcerpt,
		// `{"code": 404}` in a 404 says nothing more
		code: words?.code === response.statusCode ? undefined : words?.code,
		httpCode: response.statusCode,
		body: response.isJson ? response.body : undefined,
	};
}

/** A 2xx reply that should have been JSON but was empty, HTML or cut short. */
export function notJsonFailure(
	service: Service,
	response: ApiResponse,
): ServiceFailure | undefined {
	if (response.isJson) return undefined;
	const text = String(response.body ?? '');
	return {
		message:
			text === ''
				? `${service.name} sent an empty reply where data was expected`
				: `${service.name} sent a reply that is not valid JSON`,
		description: text ? `The reply began: ${excerpt(text)}` : undefined,
		httpCode: response.statusCode,
	};
}
