import type { INodeProperties } from 'n8n-workflow';

import { optionsOf } from '../../../shared/validation';

// Product fields as in n8n's WooCommerce node. Gigrove stores save products through WCFM's product
// form, which reads some fields under other names or in another shape (docs/gigrove.md lists them):
// body.ts sends what WCFM reads.

export const inputModeField: INodeProperties = {
	displayName: 'Define Product',
	name: 'inputMode',
	type: 'options',
	options: [
		{ name: 'Using Fields Below', value: 'fields' },
		{
			name: 'Using JSON',
			value: 'json',
			description: 'The request body as the API takes it, sent as given',
		},
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

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
};

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
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		default: '',
		description: 'External products: the text of the buy button',
	},
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
	{
		displayName: 'Cross-Sell Product IDs',
		name: 'crossSellIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 101, 102',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	},
	{
		displayName: 'Downloadable',
		name: 'downloadable',
		type: 'boolean',
		default: false,
		description: 'Whether the product is a download',
	},
	{
		displayName: 'External URL',
		name: 'externalUrl',
		type: 'string',
		default: '',
		description: 'External products: where the buy button leads',
	},
	{
		displayName: 'Featured',
		name: 'featured',
		type: 'boolean',
		default: false,
		description: 'Whether the product is featured',
	},
	{
		displayName: 'Manage Stock',
		name: 'manageStock',
		type: 'boolean',
		default: false,
		description: 'Whether stock is managed for this product',
	},
	{
		displayName: 'Menu Order',
		name: 'menuOrder',
		type: 'number',
		default: 0,
		description: 'Position in custom sorting',
	},
	{
		displayName: 'Purchase Note',
		name: 'purchaseNote',
		type: 'string',
		default: '',
		description: 'Sent to the customer after purchase',
	},
	{
		displayName: 'Regular Price',
		name: 'regularPrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 19.99',
	},
	{
		displayName: 'Sale Price',
		name: 'salePrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 14.99',
	},
	{ displayName: 'Sale Price From', name: 'dateOnSaleFrom', type: 'dateTime', default: '' },
	{ displayName: 'Sale Price Until', name: 'dateOnSaleTo', type: 'dateTime', default: '' },
	{
		displayName: 'Shipping Class ID',
		name: 'shippingClassId',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
	},
	{
		displayName: 'Short Description',
		name: 'shortDescription',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
	},
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		default: '',
		description: 'Unique identifier of the product',
	},
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
		description:
			'Comma-separated IDs of the product tags (the API takes tags by ID; a tag’s name cannot be set here)',
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
	{
		displayName: 'Upsell Product IDs',
		name: 'upsellIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 101, 102',
	},
	{
		displayName: 'Virtual',
		name: 'virtual',
		type: 'boolean',
		default: false,
		description: 'Whether the product is intangible (no shipping)',
	},
	{ displayName: 'Weight', name: 'weight', type: 'string', default: '' },
];

/** A product's types and backorder choices, written once in the fields above (where n8n's lint reads them). */
export const productTypes = optionsOf(productFieldOptions, 'type');
export const backorderChoices = optionsOf(productFieldOptions, 'backorders');

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
					{
						displayName: 'Source URL',
						name: 'src',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/ring.jpg',
					},
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
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Size',
					},
					{
						displayName: 'Options',
						name: 'options',
						type: 'string',
						default: '',
						placeholder: 'e.g. S, M, L',
						description: 'Comma-separated terms',
					},
					{
						displayName: 'Used for Variations',
						name: 'variation',
						type: 'boolean',
						default: false,
						description: 'Whether variations are made from it',
					},
					{
						displayName: 'Visible',
						name: 'visible',
						type: 'boolean',
						default: true,
						description: 'Whether it shows on the product page',
					},
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
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Size',
					},
					{
						displayName: 'Option',
						name: 'option',
						type: 'string',
						default: '',
						placeholder: 'e.g. M',
					},
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

// What WCFM's variation route reads (POST products/{id}/variations/, PUT …/{variationId}/).

export const variationAttributes: INodeProperties = {
	displayName: 'Attributes',
	name: 'attributesUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attribute',
	default: {},
	description:
		'The option of each variation attribute of the product; an attribute left out means "any"',
	options: [
		{
			displayName: 'Attribute',
			name: 'attributesValues',
			values: [
				{
					displayName: 'Attribute ID',
					name: 'id',
					type: 'number',
					default: 0,
					description:
						'The ID of a global attribute; 0 for an attribute defined on the product itself',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Size',
				},
				{
					displayName: 'Option',
					name: 'option',
					type: 'string',
					default: '',
					placeholder: 'e.g. M',
				},
			],
		},
	],
};

export const variationFieldOptions: INodeProperties[] = [
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether customers can buy this variation',
	},
	{
		displayName: 'Image ID',
		name: 'imageId',
		type: 'number',
		default: 0,
		description: 'The ID of an image in the store’s media',
	},
	{
		displayName: 'Manage Stock',
		name: 'manageStock',
		type: 'boolean',
		default: false,
		description: 'Whether stock is managed for this variation',
	},
	{
		displayName: 'Regular Price',
		name: 'regularPrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 19.99',
	},
	{
		displayName: 'Sale Price',
		name: 'salePrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 14.99',
	},
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
	{ displayName: 'Stock Quantity', name: 'stockQuantity', type: 'number', default: 0 },
];
