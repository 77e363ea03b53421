import type { INodeProperties } from 'n8n-workflow';

// Fields several resources show: a whole body as fields or JSON, and lists (order products,
// totals, product options, …) as rows in a fixed collection or a JSON list typed in a twin field
// or built by an expression such as {{ $json.items }}. body.ts reads them.

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
}

export const jsonName = (spec: ListSpec) => `${spec.key}_json`;
export const modeName = (spec: ListSpec) => `${spec.key}_input`;

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
				{
					name: 'Using JSON',
					value: 'json',
					description: 'A JSON list, typed or from an expression',
				},
			],
			default: 'fields',
		},
		{ ...listCollection(spec), displayOptions: { show: { [modeName(spec)]: ['fields'] } } },
		{ ...listJson(spec), required: true, displayOptions: { show: { [modeName(spec)]: ['json'] } } },
	];
}

/** A list of plain IDs (categories, filters, …): one row per ID, sent as the ID alone (body.ts idOf). */
export function idListSpec(
	key: string,
	displayName: string,
	rowLabel: string,
	description: string,
): ListSpec {
	return {
		key,
		displayName,
		row: { key: 'entry', displayName: rowLabel },
		fields: [{ displayName: rowLabel, name: 'id', type: 'string', default: '' }],
		description,
		example: '["12", "15"]',
	};
}
