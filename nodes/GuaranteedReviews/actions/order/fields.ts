import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';

// https://www.guaranteed-reviews.com/settings/private-api-orders/

/** Exact mode: one order per request, at most this many at once (the run's adaptive limit grows to it). */
export const EXACT_AT_ONCE = 5;

/** How exact each order's result is, and what it costs (see orderResults() in transport.ts and the README). */
export const resultPerOrderOption: INodeProperties = {
	displayName: 'Result Per Order',
	name: 'resultPerOrder',
	type: 'options',
	options: [
		{
			name: 'Counted Per Request',
			value: 'counted',
			description:
				'Orders Per Request orders in one request. The service only counts: when some of a request’s orders are taken and others not, none of them gets an exact result.',
		},
		{
			name: 'Exact (One Order Per Request)',
			value: 'exact',
			description: `One request per order, up to ${EXACT_AT_ONCE} at once: every order comes out imported, already sent or not imported`,
		},
	],
	default: 'counted',
};

export const batchSizeOption: INodeProperties = {
	displayName: 'Orders Per Request',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: 100,
	description:
		'With Result Per Order › Counted Per Request: input items are sent together, this many per request. Not used with Exact.',
};

/** The fields of Order › Send, as the node panel shows them. */
export const orderProperties: INodeProperties[] = [
	{
		displayName: 'Define Order',
		name: 'inputMode',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description: 'One order object per item, in the API’s own field names',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Order JSON',
		name: 'orderJson',
		type: 'json',
		default:
			'{\n  "id_order": "",\n  "order_date": "",\n  "firstname": "",\n  "lastname": "",\n  "email": "",\n  "products": []\n}',
		required: true,
		description:
			'The order as the API takes it (id_order, order_date, firstname, lastname, email, reference, store_id, phone, products). Extra fields are sent as given.',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		description:
			'Your unique order number. An order already sent (same ID or reference) is not imported again.',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Order Date',
		name: 'orderDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When the order was placed. Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone.',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Where the review request goes, 10 days after the order is received',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Products',
		name: 'productsSource',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Ask for a shop review only' },
			{ name: 'Define Below', value: 'fields' },
			{
				name: 'From an Input Field',
				value: 'inputField',
				description: 'A list of products in the input item, in the API’s field names',
			},
		],
		default: 'fields',
		description: 'Products let customers review each product they bought',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Input Field With Products',
		name: 'productsField',
		type: 'string',
		default: 'products',
		placeholder: 'e.g. line_items',
		description:
			'Name of the input field holding the list of products (dots reach into objects, e.g. order.products). Each product needs ID and name.',
		displayOptions: { show: { inputMode: ['fields'], productsSource: ['inputField'] } },
	},
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		default: {},
		displayOptions: { show: { inputMode: ['fields'], productsSource: ['fields'] } },
		options: [
			{
				displayName: 'Product',
				name: 'product',
				values: [
					{
						displayName: 'Category ID',
						name: 'category_id',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Category Name',
						name: 'category_name',
						type: 'string',
						default: '',
					},
					{
						displayName: 'EAN13',
						name: 'ean13',
						type: 'string',
						default: '',
					},
					{
						displayName: 'MPN',
						name: 'mpn',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
					},
					{
						displayName: 'Product ID',
						name: 'id',
						type: 'number',
						default: 0,
						required: true,
						description: 'The shop’s numeric product ID',
					},
					{
						displayName: 'Product URL',
						name: 'url',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Quantity',
						name: 'qty',
						type: 'number',
						default: 1,
					},
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Unit Price (Tax Included)',
						name: 'unit_price',
						type: 'number',
						default: 0,
					},
					{
						displayName: 'UPC',
						name: 'upc',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description: 'Your unique order reference, if it differs from the order ID',
			},
			{
				displayName: 'Store ID',
				name: 'store_id',
				type: 'number',
				default: 0,
				description: 'The physical store the order was placed in, if any',
			},
			{
				displayName: 'Send Phone Number',
				name: 'sendPhone',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the customer’s phone number. Only with the customer’s consent.',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				description: 'Sent only when Send Phone Number is on',
			},
		],
	},
	optionsCollection([resultPerOrderOption, batchSizeOption]),
];
