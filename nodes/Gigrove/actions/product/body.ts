import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import {
	compact,
	labelsAt,
	labelsOf,
	readJsonParameter,
	validate,
} from '../../../shared/validation';
import { dateOrRaw, splitList } from '../schema';
import {
	categoryIdsField,
	nameField,
	productCollections,
	productFieldOptions,
	productJsonField,
	variationAttributes,
	variationFieldOptions,
} from './properties';
import { createSchema, jsonCreate, jsonProduct, productSchema, variationSchema } from './schema';
import type { Product } from './schema';

// The fields of the panel → the body the store reads: WooCommerce's names (n8n's WooCommerce node),
// plus WCFM's names and shapes where its product form reads them differently (docs/gigrove.md).

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

/** Labels at the request's paths, from the fields each is read from. */
const fieldLabels = labelsOf([
	nameField,
	categoryIdsField,
	productJsonField(''),
	...productFieldOptions,
	...productCollections,
]);
const labels = labelsAt(fieldLabels, {
	...Object.fromEntries(Object.entries(API_NAMES).map(([field, apiName]) => [apiName, field])),
	...Object.fromEntries([...LIST_FIELDS].map((field) => [`${API_NAMES[field]}.*`, field])),
	dimensions: 'dimensionsUi',
	'images.*': 'imagesUi.imagesValues',
	'attributes.*': 'attributesUi.attributesValues',
	'default_attributes.*': 'defaultAttributesUi.defaultAttributesValues',
	'meta_data.*': 'metadataUi.metadataValues',
	'': 'productJson',
	productJson: 'productJson',
});

function rows(
	context: IExecuteFunctions,
	path: string,
	itemIndex: number,
): IDataObject[] | undefined {
	const values = context.getNodeParameter(path, itemIndex, []) as IDataObject[] | IDataObject;
	const list = Array.isArray(values) ? values : [values];
	return list.length > 0 && Object.keys(list[0] ?? {}).length > 0 ? list : undefined;
}

/** The fields of the panel, in WooCommerce's names, before validation. */
function draftFromFields(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const timeZone = context.getTimezone();
	const draft: IDataObject = {};
	for (const [field, value] of Object.entries(fields)) {
		const apiName = API_NAMES[field] ?? field;
		if (LIST_FIELDS.has(field))
			draft[apiName] = value === '' ? undefined : (splitList(value) as IDataObject[]);
		else if (DATE_FIELDS.has(field)) draft[apiName] = dateOrRaw(value, timeZone);
		else draft[apiName] = value as IDataObject;
	}

	const dimensions = context.getNodeParameter(
		'dimensionsUi.dimensionsValues',
		itemIndex,
		{},
	) as IDataObject;
	if (Object.keys(compact(dimensions)).length > 0) draft.dimensions = compact(dimensions);
	const images = rows(context, 'imagesUi.imagesValues', itemIndex);
	if (images) draft.images = images.map(compact);
	const attributes = rows(context, 'attributesUi.attributesValues', itemIndex);
	if (attributes) {
		draft.attributes = attributes.map((row) => ({
			...row,
			options: splitList(row.options ?? '') as string[],
		}));
	}
	draft.default_attributes = rows(
		context,
		'defaultAttributesUi.defaultAttributesValues',
		itemIndex,
	);
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
			product.default_attributes.map(({ name, option }) => [
				`attribute_${attributeSlug(name)}`,
				option,
			]),
		);
	}
	return body;
}

/** The product body of a Create or Update, validated before any request. */
export function readProduct(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: 'create' | 'update',
): IDataObject {
	const node = context.getNode();
	if (context.getNodeParameter('inputMode', itemIndex) === 'json') {
		const json = readJsonParameter(context, 'productJson', itemIndex, fieldLabels.productJson);
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
	const product = validate(
		node,
		operation === 'create' ? createSchema : productSchema,
		draft,
		itemIndex,
		labels,
	);
	return storeBody(product);
}

/** A variation's labels at the request's paths, from the fields each is read from. */
const variationFieldLabels = labelsOf([variationAttributes, ...variationFieldOptions]);
const variationLabels = labelsAt(variationFieldLabels, {
	'attributes.*': 'attributesUi.attributesValues',
	'image.id': 'imageId',
	regular_price: 'regularPrice',
	sale_price: 'salePrice',
	stock_quantity: 'stockQuantity',
});

/** The variation body, validated. WCFM reads any `manage_stock` as "yes": it is sent only when on. */
export function readVariation(
	context: IExecuteFunctions,
	itemIndex: number,
	fieldsName: string,
): IDataObject {
	const fields = context.getNodeParameter(fieldsName, itemIndex, {}) as IDataObject;
	const rows = context.getNodeParameter(
		'attributesUi.attributesValues',
		itemIndex,
		[],
	) as IDataObject[];
	const draft = compact({
		attributes:
			rows.length > 0
				? rows.map((row) => ({ id: row.id ?? 0, name: row.name ?? '', option: row.option ?? '' }))
				: undefined,
		status: fields.enabled === undefined ? undefined : fields.enabled ? 'publish' : 'private',
		image: fields.imageId ? { id: fields.imageId } : undefined,
		manage_stock: fields.manageStock === true ? true : undefined,
		regular_price: fields.regularPrice,
		sale_price: fields.salePrice,
		sku: fields.sku,
		stock_quantity: fields.stockQuantity,
	} as IDataObject);
	return validate(context.getNode(), variationSchema, draft, itemIndex, variationLabels);
}
