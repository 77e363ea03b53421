import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { parseJsonValue } from '../../shared/validation';
import { compact } from './common';

// Lists (order products, totals, product options, …): rows in a fixed collection, or a JSON list
// typed in a twin field or built by an expression such as {{ $json.items }}.

export interface ListSpec {
	/** the API's key; also the parameter holding the rows (its JSON twin is `<key>_json`) */
	key: string;
	displayName: string;
	/** one row: its key in the fixed collection's value, and its label */
	row: { key: string; displayName: string };
	fields: INodeProperties[];
	description: string;
	/** a JSON list as the API takes it, shown as the placeholder of the JSON field */
	example: string;
	/** one row as the API takes it (default: the row without its untouched fields) */
	toApi?: (row: IDataObject) => unknown;
}

export const jsonName = (spec: ListSpec) => `${spec.key}_json`;
const modeName = (spec: ListSpec) => `${spec.key}_input`;

export function listCollection(spec: ListSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.key,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${spec.row.displayName}`,
		default: {},
		description: spec.description,
		options: [{ displayName: spec.row.displayName, name: spec.row.key, values: spec.fields }],
	};
}

export function listJson(spec: ListSpec): INodeProperties {
	return {
		displayName: `${spec.displayName} (JSON)`,
		name: jsonName(spec),
		type: 'json',
		default: '',
		placeholder: spec.example,
		description: `${spec.description} Here as a JSON list in the API’s field names, typed or from an expression`,
	};
}

/** A list the request cannot go without: a selector, then the rows or the JSON. */
export function requiredList(spec: ListSpec): INodeProperties[] {
	return [
		{
			displayName: `Define ${spec.displayName}`,
			name: modeName(spec),
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json', description: 'A JSON list, typed or from an expression' },
			],
			default: 'fields',
		},
		{ ...listCollection(spec), displayOptions: { show: { [modeName(spec)]: ['fields'] } } },
		{ ...listJson(spec), required: true, displayOptions: { show: { [modeName(spec)]: ['json'] } } },
	];
}

function rowsOf(value: unknown, rowKey: string): IDataObject[] {
	const rows = (value as IDataObject | undefined)?.[rowKey];
	return Array.isArray(rows) ? (rows as IDataObject[]) : [];
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The list from its rows or its JSON twin; undefined when neither holds anything. */
export function readList(
	node: INode,
	spec: ListSpec,
	source: { rows?: unknown; json?: unknown },
	itemIndex: number,
): unknown {
	const rows = rowsOf(source.rows, spec.row.key);
	if (!isEmpty(source.json)) {
		if (rows.length) {
			throw inputError(node, `Use either "${spec.displayName}" or "${spec.displayName} (JSON)", not both`, {
				itemIndex,
			});
		}
		const list = parseJsonValue(node, source.json, `${spec.displayName} (JSON)`, itemIndex);
		if (!Array.isArray(list)) {
			throw inputError(node, `"${spec.displayName} (JSON)" must be a list, such as ${spec.example}`, { itemIndex });
		}
		return list;
	}
	if (!rows.length) return undefined;
	return rows.map((row) => (spec.toApi ? spec.toApi(row) : compact(row)));
}

/** A required list, read as its selector says. */
export function readRequiredList(context: IExecuteFunctions, spec: ListSpec, itemIndex: number): unknown {
	const node = context.getNode();
	if (context.getNodeParameter(modeName(spec), itemIndex) === 'json') {
		return readList(node, spec, { json: context.getNodeParameter(jsonName(spec), itemIndex, '') }, itemIndex) ?? [];
	}
	return readList(node, spec, { rows: context.getNodeParameter(spec.key, itemIndex, {}) }, itemIndex) ?? [];
}

/**
 * Optional lists live in a collection as two options (rows, and `(JSON)`): takes both out of the
 * collection's values and puts the list under its API key.
 */
export function moveOptionalLists(
	node: INode,
	values: IDataObject,
	specs: ListSpec[],
	itemIndex: number,
): IDataObject {
	const result = { ...values };
	for (const spec of specs) {
		const list = readList(node, spec, { rows: values[spec.key], json: values[jsonName(spec)] }, itemIndex);
		delete result[spec.key];
		delete result[jsonName(spec)];
		if (list !== undefined) result[spec.key] = list;
	}
	return result;
}

/** A list of plain IDs (categories, filters, …): one row per ID. */
export function idListSpec(key: string, displayName: string, rowLabel: string, description: string): ListSpec {
	return {
		key,
		displayName,
		row: { key: 'entry', displayName: rowLabel },
		fields: [{ displayName: rowLabel, name: 'id', type: 'string', default: '' }],
		description,
		example: '["12", "15"]',
		toApi: (row) => row.id,
	};
}
