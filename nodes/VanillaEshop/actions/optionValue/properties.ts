import type { INodeProperties } from 'n8n-workflow';

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
