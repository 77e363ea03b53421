import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId } from '../common';
import { optionValueFields, optionValueIdField, readOptionValue } from './fields';

// Doc: Options › Update Option Value, PUT v1/in/optionValue/{optionValue} (the option_value_id)
export const description = updateDisplayOptions({ show: { resource: ['optionValue'], operation: ['update'] } }, [
	optionValueIdField,
	...optionValueFields,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const optionValueId = readId(this, 'optionValueId', 'Option Value ID', itemIndex);
	const body = readOptionValue(this, itemIndex);
	const data = await apiRequest(
		this,
		{
			method: 'PUT',
			path: path('optionValue', optionValueId),
			body,
			target: `Option value ${optionValueId}`,
		},
		itemIndex,
	);
	return recordOr(data, { option_value_id: optionValueId });
}
