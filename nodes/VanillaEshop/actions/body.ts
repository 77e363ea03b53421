import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import {
	compact,
	isRecord,
	parseJsonValue,
	readJsonParameter,
	requiredId,
	requiredText,
	validate,
} from '../../shared/validation';
import { jsonName, listJson, modeName } from './properties';
import type { ListSpec } from './properties';

// What the request carries, read from the input fields (properties.ts) the way every resource does.

/** A required text parameter: trimmed, never empty, or an error naming the field. */
export function readText(
	context: IExecuteFunctions,
	field: INodeProperties,
	itemIndex: number,
): string {
	const value = context.getNodeParameter(field.name, itemIndex);
	return validate(context.getNode(), requiredText(), value, itemIndex, { '': field.displayName });
}

/** A required ID or SKU: trimmed, never empty, of a bounded length, or an error naming the field. */
export function readId(
	context: IExecuteFunctions,
	field: INodeProperties,
	itemIndex: number,
): string {
	const value = context.getNodeParameter(field.name, itemIndex);
	return validate(context.getNode(), requiredId(), value, itemIndex, { '': field.displayName });
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

/** The whole request body given as JSON (bodyModeProperty), in the API's own field names. */
export function readJsonBody(
	context: IExecuteFunctions,
	label: string,
	itemIndex: number,
): IDataObject {
	const value = readJsonParameter(context, 'bodyJson', itemIndex, label);
	if (!isRecord(value)) {
		throw inputError(context.getNode(), `"${label}" must be one JSON object`, { itemIndex });
	}
	return { ...value };
}

/** A list of the body: its fields, and how one row is sent (default: the row without its untouched fields). */
export interface ListReading {
	spec: ListSpec;
	toApi?: (row: IDataObject) => unknown;
}

/** A row of an ID list (idListSpec) as the API takes it: the ID alone. */
export const idOf = (row: IDataObject): unknown => row.id;

/** The rows of a fixed collection's value (`{row: [...]}`), none when it holds none. */
export function rowsOf(value: unknown, rowKey: string): IDataObject[] {
	const rows = (value as IDataObject | undefined)?.[rowKey];
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** The list from its rows or its JSON twin; undefined when neither holds anything. */
export function readList(
	node: INode,
	{ spec, toApi = compact }: ListReading,
	source: { rows?: unknown; json?: unknown },
	itemIndex: number,
): unknown {
	const rows = rowsOf(source.rows, spec.row.key);
	const jsonLabel = listJson(spec).displayName;
	if (!isEmpty(source.json)) {
		if (rows.length) {
			throw inputError(node, `Use either "${spec.displayName}" or "${jsonLabel}", not both`, {
				itemIndex,
			});
		}
		const list = parseJsonValue(node, source.json, jsonLabel, itemIndex);
		if (!Array.isArray(list)) {
			throw inputError(node, `"${jsonLabel}" must be a list, such as ${spec.example}`, {
				itemIndex,
			});
		}
		return list;
	}
	if (!rows.length) return undefined;
	return rows.map(toApi);
}

/** A required list (requiredList), read as its selector says. */
export function readRequiredList(
	context: IExecuteFunctions,
	list: ListReading,
	itemIndex: number,
): unknown {
	const node = context.getNode();
	const { spec } = list;
	if (context.getNodeParameter(modeName(spec), itemIndex) === 'json') {
		return (
			readList(
				node,
				list,
				{ json: context.getNodeParameter(jsonName(spec), itemIndex, '') },
				itemIndex,
			) ?? []
		);
	}
	return (
		readList(node, list, { rows: context.getNodeParameter(spec.key, itemIndex, {}) }, itemIndex) ??
		[]
	);
}

/**
 * Optional lists live in a collection as two options (rows, and `(JSON)`): takes both out of the
 * collection's values and puts the list under its API key.
 */
export function moveOptionalLists(
	node: INode,
	values: IDataObject,
	lists: ListReading[],
	itemIndex: number,
): IDataObject {
	const result = { ...values };
	for (const list of lists) {
		const { spec } = list;
		const value = readList(
			node,
			list,
			{ rows: values[spec.key], json: values[jsonName(spec)] },
			itemIndex,
		);
		delete result[spec.key];
		delete result[jsonName(spec)];
		if (value !== undefined) result[spec.key] = value;
	}
	return result;
}
