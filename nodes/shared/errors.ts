import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { redactText, redactValue } from './redact';

/** What a service said when a call failed, already read from its own reply format. */
export interface ServiceFailure {
	/** the service's own message, shown as the error's title */
	message: string;
	/** more detail (per-field messages, a debug id, how to fix) */
	description?: string;
	/** the HTTP status, when there is one */
	httpCode?: number;
	/** the service's own error code (Valigara 105, WordPress `rest_no_route`, …) */
	code?: string | number;
	/** the parsed reply body, kept on the error for the user to inspect (secrets are removed) */
	body?: unknown;
	/** the id the service gave this reply for its support (Valigara's `X-DEBUG-UID` header) */
	debugUid?: string;
}

/**
 * n8n (1.x and 2.x, `WorkflowExecute.processSuccessExecution`) shows a failed run as *canceled*
 * when the message of the error that stopped it contains "canceled", the word axios uses for an
 * aborted request. A message may hold it for other reasons: an order status the user chose, or a
 * service's reply about a canceled order. There the word gets a word joiner (U+2060, invisible),
 * so the run shows as the error it is; only the title is changed (n8n reads nothing else), and the
 * error items keep the exact text (see errorItem).
 */
export const CANCEL_JOINER = '\u2060';

export function notCancelLike(message: string): string {
	return message.replace(/canceled/g, `cancel${CANCEL_JOINER}ed`);
}

/** `message: detail`, or the message alone when the detail only says it again. */
export function withDetail(message: string, detail: string | undefined): string {
	// compared word by word, without case, punctuation or brackets
	const plain = (text: string) =>
		` ${text
			.toLowerCase()
			.replace(/[^\p{L}\p{N}]+/gu, ' ')
			.trim()} `;
	if (!detail || !plain(detail).trim() || plain(message).includes(plain(detail))) return message;
	return `${message}: ${detail}`;
}

/**
 * The one way a service failure becomes an n8n error: NodeApiError with the service's message,
 * code, HTTP status and debug id, the item it belongs to, and every secret removed.
 */
export function serviceError(
	node: INode,
	failure: ServiceFailure,
	options: { itemIndex?: number; secrets: readonly string[] },
): NodeApiError {
	const { secrets } = options;
	const message = notCancelLike(redactText(failure.message, secrets));
	const response: JsonObject = {
		message,
		...(failure.code !== undefined ? { serviceCode: failure.code } : {}), // not `code`: NodeApiError would swap our message for a stock one
		...(failure.httpCode !== undefined ? { httpCode: String(failure.httpCode) } : {}),
		// not `body`: NodeApiError looks for an HTTP status inside it, and would take Valigara's
		// `{status: 303}` for one
		...(failure.body !== undefined
			? { reply: redactValue(failure.body, secrets) as JsonObject }
			: {}),
	};
	const error = new NodeApiError(node, response, {
		message,
		description:
			failure.description !== undefined ? redactText(failure.description, secrets) : undefined,
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		itemIndex: options.itemIndex,
	});
	// NodeApiError may have replaced the message with a standard one for the status: keep it clean too.
	error.message = notCancelLike(redactText(error.message, secrets));
	if (failure.code !== undefined) error.context.serviceCode = failure.code;
	if (failure.debugUid !== undefined)
		error.context.debugUid = redactText(failure.debugUid, secrets);
	return error;
}

/**
 * Re-wrapping an n8n error returns the same instance and ignores a new itemIndex, so the index is
 * set on the existing context instead.
 */
export function withItemIndex<E extends Error>(error: E, itemIndex: number): E {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
	}
	return error;
}

/** `[item 3]`, as n8n's own nodes count items: from 0, like `$itemIndex`. */
export function itemLabel(itemIndex: number): string {
	return `[item ${itemIndex}]`;
}

/** A mistake in what the user configured or sent, found before any request. */
export function inputError(
	node: INode,
	message: string,
	options: { itemIndex: number; description?: string },
): NodeOperationError {
	return new NodeOperationError(node, notCancelLike(`${message} ${itemLabel(options.itemIndex)}`), {
		itemIndex: options.itemIndex,
		description: options.description,
	});
}

/**
 * n8n canceled the execution (the Stop button, a timeout, a shutdown) while a request waited or
 * was under way. The word "canceled" in the message is what makes n8n show the run as canceled,
 * not as failed; it is never made an error item, whatever On Error says.
 */
export class ExecutionCanceledError extends NodeOperationError {
	constructor(node: INode, service: string, itemIndex?: number) {
		super(node, `Execution canceled: no further request to ${service} was sent`, { itemIndex });
	}
}
