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
}

/**
 * The one way a service failure becomes an n8n error: NodeApiError with the service's message,
 * code and HTTP status, the item it belongs to, and every secret removed.
 */
export function serviceError(
	node: INode,
	failure: ServiceFailure,
	options: { itemIndex?: number; secrets: readonly string[] },
): NodeApiError {
	const { secrets } = options;
	const response: JsonObject = {
		message: redactText(failure.message, secrets),
		...(failure.code !== undefined ? { serviceCode: failure.code } : {}), // not `code`: NodeApiError would swap our message for a stock one
		...(failure.httpCode !== undefined ? { httpCode: String(failure.httpCode) } : {}),
		...(failure.body !== undefined ? { body: redactValue(failure.body, secrets) as JsonObject } : {}),
	};
	const error = new NodeApiError(node, response, {
		message: redactText(failure.message, secrets),
		description: failure.description !== undefined ? redactText(failure.description, secrets) : undefined,
		httpCode: failure.httpCode !== undefined ? String(failure.httpCode) : undefined,
		itemIndex: options.itemIndex,
	});
	// NodeApiError may have replaced the message with a standard one for the status: keep it clean too.
	error.message = redactText(error.message, secrets);
	if (failure.code !== undefined) error.context.serviceCode = failure.code;
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
	return new NodeOperationError(node, `${message} ${itemLabel(options.itemIndex)}`, {
		itemIndex: options.itemIndex,
		description: options.description,
	});
}
