import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { inputError } from '../../shared/errors';
import { isRecord, readJsonParameter, validate } from '../../shared/validation';
import type { ValigaraData } from '../transport';

// "Define Data": an action's `data` from named fields (or none, for actions without data), or as
// raw JSON: the fields of the mode, and reading the `data` of one item in either mode.

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
export function dataModeFields(
	action: string,
	need: DataNeed = 'required',
	whenEmpty = '',
): INodeProperties[] {
	const mode: INodeProperties =
		need === 'none'
			? {
					displayName: 'Define Data',
					name: 'dataMode',
					type: 'options',
					options: [
						{ name: 'Send No Data', value: 'none', description: 'As the docs call this action' },
						jsonOption,
					],
					default: 'none',
				}
			: {
					displayName: 'Define Data',
					name: 'dataMode',
					type: 'options',
					options: [{ name: 'Using Fields Below', value: 'fields' }, jsonOption],
					default: 'fields',
				};
	const optional =
		need === 'optional' ? ` Optional: left empty or {}, no data is sent and ${whenEmpty}.` : '';
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

/** Fields shown only in "Using Fields Below" mode. */
export function forFieldsMode(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, dataMode: ['fields'] },
		},
	}));
}

const jsonData = z.union([z.record(z.unknown()), z.array(z.unknown())], {
	errorMap: () => ({ message: 'must be a JSON object or list' }),
});

function isEmptyJson(value: unknown): boolean {
	if (value === undefined) return true;
	if (Array.isArray(value)) return value.length === 0;
	return isRecord(value) && Object.keys(value).length === 0;
}

/**
 * The user's raw `data`. Not checked against our field names: the JSON mode exists for keys the
 * docs do not show. Actions that need data refuse an empty one (Valigara would answer 300).
 */
export function readJsonData(
	context: IExecuteFunctions,
	itemIndex: number,
	required: boolean,
): ValigaraData | undefined {
	const value = readJsonParameter(context, 'dataJson', itemIndex, 'Data (JSON)');
	if (isEmptyJson(value)) {
		if (!required) return undefined;
		throw inputError(context.getNode(), '"Data (JSON)" must not be empty', {
			itemIndex,
			description: 'This action needs data: Valigara would answer 300 Data Not Specified.',
		});
	}
	return validate(context.getNode(), jsonData, value, itemIndex, {
		'': 'Data (JSON)',
	}) as ValigaraData;
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

/** The `data` of an action that takes none (its fields are `dataModeFields(action, 'none')`): none, or the JSON given. */
export function readDataWithoutFields(
	context: IExecuteFunctions,
	itemIndex: number,
): ValigaraData | undefined {
	return readData(context, itemIndex, () => undefined, 'none');
}
