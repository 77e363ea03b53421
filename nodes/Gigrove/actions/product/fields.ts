import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { inputError } from '../../../shared/errors';
import { readJsonParameter, validate } from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { compact, dateOrRaw, idList, isoDate, nameList, splitList } from '../common';

// Product fields as in n8n's WooCommerce node. Gigrove stores save products through WCFM's product
// form, which reads some fields under other names or in another shape (docs/gigrove.md lists them):
// where the name differs both are sent, where only the shape differs WCFM's shape is sent.

export const inputModeField: INodeProperties = {
	displayName: 'Define Product',
	name: 'inputMode',
	type: 'options',
	options: [
		{ name: 'Using Fields Below', value: 'fields' },
		{ name: 'Using JSON', value: 'json', description: 'The request body as the API takes it, sent as given' },
	],
	default: 'fields',
};

export function productJsonField(example: string): INodeProperties {
	return {
		displayName: 'Product JSON',
		name: 'productJson',
		type: 'json',
		required: true,
		default: example,
		description: 'Any product properties of the API, with their API names. Sent as given.',
		displayOptions: { show: { inputMode: ['json'] } },
	};
}

export const categoryIdsField: INodeProperties = {
	displayName: 'Category IDs',
	name: 'categoryIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 15, 23',
	description: 'Comma-separated IDs of the product categories',
};

/** The Additional Fields / Update Fields options shared by Create and Update (sorted by name). */
export const productFieldOptions: INodeProperties[] = [
	{
		displayName: 'Backorders',
		name: 'backorders',
		type: 'options',
		options: [
			{ name: 'Allow', value: 'yes' },
			{ name: 'Allow, but Notify Customer', value: 'notify' },
			{ name: 'Do Not Allow', value: 'no' },
		],
		default: 'no',
		description: 'With stock management: whether orders are taken when out of stock',
	},
	{ displayName: 'Button Text', name: 'buttonText', type: 'string', default: '', description: 'External products: the text of the buy button' },
	{
		displayName: 'Catalog Visibility',
		name: 'catalogVisibility',
		type: 'options',
		options: [
			{ name: 'Catalog and Search', value: 'visible' },
			{ name: 'Catalog Only', value: 'catalog' },
			{ name: 'Hidden', value: 'hidden' },
			{ name: 'Search Only', value: 'search' },
		],
		default: 'visible',
	},
	{ displayName: 'Cross-Sell Product IDs', name: 'crossSellIds', type: 'string', default: '', placeholder: 'e.g. 101, 102' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{ displayName: 'Downloadable', name: 'downloadable', type: 'boolean', default: false, description: 'Whether the product is a download' },
	{ displayName: 'External URL', name: 'externalUrl', type: 'string', default: '', description: 'External products: where the buy button leads' },
	{ displayName: 'Featured', name: 'featured', type: 'boolean', default: false, description: 'Whether the product is featured' },
	{ displayName: 'Manage Stock', name: 'manageStock', type: 'boolean', default: false, description: 'Whether stock is managed for this product' },
	{ displayName: 'Menu Order', name: 'menuOrder', type: 'number', default: 0, description: 'Position in custom sorting' },
	{ displayName: 'Purchase Note', name: 'purchaseNote', type: 'string', default: '', description: 'Sent to the customer after purchase' },
	{ displayName: 'Regular Price', name: 'regularPrice', type: 'string', default: '', placeholder: 'e.g. 19.99' },
	{ displayName: 'Sale Price', name: 'salePrice', type: 'string', default: '', placeholder: 'e.g. 14.99' },
	{ displayName: 'Sale Price From', name: 'dateOnSaleFrom', type: 'dateTime', default: '' },
	{ displayName: 'Sale Price Until', name: 'dateOnSaleTo', type: 'dateTime', default: '' },
	{ displayName: 'Shipping Class ID', name: 'shippingClassId', type: 'number', default: 0, typeOptions: { minValue: 0 } },
	{ displayName: 'Short Description', name: 'shortDescription', type: 'string', typeOptions: { rows: 2 }, default: '' },
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Unique identifier of the product' },
	{ displayName: 'Slug', name: 'slug', type: 'string', default: '' },
	{
		displayName: 'Sold Individually',
		name: 'soldIndividually',
		type: 'boolean',
		default: false,
		description: 'Whether at most one can be bought per order',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Draft', value: 'draft' },
			{ name: 'Pending Review', value: 'pending' },
			{ name: 'Published', value: 'publish' },
		],
		default: 'publish',
		description: 'What the store allows depends on its publishing settings for sellers',
	},
	{ displayName: 'Stock Quantity', name: 'stockQuantity', type: 'number', default: 0 },
	{
		displayName: 'Stock Status',
		name: 'stockStatus',
		type: 'options',
		options: [
			{ name: 'In Stock', value: 'instock' },
			{ name: 'On Backorder', value: 'onbackorder' },
			{ name: 'Out of Stock', value: 'outofstock' },
		],
		default: 'instock',
	},
	{
		displayName: 'Tag IDs',
		name: 'tagIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 41, 42',
		description: 'Comma-separated IDs of the product tags (the API takes tags by ID; a tag’s name cannot be set here)',
	},
	{ displayName: 'Tax Class', name: 'taxClass', type: 'string', default: '' },
	{
		displayName: 'Tax Status',
		name: 'taxStatus',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Shipping Only', value: 'shipping' },
			{ name: 'Taxable', value: 'taxable' },
		],
		default: 'taxable',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'External', value: 'external' },
			{ name: 'Grouped', value: 'grouped' },
			{ name: 'Simple', value: 'simple' },
			{ name: 'Variable', value: 'variable' },
		],
		default: 'simple',
	},
	{ displayName: 'Upsell Product IDs', name: 'upsellIds', type: 'string', default: '', placeholder: 'e.g. 101, 102' },
	{ displayName: 'Virtual', name: 'virtual', type: 'boolean', default: false, description: 'Whether the product is intangible (no shipping)' },
	{ displayName: 'Weight', name: 'weight', type: 'string', default: '' },
];

/** Dimensions, images, attributes, default attributes and metadata, as fixed collections. */
export const productCollections: INodeProperties[] = [
	{
		displayName: 'Dimensions',
		name: 'dimensionsUi',
		type: 'fixedCollection',
		placeholder: 'Add Dimensions',
		default: {},
		options: [
			{
				displayName: 'Dimensions',
				name: 'dimensionsValues',
				values: [
					{ displayName: 'Height', name: 'height', type: 'string', default: '' },
					{ displayName: 'Length', name: 'length', type: 'string', default: '' },
					{ displayName: 'Width', name: 'width', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Images',
		name: 'imagesUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Image',
		default: {},
		description: 'The first image is the featured image, the others the gallery',
		options: [
			{
				displayName: 'Image',
				name: 'imagesValues',
				values: [
					{ displayName: 'Alt Text', name: 'alt', type: 'string', default: '' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Source URL', name: 'src', type: 'string', default: '', placeholder: 'https://example.com/ring.jpg' },
				],
			},
		],
	},
	{
		displayName: 'Attributes',
		name: 'attributesUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		options: [
			{
				displayName: 'Attribute',
				name: 'attributesValues',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Size' },
					{ displayName: 'Options', name: 'options', type: 'string', default: '', placeholder: 'e.g. S, M, L', description: 'Comma-separated terms' },
					{ displayName: 'Used for Variations', name: 'variation', type: 'boolean', default: false, description: 'Whether variations are made from it' },
					{ displayName: 'Visible', name: 'visible', type: 'boolean', default: true, description: 'Whether it shows on the product page' },
				],
			},
		],
	},
	{
		displayName: 'Default Attributes',
		name: 'defaultAttributesUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Default Attribute',
		default: {},
		description: 'The variation preselected on a variable product',
		options: [
			{
				displayName: 'Default Attribute',
				name: 'defaultAttributesValues',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Size' },
					{ displayName: 'Option', name: 'option', type: 'string', default: '', placeholder: 'e.g. M' },
				],
			},
		],
	},
	{
		displayName: 'Metadata',
		name: 'metadataUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metadata',
		default: {},
		options: [
			{
				displayName: 'Metadata',
				name: 'metadataValues',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

/** Field name in the node → property name in the API (WooCommerce spelling). */
const API_NAMES: Record<string, string> = {
	backorders: 'backorders',
	buttonText: 'button_text',
	catalogVisibility: 'catalog_visibility',
	categoryIds: 'categories',
	crossSellIds: 'cross_sell_ids',
	dateOnSaleFrom: 'date_on_sale_from',
	dateOnSaleTo: 'date_on_sale_to',
	description: 'description',
	downloadable: 'downloadable',
	externalUrl: 'external_url',
	featured: 'featured',
	manageStock: 'manage_stock',
	menuOrder: 'menu_order',
	name: 'name',
	purchaseNote: 'purchase_note',
	regularPrice: 'regular_price',
	salePrice: 'sale_price',
	shippingClassId: 'shipping_class',
	shortDescription: 'short_description',
	sku: 'sku',
	slug: 'slug',
	soldIndividually: 'sold_individually',
	status: 'status',
	stockQuantity: 'stock_quantity',
	stockStatus: 'stock_status',
	tagIds: 'tags',
	taxClass: 'tax_class',
	taxStatus: 'tax_status',
	type: 'type',
	upsellIds: 'upsell_ids',
	virtual: 'virtual',
	weight: 'weight',
};

const LIST_FIELDS = new Set(['categoryIds', 'crossSellIds', 'upsellIds', 'tagIds']);
const DATE_FIELDS = new Set(['dateOnSaleFrom', 'dateOnSaleTo']);

const fieldLabel = (field: string) =>
	[...productFieldOptions, categoryIdsField].find((property) => property.name === field)?.displayName ?? 'Name';

const labels: FieldLabels = {
	...Object.fromEntries(Object.entries(API_NAMES).map(([field, apiName]) => [apiName, fieldLabel(field)])),
	'categories.*': 'Category IDs',
	'cross_sell_ids.*': 'Cross-Sell Product IDs',
	'upsell_ids.*': 'Upsell Product IDs',
	'tags.*': 'Tag IDs',
	dimensions: 'Dimensions',
	'images.*.src': 'Images › Source URL',
	'attributes.*.name': 'Attributes › Name',
	'attributes.*.options': 'Attributes › Options',
	'default_attributes.*.name': 'Default Attributes › Name',
	'default_attributes.*.option': 'Default Attributes › Option',
	'meta_data.*.key': 'Metadata › Key',
	'': 'Product JSON',
	productJson: 'Product JSON',
};

const text = z.string().trim();
const nonEmpty = text.min(1, 'must not be empty');
const price = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.pipe(z.string().regex(/^\d+(\.\d+)?$/, 'must be a price such as 19.99'));
// A number field's value as given: `true` or `[12]` from an expression is refused, never read as 1 or 12.
const wholeNumber = z.number().int('must be a whole number');

const productSchema = z
	.object({
		name: nonEmpty,
		categories: idList,
		backorders: z.enum(['no', 'notify', 'yes']),
		button_text: text,
		catalog_visibility: z.enum(['visible', 'catalog', 'search', 'hidden']),
		cross_sell_ids: idList,
		date_on_sale_from: isoDate,
		date_on_sale_to: isoDate,
		description: z.string(),
		downloadable: z.boolean(),
		external_url: text.url('must be a URL'),
		featured: z.boolean(),
		manage_stock: z.boolean(),
		menu_order: wholeNumber,
		purchase_note: z.string(),
		regular_price: price,
		sale_price: price,
		shipping_class: wholeNumber.nonnegative(),
		short_description: z.string(),
		sku: text,
		slug: text,
		sold_individually: z.boolean(),
		status: z.enum(['draft', 'pending', 'publish']),
		stock_quantity: wholeNumber,
		stock_status: z.enum(['instock', 'outofstock', 'onbackorder']),
		tags: idList,
		tax_class: text,
		tax_status: z.enum(['taxable', 'shipping', 'none']),
		type: z.enum(['simple', 'grouped', 'external', 'variable']),
		upsell_ids: idList,
		virtual: z.boolean(),
		weight: text,
		dimensions: z.object({ length: text.optional(), width: text.optional(), height: text.optional() }),
		images: z.array(z.object({ src: text.url('must be a URL'), alt: z.string().optional(), name: z.string().optional() })),
		attributes: z.array(
			z.object({
				name: nonEmpty,
				options: nameList.min(1, 'must hold at least one option'),
				visible: z.boolean(),
				variation: z.boolean(),
			}),
		),
		default_attributes: z.array(z.object({ name: nonEmpty, option: nonEmpty })),
		meta_data: z.array(z.object({ key: nonEmpty, value: z.string() })),
	})
	.partial()
	.strict();

const createSchema = productSchema.required({ name: true, categories: true }).extend({
	categories: idList.min(1, 'must hold at least one category ID'),
});

/** A product the user described in JSON: any properties, passed through as given. */
const jsonProduct = z.record(z.unknown(), { invalid_type_error: 'must be a JSON object' });
const jsonCreate = z
	.object({ name: nonEmpty, categories: z.array(z.unknown()).min(1, 'must hold at least one category') })
	.passthrough();

type Product = z.output<typeof productSchema>;

function rows(context: IExecuteFunctions, path: string, itemIndex: number): IDataObject[] | undefined {
	const values = context.getNodeParameter(path, itemIndex, []) as IDataObject[] | IDataObject;
	const list = Array.isArray(values) ? values : [values];
	return list.length > 0 && Object.keys(list[0] ?? {}).length > 0 ? list : undefined;
}

/** The fields of the panel, in WooCommerce's names, before validation. */
function draftFromFields(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const timeZone = context.getTimezone();
	const draft: IDataObject = {};
	for (const [field, value] of Object.entries(fields)) {
		const apiName = API_NAMES[field] ?? field;
		if (LIST_FIELDS.has(field)) draft[apiName] = value === '' ? undefined : (splitList(value) as IDataObject[]);
		else if (DATE_FIELDS.has(field)) draft[apiName] = dateOrRaw(value, timeZone);
		else draft[apiName] = value as IDataObject;
	}

	const dimensions = context.getNodeParameter('dimensionsUi.dimensionsValues', itemIndex, {}) as IDataObject;
	if (Object.keys(compact(dimensions)).length > 0) draft.dimensions = compact(dimensions);
	const images = rows(context, 'imagesUi.imagesValues', itemIndex);
	if (images) draft.images = images.map(compact);
	const attributes = rows(context, 'attributesUi.attributesValues', itemIndex);
	if (attributes) {
		draft.attributes = attributes.map((row) => ({ ...row, options: splitList(row.options ?? '') as string[] }));
	}
	draft.default_attributes = rows(context, 'defaultAttributesUi.defaultAttributesValues', itemIndex);
	draft.meta_data = rows(context, 'metadataUi.metadataValues', itemIndex);
	return compact(draft);
}

/** `sanitize_title` as WordPress makes attribute keys: "Ring Size" → "ring-size". */
export function attributeSlug(name: string): string {
	return name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.trim()
		.replace(/[^a-z0-9_\s-]/g, '')
		.replace(/[\s-]+/g, '-');
}

/** The body the store reads: WooCommerce's names plus WCFM's where they differ. */
export function storeBody(product: Product): IDataObject {
	const body: IDataObject = { ...product };
	// WCFM treats any value of these as "yes", so a "no" is sent by leaving them out.
	if (product.virtual === true) body.is_virtual = true;
	if (product.downloadable === false) delete body.downloadable;
	if (product.dimensions) Object.assign(body, product.dimensions);
	if (product.images) {
		const [featured, ...gallery] = product.images;
		body.featured_image = featured;
		body.gallery_images = gallery;
	}
	if (product.date_on_sale_from) body.sale_date_from = product.date_on_sale_from.slice(0, 10);
	if (product.date_on_sale_to) body.sale_date_upto = product.date_on_sale_to.slice(0, 10);
	// The doc's shape, `[{id}]` (a tag's name is read-only). Categories stay plain IDs: WCFM's form
	// casts each entry to a number, and an object would become category 1.
	if (product.tags) body.tags = product.tags.map((id) => ({ id }));
	if (product.cross_sell_ids) body.crosssell_ids = product.cross_sell_ids;
	if (product.external_url) body.product_url = product.external_url;
	if (product.stock_status) body.in_stock = product.stock_status !== 'outofstock';
	if (product.attributes) {
		// One object per attribute readable both ways: WooCommerce's keys and WCFM's form keys.
		body.attributes = product.attributes.map((attribute, position) => ({
			name: attribute.name,
			options: attribute.options,
			visible: attribute.visible,
			variation: attribute.variation,
			position,
			is_active: true,
			value: attribute.options.join(' | '),
			...(attribute.visible ? { is_visible: true } : {}),
			...(attribute.variation ? { is_variation: true } : {}),
		}));
	}
	if (product.default_attributes) {
		// WCFM reads {attribute_<slug>: option}; WooCommerce's list shape would be ignored there.
		body.default_attributes = Object.fromEntries(
			product.default_attributes.map(({ name, option }) => [`attribute_${attributeSlug(name)}`, option]),
		);
	}
	return body;
}

/** The product body of a Create or Update, validated before any request. */
export function readProduct(context: IExecuteFunctions, itemIndex: number, operation: 'create' | 'update'): IDataObject {
	const node = context.getNode();
	if (context.getNodeParameter('inputMode', itemIndex) === 'json') {
		const json = readJsonParameter(context, 'productJson', itemIndex, 'Product JSON');
		const product = validate(node, jsonProduct, json, itemIndex, labels) as IDataObject;
		if (operation === 'create') validate(node, jsonCreate, product, itemIndex, labels);
		return product;
	}

	const fields: IDataObject =
		operation === 'create'
			? {
					name: context.getNodeParameter('name', itemIndex),
					categoryIds: context.getNodeParameter('categoryIds', itemIndex),
					...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
				}
			: (context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	const draft = draftFromFields(context, itemIndex, fields);
	if (operation === 'update' && Object.keys(draft).length === 0) {
		throw inputError(node, 'Nothing to update: add at least one field to change', { itemIndex });
	}
	const product = validate(node, operation === 'create' ? createSchema : productSchema, draft, itemIndex, labels);
	return storeBody(product);
}
