import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { bodyModeProperty, idListSpec, listCollection, listJson } from '../properties';
import type { ListSpec } from '../properties';

// Doc: Products › Create Product / Update Product / Bulk Create. The same fields on all three:
// Create needs the SKU, Update takes the product in its path, Bulk may carry product_id to update.
export type ProductOperation = 'create' | 'update' | 'bulk';

// Lists

const REPLACED_ON_UPDATE =
	'On Update the list replaces the product’s own: entries left out are deleted, so send them all.';

export const attributeSpec: ListSpec = {
	key: 'attribute',
	displayName: 'Attributes',
	row: { key: 'attribute', displayName: 'Attribute' },
	description: 'Plain information shown on the product page (not used for order lines).',
	example: '[{"attribute_id": "4", "ar": {"description": "…"}, "en": {"description": "Gold"}}]',
	fields: [
		{
			displayName: 'Attribute ID',
			name: 'attribute_id',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Text (Arabic)',
			name: 'ar_description',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Text (English)',
			name: 'en_description',
			type: 'string',
			default: '',
			required: true,
		},
	],
};

export const optionSpec: ListSpec = {
	key: 'option',
	displayName: 'Options',
	row: { key: 'option', displayName: 'Option' },
	description: `Choices such as size or colour, one level deep, each with its values. ${REPLACED_ON_UPDATE}`,
	example:
		'[{"option_id": "36", "required": true, "values": [{"option_value_id": "262", "sku": "RING-1-GREEN", "quantity": 3, "price": 0}]}]',
	fields: [
		{ displayName: 'Option ID', name: 'option_id', type: 'string', default: '', required: true },
		{
			displayName: 'Required',
			name: 'required',
			type: 'boolean',
			default: false,
			description: 'Whether the customer must choose a value',
		},
		{
			displayName: 'Values',
			name: 'values',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Value',
			default: {},
			options: [
				{
					displayName: 'Value',
					name: 'value',
					values: [
						{
							displayName: 'Option Value ID',
							name: 'option_value_id',
							type: 'string',
							default: '',
							required: true,
						},
						{ displayName: 'SKU', name: 'sku', type: 'string', default: '', required: true },
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							default: 0,
							typeOptions: { minValue: 0 },
						},
						{
							displayName: 'Price',
							name: 'price',
							type: 'number',
							default: 0,
							typeOptions: { minValue: 0 },
							description: 'Added to the product’s price',
						},
					],
				},
			],
		},
	],
};

export const specialSpec: ListSpec = {
	key: 'special',
	displayName: 'Special Prices',
	row: { key: 'special', displayName: 'Special Price' },
	description: `Sale prices for a period. ${REPLACED_ON_UPDATE}`,
	example:
		'[{"price": 40, "date_start": "2026-12-01 00:00:00", "date_end": "2026-12-31 23:59:59"}]',
	fields: [
		{
			displayName: 'Price',
			name: 'price',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
		},
		{
			displayName: 'Start',
			name: 'date_start',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone',
		},
		{
			displayName: 'End',
			name: 'date_end',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone',
		},
	],
};

export const categoriesSpec = idListSpec(
	'product_categories',
	'Categories',
	'Category ID',
	'Categories besides the master category.',
);
export const filtersSpec = idListSpec(
	'product_filters',
	'Filters',
	'Filter ID',
	'Filters the product is found under.',
);
export const relatedSpec = idListSpec(
	'product_related',
	'Related Products',
	'Product ID',
	'Products shown alongside this one.',
);
export const shippingCountriesSpec = idListSpec(
	'shipping_country',
	'Shipping Countries',
	'Country Code',
	'Countries the product ships to, as two-letter codes (ISO 3166-1) such as SA.',
);

// Fields

function translated(
	key: string,
	label: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties[] {
	return [
		{
			displayName: `${label} (Arabic)`,
			name: `ar_${key}`,
			type: 'string',
			default: '',
			...extra,
		} as INodeProperties,
		{
			displayName: `${label} (English)`,
			name: `en_${key}`,
			type: 'string',
			default: '',
			...extra,
		} as INodeProperties,
	];
}

const amount = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0 },
	description,
});

export function mainFields(operation: ProductOperation): INodeProperties[] {
	const identity: INodeProperties[] =
		operation === 'create'
			? [
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						required: true,
						default: '',
						description: 'Magento’s SKU',
					},
				]
			: operation === 'bulk'
				? [
						{
							displayName: 'Product ID',
							name: 'product_id',
							type: 'string',
							default: '',
							description: 'Vanilla eShop’s ID of a product to update; leave empty to create one',
						},
						{
							displayName: 'SKU',
							name: 'sku',
							type: 'string',
							default: '',
							description: 'Magento’s SKU',
						},
					]
				: [];
	return [
		...identity,
		...translated('name', 'Name', { required: true }),
		amount('Price', 'price'),
		amount('Cost', 'cost'),
		amount('Logistics Cost', 'logistics_cost'),
		amount('Inventory Cost', 'inventory_cost'),
		amount('Stock Quantity', 'quantity'),
		{
			displayName: 'Minimum Order Quantity',
			name: 'minimum',
			type: 'number',
			required: true,
			default: 1,
			typeOptions: { minValue: 1 },
		},
		{
			displayName: 'Maximum Order Quantity',
			name: 'maximum',
			type: 'number',
			required: true,
			default: 10,
			typeOptions: { minValue: 1, maxValue: 10 },
			description: 'Most a customer may order at once: 1 to 10',
		},
		{
			displayName: 'Stock Status ID',
			name: 'stock_status_id',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Product Status ID',
			name: 'status',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Master Category ID',
			name: 'master_category_id',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Product Link',
			name: 'product_link',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Returnable',
			name: 'is_returnable',
			type: 'boolean',
			default: false,
			description: 'Whether customers may return the product',
		},
	];
}

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		listCollection(attributeSpec),
		listJson(attributeSpec),
		listCollection(categoriesSpec),
		listJson(categoriesSpec),
		{ displayName: 'Clead Status ID', name: 'status_clead', type: 'string', default: '' },
		{
			displayName: 'Date Available',
			name: 'date_available',
			type: 'dateTime',
			default: '',
			description: 'Sent as YYYY-MM-DD in the workflow’s time zone',
		},
		{ displayName: 'Demand Status ID', name: 'status_demand', type: 'string', default: '' },
		...translated('description', 'Description', { typeOptions: { rows: 4 } }),
		listCollection(filtersSpec),
		listJson(filtersSpec),
		{
			displayName: 'Image',
			name: 'image',
			type: 'string',
			default: '',
			description: 'The image’s path or URL',
		},
		{
			displayName: 'Manufacturer Entity ID',
			name: 'manufacturer_id',
			type: 'string',
			default: '',
			description: 'The manufacturer’s entity ID in Magento',
		},
		...translated('meta_description', 'Meta Description'),
		...translated('meta_keyword', 'Meta Keywords'),
		listCollection(optionSpec),
		listJson(optionSpec),
		listCollection(relatedSpec),
		listJson(relatedSpec),
		listCollection(shippingCountriesSpec),
		listJson(shippingCountriesSpec),
		listCollection(specialSpec),
		listJson(specialSpec),
		{
			displayName: 'Subtract',
			name: 'subtract',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			description: 'The API’s subtract value (1 or more): whether orders take from the stock',
		},
		{ displayName: 'Supplier Status ID', name: 'status_supplier', type: 'string', default: '' },
		...translated('tag', 'Tags', { description: 'Comma-separated' }),
		...translated('is_done', 'Translation Done', {
			type: 'boolean',
			default: false,
			description: 'Whether the texts in this language are final',
		}),
		{ displayName: 'UPC', name: 'upc', type: 'string', default: '' },
	],
};

/** The product's fields for an operation: JSON or fields, then the doc's fields. */
export function productProperties(operation: ProductOperation): INodeProperties[] {
	return [
		...bodyModeProperty(
			'Product',
			'{\n  "ar": { "name": "" },\n  "en": { "name": "" },\n  "price": 0\n}',
		),
		...updateDisplayOptions({ show: { inputMode: ['fields'] } }, [
			...mainFields(operation),
			additionalFields,
		]),
	];
}

// Which product a path names

export const productSkuField: INodeProperties = {
	displayName: 'SKU',
	name: 'productSku',
	type: 'string',
	required: true,
	default: '',
	description: 'The product’s SKU in Magento',
	displayOptions: { show: { productKey: ['sku'] } },
};

export const productEntityIdField: INodeProperties = {
	displayName: 'Magento Entity ID',
	name: 'productEntityId',
	type: 'string',
	required: true,
	default: '',
	description: 'The product’s entity ID in Magento',
	displayOptions: { show: { productKey: ['entityId'] } },
};

// The doc names the product in the path by its SKU on Update and by Magento's entity ID on Delete:
// the user says which one they pass, defaulting to what the doc says for the route.
export function productKeyProperties(defaultKey: 'sku' | 'entityId'): INodeProperties[] {
	return [
		{
			displayName: 'Find Product By',
			name: 'productKey',
			type: 'options',
			options: [
				{ name: 'Magento Entity ID', value: 'entityId' },
				{ name: 'SKU', value: 'sku' },
			],
			default: defaultKey,
			description: `The API reference names the product by its ${defaultKey === 'sku' ? 'SKU' : 'Magento entity ID'} on this route`,
		},
		productSkuField,
		productEntityIdField,
	];
}
