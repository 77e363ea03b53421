import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { inputError } from '../../shared/errors';
import { readJsonParameter, requiredId, validate } from '../../shared/validation';
import { valigaraRequest } from '../transport';
import type { ValigaraData } from '../transport';

// ── Data: named fields, or the action's `data` as raw JSON ──────────────────────────────────────

export type DataMode = 'fields' | 'json' | 'none';

const jsonOption = {
	name: 'Using JSON',
	value: 'json',
	description: 'The action’s `data` as Valigara takes it, sent as written',
};

/**
 * Whether an action takes `data`: `required` (Valigara answers 300 Data Not Specified without it),
 * `optional` (a filter: searches and exports; without it, everything is found), or `none`.
 */
export type DataNeed = 'required' | 'optional' | 'none';

/**
 * "Define Data": named fields (or nothing, for actions without data) or the raw `data` JSON.
 * `whenEmpty` says what an optional `data` left empty does; readData must be called with the
 * same need, so the panel and the node agree.
 */
export function dataModeFields(action: string, need: DataNeed = 'required', whenEmpty = ''): INodeProperties[] {
	const mode: INodeProperties =
		need === 'none'
			? {
					displayName: 'Define Data',
					name: 'dataMode',
					type: 'options',
					options: [{ name: 'Send No Data', value: 'none', description: 'As the docs call this action' }, jsonOption],
					default: 'none',
				}
			: {
					displayName: 'Define Data',
					name: 'dataMode',
					type: 'options',
					options: [{ name: 'Using Fields Below', value: 'fields' }, jsonOption],
					default: 'fields',
				};
	const optional = need === 'optional' ? ` Optional: left empty or {}, no data is sent and ${whenEmpty}.` : '';
	return [
		mode,
		{
			displayName: 'Data (JSON)',
			name: 'dataJson',
			type: 'json',
			default: '{}',
			required: need === 'required',
			description: `The \`data\` parameter of ${action}: a JSON object or list, sent JSON-encoded.${optional}`,
			displayOptions: { show: { dataMode: ['json'] } },
		},
	];
}

const jsonData = z.union([z.record(z.unknown()), z.array(z.unknown())], {
	errorMap: () => ({ message: 'must be a JSON object or list' }),
});

function isEmptyJson(value: unknown): boolean {
	if (value === undefined) return true;
	if (Array.isArray(value)) return value.length === 0;
	return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/**
 * The user's raw `data`. Not checked against our field names: the JSON mode exists for keys the
 * docs do not show. Actions that need data refuse an empty one (Valigara would answer 300).
 */
export function readJsonData(context: IExecuteFunctions, itemIndex: number, required: boolean): ValigaraData | undefined {
	const value = readJsonParameter(context, 'dataJson', itemIndex, 'Data (JSON)');
	if (isEmptyJson(value)) {
		if (!required) return undefined;
		throw inputError(context.getNode(), '"Data (JSON)" must not be empty', {
			itemIndex,
			description: 'This action needs data: Valigara would answer 300 Data Not Specified.',
		});
	}
	return validate(context.getNode(), jsonData, value, itemIndex, { '': 'Data (JSON)' }) as ValigaraData;
}

/**
 * The `data` of one item: from the fields (built and validated by `fromFields`) or from the JSON.
 */
export function readData(
	context: IExecuteFunctions,
	itemIndex: number,
	fromFields: () => ValigaraData | undefined,
	need: DataNeed = 'required',
): ValigaraData | undefined {
	const mode = context.getNodeParameter('dataMode', itemIndex, 'fields') as DataMode;
	if (mode === 'json') return readJsonData(context, itemIndex, need === 'required');
	if (mode === 'none') return undefined;
	return fromFields();
}

/** Fields shown only in "Using Fields Below" mode. */
export function forFieldsMode(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, dataMode: ['fields'] } },
	}));
}

// ── IDs ──────────────────────────────────────────────────────────────────────────────────────

/** Valigara's IDs are numbers ("product ids 1,2,3"): digits are sent as a JSON number. */
export function toApiId(id: string): string | number {
	return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** One ID, trimmed and never empty. */
export const apiId = () => requiredId().transform(toApiId);

/** IDs as a list (from an expression) or as text: "12, 15 18". At least one, none empty. */
export const apiIdList = () =>
	z
		.preprocess(
			(value) =>
				Array.isArray(value)
					? value
					: typeof value === 'string'
						? value.split(/[\s,;]+/).filter((id) => id !== '')
						: value === undefined || value === null
							? []
							: [value],
			z.array(requiredId()).min(1, 'must hold at least one ID'),
		)
		.transform((ids) => ids.map(toApiId));

/** Labels for an ID list and for each ID in it (validation errors name "Product IDs (#2)"). */
export function idListLabels(key: string, label: string): Record<string, string> {
	return { [key]: label, [`${key}.*`]: label };
}

export function idListField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1021, 1022',
		description: `${description}. Several IDs separated by commas, or a list from an expression.`,
	};
}

// ── Other fields: keys the named fields do not cover ─────────────────────────────────────────

/** Name/value pairs for any other key; names from a List Fields action when one is given. */
export function otherFieldsProperty(loadOptionsMethod?: string, displayName = 'Other Fields'): INodeProperties {
	return {
		displayName,
		name: 'otherFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'Fields not listed above, sent under the name given',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					loadOptionsMethod
						? {
								displayName: 'Name or ID',
								name: 'name',
								type: 'options',
								typeOptions: { loadOptionsMethod },
								default: '',
								description:
									'Field name as Valigara lists it for your account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
							}
						: { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The key, as Valigara names it' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Sent as given: text as typed; a number, true/false or a list from an expression keeps its type',
					},
				],
			},
		],
	};
}

/**
 * Other fields as an object, each value of the type the user gave (`{{ 12 }}` is sent as 12, not
 * "12"); a number JSON cannot carry (NaN, Infinity: sent as null) is refused. Add them to `data`
 * after the named fields are checked, so no text schema turns them into text. A name used twice,
 * or one a named field already sets, is an error.
 */
export function readOtherFields(context: IExecuteFunctions, itemIndex: number, taken: IDataObject): IDataObject {
	const rows = context.getNodeParameter('otherFields.field', itemIndex, []) as Array<{ name?: string; value?: unknown }>;
	const result: IDataObject = {};
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		if (!name) throw inputError(context.getNode(), '"Other Fields › Name" must not be empty', { itemIndex });
		if (name in result || name in taken) {
			throw inputError(context.getNode(), `"Other Fields" sets "${name}" twice`, {
				itemIndex,
				description: 'Each field may be set once: remove the duplicate, or the named field above.',
			});
		}
		if (typeof row.value === 'number' && !Number.isFinite(row.value)) {
			throw inputError(context.getNode(), `Invalid input: "Other Fields › Value" (${name}) must be a finite number, not ${row.value}`, {
				itemIndex,
			});
		}
		result[name] = row.value as IDataObject[string];
	}
	return result;
}

// ── Values from n8n's fields ─────────────────────────────────────────────────────────────────

/** Drop untouched values of a fixed-collection row ('' and undefined), keep the rest. */
function compact(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}

/** Rows of a multiple-value fixed collection, compacted; undefined when there are none. */
export function readRows(context: IExecuteFunctions, path: string, itemIndex: number): IDataObject[] | undefined {
	const rows = (context.getNodeParameter(path, itemIndex, []) as IDataObject[]) ?? [];
	return rows.length ? rows.map(compact) : undefined;
}

/**
 * A whole number of at least `min`. Not zod's `int()`: zod reports that failure as a type error,
 * whose shared wording ("must be a integer, not a float") drops our message.
 */
export const wholeNumber = (min: number) =>
	z
		.number({ invalid_type_error: 'must be a number' })
		.min(min, `must be at least ${min}`)
		.refine(Number.isInteger, 'must be a whole number');

export const optionalText = z.union([z.string(), z.number()]).transform(String).optional();

// ── Replies ──────────────────────────────────────────────────────────────────────────────────

export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A reply's `data` as a list of records, one output item each. The docs show lists of IDs
 * ("returned product ids 1,2,3"); exports may come as a list, a map keyed by ID, or an object
 * wrapping one list. Bare IDs become `{[idKey]: id}`.
 */
export function recordsOf(data: unknown, idKey = 'id'): IDataObject[] {
	if (data === undefined || data === null || data === '') return [];
	if (Array.isArray(data)) return data.map((entry) => (isRecord(entry) ? entry : { [idKey]: entry as string }));
	if (typeof data === 'string' || typeof data === 'number') {
		return String(data)
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id !== '')
			.map((id) => ({ [idKey]: toApiId(id) }));
	}
	if (isRecord(data)) {
		const values = Object.values(data);
		const lists = values.filter(Array.isArray);
		if (values.length === 1 && lists.length === 1) return recordsOf(lists[0], idKey);
		if (values.length > 0 && values.every(isRecord)) return values as IDataObject[];
		return [data];
	}
	return [{ [idKey]: data as boolean }];
}

/**
 * An action that lists something and takes no data (the JSON mode may still send some): one
 * output item per record of the reply.
 */
export async function listAction(
	context: IExecuteFunctions,
	itemIndex: number,
	action: string,
	idKey: string,
): Promise<IDataObject[]> {
	const data = readData(context, itemIndex, () => undefined, 'none');
	return recordsOf(await valigaraRequest(context, action, data, itemIndex), idKey);
}

/** What a reply's `data` adds to an output item: its fields, or itself under `data`. */
export function replyDetails(data: unknown): IDataObject {
	if (isRecord(data)) return data;
	if (data === undefined || data === null || data === '') return {};
	return { data: data as IDataObject };
}

/** The output of an action that changes something: the reply's `data`, or that it succeeded. */
export function replyObject(data: unknown): IDataObject {
	return isRecord(data) ? data : { success: true, ...replyDetails(data) };
}

// ── Overridable action names (the Orders actions are not in the public docs) ────────────────

export function actionNameOption(assumed: string): INodeProperties {
	return {
		displayName: 'Action Name',
		name: 'actionName',
		type: 'string',
		default: '',
		placeholder: assumed,
		description: `Valigara's name for this action. Leave empty for "${assumed}", this node's assumption: the Orders actions are not in Valigara's public docs.`,
	};
}

const actionName = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9_.-]+$/, 'may only hold letters, digits and _ . -');

/** The action to call: the user's override from Options › Action Name, or the table's name. */
export function readActionName(context: IExecuteFunctions, itemIndex: number, assumed: string): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const override = String(options.actionName ?? '').trim();
	if (!override) return assumed;
	return validate(context.getNode(), actionName, override, itemIndex, { '': 'Action Name' });
}
