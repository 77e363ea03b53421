import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { finiteNumber } from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { optionalText, otherFieldsProperty, readOtherFields, readRows, wholeNumber } from '../common';
import { colorField, withValigaraColor } from '../gemstone/fields';

// The product fields the docs and third-party clients show for product_import / product_update
// (the docs' own example is not public): https://www.valigara.com/docs/api/products-actions/
// Whatever else an account accepts comes from product_listfields, offered in "Other Fields".

export const productFieldOptions: INodeProperties[] = [
	{ displayName: 'Catalog Code', name: 'catalog_code', type: 'string', default: '', description: 'The product’s SKU in Valigara' },
	{ displayName: 'Collection', name: 'collection', type: 'string', default: '' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{ displayName: 'Model', name: 'model', type: 'string', default: '', description: 'The model code' },
	{
		displayName: 'Not For Sale',
		name: 'not_for_sale',
		type: 'boolean',
		default: false,
		description: 'Whether the product is kept out of sale',
	},
	{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0 },
	{
		displayName: 'Product Type',
		name: 'product_type',
		type: 'string',
		default: '',
		description: 'Valigara’s product type code, e.g. 0',
	},
	{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1, description: 'Units in stock' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder: 'e.g. Ring', description: 'The jewelry type' },
];

/** Metals, gemstones and images: lists that replace the stored ones on update (see Array Actions). */
export const productListProperties: INodeProperties[] = [
	{
		displayName: 'Metals',
		name: 'metals',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metal',
		default: {},
		options: [
			{
				displayName: 'Metal',
				name: 'metal',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Gold' },
					{ displayName: 'Purity', name: 'purity', type: 'string', default: '', placeholder: 'e.g. 14K' },
					{ displayName: 'Weight', name: 'weight', type: 'number', typeOptions: { minValue: 0, numberPrecision: 3 }, default: 0, description: 'Left at 0, not sent' },
				],
			},
		],
	},
	{
		displayName: 'Gemstones',
		name: 'gemstones',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Gemstone',
		default: {},
		options: [
			{
				displayName: 'Gemstone',
				name: 'gemstone',
				values: [
					{ displayName: 'Carat', name: 'carat', type: 'number', typeOptions: { minValue: 0, numberPrecision: 3 }, default: 0, description: 'Left at 0, not sent' },
					{ displayName: 'Clarity', name: 'clarity', type: 'string', default: '' },
					{ displayName: 'Code', name: 'code', type: 'string', default: '' },
					colorField,
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Diamond' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
					{ displayName: 'Shape', name: 'shape', type: 'string', default: '' },
					{ displayName: 'Type', name: 'type', type: 'string', default: '', description: 'Valigara’s gemstone type code, e.g. 2' },
				],
			},
		],
	},
	{
		displayName: 'Images',
		name: 'images',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Image',
		default: {},
		options: [
			{
				displayName: 'Image',
				name: 'image',
				values: [{ displayName: 'URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'https://…/ring.jpg' }],
			},
		],
	},
	otherFieldsProperty('getProductFields'),
];

export const productLabels: FieldLabels = {
	title: 'Title',
	type: 'Type',
	description: 'Description',
	price: 'Price',
	quantity: 'Quantity',
	catalog_code: 'Catalog Code',
	collection: 'Collection',
	model: 'Model',
	product_type: 'Product Type',
	not_for_sale: 'Not For Sale',
	'metals.*.name': 'Metals › Name',
	'metals.*.weight': 'Metals › Weight',
	'gemstones.*': 'Gemstones',
	'gemstones.*.carat': 'Gemstones › Carat',
	'gemstones.*.quantity': 'Gemstones › Quantity',
	'images.*': 'Images › URL',
};

const metal = z
	.object({ name: z.string().trim().min(1, 'must not be empty'), purity: optionalText, weight: finiteNumber().positive().optional() })
	.passthrough();

const gemstone = z
	.object({ carat: finiteNumber().positive().optional(), quantity: wholeNumber(1).optional() })
	.passthrough()
	.refine((value) => Object.keys(value).length > 0, 'must have at least one value');

export const productShape = {
	title: z.string().optional(),
	type: optionalText,
	description: z.string().optional(),
	price: finiteNumber().min(0).optional(),
	quantity: wholeNumber(0).optional(),
	catalog_code: optionalText,
	collection: optionalText,
	model: optionalText,
	product_type: optionalText,
	not_for_sale: z.boolean().optional(),
	metals: z.array(metal).optional(),
	gemstones: z.array(gemstone).optional(),
	images: z.array(z.string().trim().url('must be a URL')).optional(),
};

/** Zero weight or carat is the untouched default of a number field: not a value to send. */
function withoutZero(row: IDataObject, key: string): IDataObject {
	const { [key]: value, ...rest } = row;
	return value === 0 ? rest : row;
}

/**
 * The product fields the user filled in, in the API's names. Lists are only sent when they hold
 * entries: an empty list would erase the stored one on update.
 */
export function productFromFields(context: IExecuteFunctions, itemIndex: number, collection: string): IDataObject {
	const product: IDataObject = { ...(context.getNodeParameter(collection, itemIndex, {}) as IDataObject) };
	const metals = readRows(context, 'metals.metal', itemIndex);
	if (metals) product.metals = metals.map((row) => withoutZero(row, 'weight'));
	const gemstones = readRows(context, 'gemstones.gemstone', itemIndex);
	if (gemstones) product.gemstones = gemstones.map((row) => withoutZero(withValigaraColor(row), 'carat'));
	const images = readRows(context, 'images.image', itemIndex);
	if (images) product.images = images.map((row) => row.url as string);
	return { ...product, ...readOtherFields(context, itemIndex, product) };
}
