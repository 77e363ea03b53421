import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { readJsonParameter, validate } from '../../shared/validation';
import { id, text } from './rules';

// What every operation uses to read its fields.

/** Drop untouched optional fields: n8n hands them over as ''. */
export function compact(record: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(record).filter(([, value]) => value !== '' && value !== undefined && value !== null),
	);
}

/**
 * Arabic and English texts are paired fields named `ar_<key>` / `en_<key>`; the API takes them
 * nested (`{"ar": {"name": …}}`), never as dotted keys.
 */
export function nestTranslations(record: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const match = /^(ar|en)_(.+)$/.exec(key);
		if (match) body[match[1]] = { ...((body[match[1]] as IDataObject) ?? {}), [match[2]]: value };
		else body[key] = value;
	}
	return body;
}

/** The whole request body given as JSON, in the API's own field names. */
export function readJsonBody(context: IExecuteFunctions, name: string, label: string, itemIndex: number): IDataObject {
	const value = readJsonParameter(context, name, itemIndex, label);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw inputError(context.getNode(), `"${label}" must be one JSON object`, { itemIndex });
	}
	return { ...(value as IDataObject) };
}

/** "Using Fields Below" or "Using JSON" for a whole request body. */
export function bodyModeProperty(what: string, jsonExample: string): INodeProperties[] {
	return [
		{
			displayName: `Define ${what}`,
			name: 'inputMode',
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{
					name: 'Using JSON',
					value: 'json',
					description: 'One object per item, in the API’s own field names (nested, not dotted)',
				},
			],
			default: 'fields',
		},
		{
			displayName: `${what} JSON`,
			name: 'bodyJson',
			type: 'json',
			default: jsonExample,
			required: true,
			description: `The ${what.toLowerCase()} as the API takes it, with nested objects such as {"ar": {"name": "…"}}; fields the node does not know are sent as given`,
			displayOptions: { show: { inputMode: ['json'] } },
		},
	];
}

/** A required text parameter: trimmed, never empty, or an error naming the field. */
export function readText(context: IExecuteFunctions, parameter: string, label: string, itemIndex: number): string {
	return validate(context.getNode(), text, context.getNodeParameter(parameter, itemIndex), itemIndex, { '': label });
}

/** A required ID or SKU: trimmed, never empty, of a bounded length, or an error naming the field. */
export function readId(context: IExecuteFunctions, parameter: string, label: string, itemIndex: number): string {
	return validate(context.getNode(), id, context.getNodeParameter(parameter, itemIndex), itemIndex, { '': label });
}
