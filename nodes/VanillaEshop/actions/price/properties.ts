import type { INodeProperties } from 'n8n-workflow';

// Doc: Prices › Add price / Add Bulk prices: the same fields, one price or a list of them.
export const priceFields: INodeProperties[] = [
	{
		displayName: 'Product Entity ID',
		name: 'entity_id',
		type: 'string',
		required: true,
		default: '',
		description: 'The product’s entity ID in Magento',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0 },
	},
	{
		displayName: 'Start Date',
		name: 'date_start',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of the price, sent as YYYY-MM-DD in the workflow’s time zone',
	},
	{
		displayName: 'End Date',
		name: 'date_end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the price, sent as YYYY-MM-DD in the workflow’s time zone',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'number',
				default: 0,
				description: 'Which price wins when several apply on the same day',
			},
		],
	},
];
