import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { bodyModeProperty, compact, nestTranslations, readJsonBody } from '../common';
import { idListSpec, listCollection, listJson, moveOptionalLists } from '../lists';
import type { ListSpec } from '../lists';
import { atLeast, between, country, dateOnly, dateTime, flag, id, optionalText, text } from '../rules';

// Doc: Products › Create Product / Update Product / Bulk Create. The same fields on all three:
// Create needs the SKU, Update takes the product in its path, Bulk may carry product_id to update.
export type ProductOperation = 'create' | 'update' | 'bulk';

// Lists

const REPLACED_ON_UPDATE = 'On Update the list replaces the product’s own: entries left out are deleted, so send them all.';

const attributeSpec: ListSpec = {
	key: 'attribute',
	displayName: 'Attributes',
	row: { key: 'attribute', displayName: 'Attribute' },
	description: 'Plain information shown on the product page (not used for order lines).',
	example: '[{"attribute_id": "4", "ar": {"description": "…"}, "en": {"description": "Gold"}}]',
	fields: [
		{ displayName: 'Attribute ID', name: 'attribute_id', type: 'string', default: '', required: true },
		{ displayName: 'Text (Arabic)', name: 'ar_description', type: 'string', default: '', required: true },
		{ displayName: 'Text (English)', name: 'en_description', type: 'string', default: '', required: true },
	],
	toApi: (row) => nestTranslations(compact(row)),
};

const optionSpec: ListSpec = {
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
						{ displayName: 'Option Value ID', name: 'option_value_id', type: 'string', default: '', required: true },
						{ displayName: 'SKU', name: 'sku', type: 'string', default: '', required: true },
						{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0, typeOptions: { minValue: 0 } },
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
	toApi: (row) => {
		const values = (row.values as IDataObject | undefined)?.value;
		return { ...compact(row), values: Array.isArray(values) ? (values as IDataObject[]).map(compact) : [] };
	},
};

const specialSpec: ListSpec = {
	key: 'special',
	displayName: 'Special Prices',
	row: { key: 'special', displayName: 'Special Price' },
	description: `Sale prices for a period. ${REPLACED_ON_UPDATE}`,
	example: '[{"price": 40, "date_start": "2026-12-01 00:00:00", "date_end": "2026-12-31 23:59:59"}]',
	fields: [
		{ displayName: 'Price', name: 'price', type: 'number', default: 0, typeOptions: { minValue: 0 } },
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

const categoriesSpec = idListSpec('product_categories', 'Categories', 'Category ID', 'Categories besides the master category.');
const filtersSpec = idListSpec('product_filters', 'Filters', 'Filter ID', 'Filters the product is found under.');
const relatedSpec = idListSpec('product_related', 'Related Products', 'Product ID', 'Products shown alongside this one.');
const shippingCountriesSpec = idListSpec(
	'shipping_country',
	'Shipping Countries',
	'Country Code',
	'Countries the product ships to, as two-letter codes (ISO 3166-1) such as SA.',
);

const LIST_SPECS = [attributeSpec, optionSpec, specialSpec, categoriesSpec, filtersSpec, relatedSpec, shippingCountriesSpec];

// Fields

function translated(key: string, label: string, extra: Partial<INodeProperties> = {}): INodeProperties[] {
	return [
		{ displayName: `${label} (Arabic)`, name: `ar_${key}`, type: 'string', default: '', ...extra } as INodeProperties,
		{ displayName: `${label} (English)`, name: `en_${key}`, type: 'string', default: '', ...extra } as INodeProperties,
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

function mainFields(operation: ProductOperation): INodeProperties[] {
	const identity: INodeProperties[] =
		operation === 'create'
			? [{ displayName: 'SKU', name: 'sku', type: 'string', required: true, default: '', description: 'Magento’s SKU' }]
			: operation === 'bulk'
				? [
						{
							displayName: 'Product ID',
							name: 'product_id',
							type: 'string',
							default: '',
							description: 'Vanilla eShop’s ID of a product to update; leave empty to create one',
						},
						{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Magento’s SKU' },
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
		{ displayName: 'Stock Status ID', name: 'stock_status_id', type: 'string', required: true, default: '' },
		{ displayName: 'Product Status ID', name: 'status', type: 'string', required: true, default: '' },
		{ displayName: 'Master Category ID', name: 'master_category_id', type: 'string', required: true, default: '' },
		{ displayName: 'Product Link', name: 'product_link', type: 'string', required: true, default: '' },
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
		{ displayName: 'Image', name: 'image', type: 'string', default: '', description: 'The image’s path or URL' },
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
		...updateDisplayOptions({ show: { inputMode: ['fields'] } }, [...mainFields(operation), additionalFields]),
	];
}

// Rules

const translation = z
	.object({
		name: text,
		meta_description: optionalText,
		meta_keyword: optionalText,
		description: optionalText,
		tag: optionalText,
		is_done: flag.optional(),
	})
	.passthrough();

const productSchema = (operation: ProductOperation, timeZone: string) =>
	z
		.object({
			sku: operation === 'create' ? id : optionalText,
			product_id: optionalText,
			ar: translation,
			en: translation,
			price: atLeast(0),
			logistics_cost: atLeast(0),
			inventory_cost: atLeast(0),
			cost: atLeast(0),
			quantity: atLeast(0),
			upc: optionalText,
			image: optionalText,
			minimum: atLeast(1),
			maximum: between(1, 10),
			subtract: atLeast(1).optional(),
			stock_status_id: id,
			is_returnable: flag,
			status: id,
			status_demand: optionalText,
			status_supplier: optionalText,
			status_clead: optionalText,
			shipping_country: z.array(country).optional(),
			product_link: text,
			date_available: dateOnly(timeZone).optional(),
			manufacturer_id: optionalText,
			master_category_id: id,
			product_categories: z.array(id).optional(),
			product_filters: z.array(id).optional(),
			product_related: z.array(id).optional(),
			attribute: z
				.array(
					z
						.object({
							attribute_id: id,
							ar: z.object({ description: text }).passthrough(),
							en: z.object({ description: text }).passthrough(),
						})
						.passthrough(),
				)
				.min(1, 'must have at least 1 attribute')
				.optional(),
			option: z
				.array(
					z
						.object({
							option_id: id,
							required: flag,
							values: z.array(
								z
									.object({ option_value_id: id, sku: id, quantity: atLeast(0), price: atLeast(0) })
									.passthrough(),
							),
						})
						.passthrough(),
				)
				.min(1, 'must have at least 1 option')
				.optional(),
			special: z
				.array(
					z
						.object({ price: atLeast(0), date_start: dateTime(timeZone), date_end: dateTime(timeZone) })
						.passthrough(),
				)
				.min(1, 'must have at least 1 special price')
				.optional(),
		})
		.passthrough();

const labels: FieldLabels = {
	sku: 'SKU',
	product_id: 'Product ID',
	ar: 'Name (Arabic)',
	en: 'Name (English)',
	'ar.name': 'Name (Arabic)',
	'en.name': 'Name (English)',
	'ar.description': 'Description (Arabic)',
	'en.description': 'Description (English)',
	'ar.meta_description': 'Meta Description (Arabic)',
	'en.meta_description': 'Meta Description (English)',
	'ar.meta_keyword': 'Meta Keywords (Arabic)',
	'en.meta_keyword': 'Meta Keywords (English)',
	'ar.tag': 'Tags (Arabic)',
	'en.tag': 'Tags (English)',
	'ar.is_done': 'Translation Done (Arabic)',
	'en.is_done': 'Translation Done (English)',
	price: 'Price',
	cost: 'Cost',
	logistics_cost: 'Logistics Cost',
	inventory_cost: 'Inventory Cost',
	quantity: 'Stock Quantity',
	minimum: 'Minimum Order Quantity',
	maximum: 'Maximum Order Quantity',
	subtract: 'Subtract',
	stock_status_id: 'Stock Status ID',
	status: 'Product Status ID',
	status_demand: 'Demand Status ID',
	status_supplier: 'Supplier Status ID',
	status_clead: 'Clead Status ID',
	is_returnable: 'Returnable',
	product_link: 'Product Link',
	master_category_id: 'Master Category ID',
	manufacturer_id: 'Manufacturer Entity ID',
	date_available: 'Date Available',
	upc: 'UPC',
	image: 'Image',
	shipping_country: 'Shipping Countries',
	'shipping_country.*': 'Shipping Countries',
	product_categories: 'Categories',
	'product_categories.*': 'Categories',
	product_filters: 'Filters',
	'product_filters.*': 'Filters',
	product_related: 'Related Products',
	'product_related.*': 'Related Products',
	attribute: 'Attributes',
	'attribute.*.attribute_id': 'Attributes › Attribute ID',
	'attribute.*.ar': 'Attributes › Text (Arabic)',
	'attribute.*.en': 'Attributes › Text (English)',
	'attribute.*.ar.description': 'Attributes › Text (Arabic)',
	'attribute.*.en.description': 'Attributes › Text (English)',
	option: 'Options',
	'option.*.option_id': 'Options › Option ID',
	'option.*.required': 'Options › Required',
	'option.*.values': 'Options › Values',
	'option.*.values.*.option_value_id': 'Options › Values › Option Value ID',
	'option.*.values.*.sku': 'Options › Values › SKU',
	'option.*.values.*.quantity': 'Options › Values › Quantity',
	'option.*.values.*.price': 'Options › Values › Price',
	special: 'Special Prices',
	'special.*.price': 'Special Prices › Price',
	'special.*.date_start': 'Special Prices › Start',
	'special.*.date_end': 'Special Prices › End',
};

function productFromFields(context: IExecuteFunctions, operation: ProductOperation, itemIndex: number): IDataObject {
	const main = Object.fromEntries(
		mainFields(operation).map((field) => [field.name, context.getNodeParameter(field.name, itemIndex)]),
	) as IDataObject;
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const lists = moveOptionalLists(context.getNode(), compact(extra), LIST_SPECS, itemIndex);
	return nestTranslations(compact({ ...main, ...lists }));
}

/** One product as the API takes it, checked against the doc's rules. */
export function readProduct(context: IExecuteFunctions, operation: ProductOperation, itemIndex: number): IDataObject {
	const product =
		context.getNodeParameter('inputMode', itemIndex) === 'json'
			? readJsonBody(context, 'bodyJson', 'Product JSON', itemIndex)
			: productFromFields(context, operation, itemIndex);
	return validate(context.getNode(), productSchema(operation, context.getTimezone()), product, itemIndex, labels) as IDataObject;
}

// Which product a path names

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
		{
			displayName: 'SKU',
			name: 'productSku',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { productKey: ['sku'] } },
		},
		{
			displayName: 'Magento Entity ID',
			name: 'productEntityId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { productKey: ['entityId'] } },
		},
	];
}

export interface ProductKey {
	/** what goes in the path */
	value: string;
	/** `product with SKU RING-1`: what the request is about (ApiRequest.subject) */
	subject: string;
	/** what the output says was acted on */
	output: IDataObject;
}

export function readProductKey(context: IExecuteFunctions, itemIndex: number): ProductKey {
	const bySku = context.getNodeParameter('productKey', itemIndex) === 'sku';
	const value = validate(
		context.getNode(),
		id,
		context.getNodeParameter(bySku ? 'productSku' : 'productEntityId', itemIndex),
		itemIndex,
		{ '': bySku ? 'SKU' : 'Magento Entity ID' },
	);
	return bySku
		? { value, subject: `product with SKU ${value}`, output: { sku: value } }
		: { value, subject: `product with Magento entity ID ${value}`, output: { entity_id: value } };
}
