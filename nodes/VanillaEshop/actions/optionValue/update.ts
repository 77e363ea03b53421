import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../body';
import { readOptionValue } from './body';
import { optionValueFields, optionValueIdField } from './properties';

// Doc: Options › Update Option Value, PUT v1/in/optionValue/{optionValue} (the option_value_id)
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'update',
	options: [
		{
			name: 'Update',
			value: 'update',
			description:
				'Change an option value’s option and its Arabic and English names, by its ID. Returns the API’s reply, or success: true with the ID.',
			action: 'Update an option value',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [optionValueIdField, ...optionValueFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const optionValueId = readId(this, optionValueIdField, itemIndex);
	const body = readOptionValue(this, itemIndex);
	const data = await apiRequest(
		this,
		{
			method: 'PUT',
			path: path('optionValue', optionValueId),
			body,
			subject: `option value ${optionValueId}`,
		},
		itemIndex,
	);
	return recordOr(data, { option_value_id: optionValueId });
}
