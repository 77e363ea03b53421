import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import { compact, nestTranslations } from '../common';
import { id, text } from '../rules';

export const optionValueIdField: INodeProperties = {
	displayName: 'Option Value ID',
	name: 'optionValueId',
	type: 'string',
	required: true,
	default: '',
	description: 'The option_value_id returned when the value was created',
};

export const optionValueFields: INodeProperties[] = [
	{
		displayName: 'Option ID',
		name: 'option_id',
		type: 'string',
		required: true,
		default: '',
		description: 'The option this value belongs to, e.g. the ID of "Colour" for the value "Red"',
	},
	{ displayName: 'Name (Arabic)', name: 'ar_name', type: 'string', required: true, default: '' },
	{ displayName: 'Name (English)', name: 'en_name', type: 'string', required: true, default: '' },
];

const optionValueSchema = z.object({
	option_id: id,
	ar: z.object({ name: text }),
	en: z.object({ name: text }),
});

const labels = {
	option_id: 'Option ID',
	ar: 'Name (Arabic)',
	en: 'Name (English)',
	'ar.name': 'Name (Arabic)',
	'en.name': 'Name (English)',
};

export function readOptionValue(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = nestTranslations(compact({
		option_id: context.getNodeParameter('option_id', itemIndex),
		ar_name: context.getNodeParameter('ar_name', itemIndex),
		en_name: context.getNodeParameter('en_name', itemIndex),
	}));
	return validate(context.getNode(), optionValueSchema, value, itemIndex, labels);
}
