import type { IExecuteFunctions } from 'n8n-workflow';

import { itemLabel } from './errors';

const given = new WeakMap<object, Set<string>>();

/**
 * Tells the user, above the node's output, something they must act on (a list that may be
 * incomplete, a result that could not be learned). Each message once per run, however many items
 * hit it; the item is named when the message is about one.
 */
export function addHint(context: IExecuteFunctions, message: string, itemIndex?: number): void {
	const text = itemIndex === undefined ? message : `${message} ${itemLabel(itemIndex)}`;
	let messages = given.get(context);
	if (!messages) {
		messages = new Set();
		given.set(context, messages);
	}
	if (messages.has(text)) return;
	messages.add(text);
	context.addExecutionHints({ message: text, location: 'outputPane' });
}
