import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readOptionValue } from './body';
import { optionValueFields } from './properties';

// Doc: Options › Create Option Value, POST v1/in/optionValue
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			description:
				'Add a value with Arabic and English names to a product option, such as "Red" to "Colour". Returns the API’s reply with the new option_value_id.',
			action: 'Create an option value',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = optionValueFields;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readOptionValue(this, itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'POST', path: path('optionValue'), body },
		itemIndex,
	);
	return recordOr(data, {});
}
