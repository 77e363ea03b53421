import type { INodeProperties } from 'n8n-workflow';

import {
	caratField,
	clarityField,
	colorField,
	quantityField,
	shapeField,
} from '../gemstone/fields';
import { otherFieldsProperty } from '../otherFields';

// The product fields the docs and third-party clients show for product_import / product_update
// (the docs' own example is not public): https://www.valigara.com/docs/api/products-actions/
// Whatever else an account accepts comes from product_listfields, offered in "Other Fields".
// A gemstone's own fields are the gemstone resource's (../gemstone/fields.ts). Their checks are in
// ./schema.ts, the request body is built in ./body.ts.

export const productFieldOptions: INodeProperties[] = [
	{
		displayName: 'Catalog Code',
		name: 'catalog_code',
		type: 'string',
		default: '',
		description: 'The product’s SKU in Valigara',
	},
	{ displayName: 'Collection', name: 'collection', type: 'string', default: '' },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'string',
		default: '',
		description: 'The model code',
	},
	{
		displayName: 'Not For Sale',
		name: 'not_for_sale',
		type: 'boolean',
		default: false,
		description: 'Whether the product is kept out of sale',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
	},
	{
		displayName: 'Product Type',
		name: 'product_type',
		type: 'string',
		default: '',
		description: 'Valigara’s product type code, e.g. 0',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'Units in stock',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{
		displayName: 'Type',
		name: 'type',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ring',
		description: 'The jewelry type',
	},
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
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. Gold',
					},
					{
						displayName: 'Purity',
						name: 'purity',
						type: 'string',
						default: '',
						placeholder: 'e.g. 14K',
					},
					{
						displayName: 'Weight',
						name: 'weight',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 3 },
						default: 0,
						description: 'Left at 0, not sent',
					},
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
					{ ...caratField, description: 'Left at 0, not sent' },
					clarityField,
					{ displayName: 'Code', name: 'code', type: 'string', default: '' },
					colorField,
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Diamond',
					},
					quantityField,
					shapeField,
					{
						displayName: 'Type',
						name: 'type',
						type: 'string',
						default: '',
						description: 'Valigara’s gemstone type code, e.g. 2',
					},
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
				values: [
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'https://…/ring.jpg',
					},
				],
			},
		],
	},
	otherFieldsProperty('getProductFields'),
];

/** "Products Per Request", for every operation that exports products in batches. */
export const exportBatchOption: INodeProperties = {
	displayName: 'Products Per Request',
	name: 'exportBatchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: 100,
	description: 'How many product IDs go into one products_export call',
};
