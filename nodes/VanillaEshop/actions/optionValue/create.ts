import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { optionValueFields, readOptionValue } from './fields';

// Doc: Options › Create Option Value, POST v1/in/optionValue
export const description = updateDisplayOptions(
	{ show: { resource: ['optionValue'], operation: ['create'] } },
	optionValueFields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readOptionValue(this, itemIndex);
	const data = await apiRequest(this, { method: 'POST', path: path('optionValue'), body }, itemIndex);
	return recordOr(data, {});
}
