import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import { compact } from '../common';

// What WCFM's variation route reads (POST products/{id}/variations/, PUT …/{variationId}/).

export const variationAttributes: INodeProperties = {
	displayName: 'Attributes',
	name: 'attributesUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Attribute',
	default: {},
	description: 'The option of each variation attribute of the product; an attribute left out means "any"',
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
					description: 'The ID of a global attribute; 0 for an attribute defined on the product itself',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Size' },
				{ displayName: 'Option', name: 'option', type: 'string', default: '', placeholder: 'e.g. M' },
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
	{ displayName: 'Image ID', name: 'imageId', type: 'number', default: 0, description: 'The ID of an image in the store’s media' },
	{
		displayName: 'Manage Stock',
		name: 'manageStock',
		type: 'boolean',
		default: false,
		description: 'Whether stock is managed for this variation',
	},
	{ displayName: 'Regular Price', name: 'regularPrice', type: 'string', default: '', placeholder: 'e.g. 19.99' },
	{ displayName: 'Sale Price', name: 'salePrice', type: 'string', default: '', placeholder: 'e.g. 14.99' },
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
	{ displayName: 'Stock Quantity', name: 'stockQuantity', type: 'number', default: 0 },
];

const price = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.pipe(z.string().regex(/^\d+(\.\d+)?$/, 'must be a price such as 19.99'));

const schema = z
	.object({
		attributes: z.array(
			z.object({
				id: z.number().int().nonnegative('must be 0 or an attribute ID'),
				name: z.string().trim().min(1, 'must not be empty'),
				option: z.string().trim().min(1, 'must not be empty'),
			}),
		),
		status: z.enum(['publish', 'private']),
		image: z.object({ id: z.number().int().positive('must be an image ID above 0') }),
		manage_stock: z.literal(true),
		regular_price: price,
		sale_price: price,
		sku: z.string().trim(),
		stock_quantity: z.number().int('must be a whole number'),
	})
	.partial()
	.strict();

const labels = {
	'attributes.*.id': 'Attributes › Attribute ID',
	'attributes.*.name': 'Attributes › Name',
	'attributes.*.option': 'Attributes › Option',
	'image.id': 'Image ID',
	regular_price: 'Regular Price',
	sale_price: 'Sale Price',
	stock_quantity: 'Stock Quantity',
};

/** The variation body, validated. WCFM reads any `manage_stock` as "yes": it is sent only when on. */
export function readVariation(context: IExecuteFunctions, itemIndex: number, fieldsName: string): IDataObject {
	const fields = context.getNodeParameter(fieldsName, itemIndex, {}) as IDataObject;
	const rows = context.getNodeParameter('attributesUi.attributesValues', itemIndex, []) as IDataObject[];
	const draft = compact({
		attributes: rows.length > 0 ? rows.map((row) => ({ id: row.id ?? 0, name: row.name ?? '', option: row.option ?? '' })) : undefined,
		status: fields.enabled === undefined ? undefined : fields.enabled ? 'publish' : 'private',
		image: fields.imageId ? { id: fields.imageId } : undefined,
		manage_stock: fields.manageStock === true ? true : undefined,
		regular_price: fields.regularPrice,
		sale_price: fields.salePrice,
		sku: fields.sku,
		stock_quantity: fields.stockQuantity,
	} as IDataObject);
	return validate(context.getNode(), schema, draft, itemIndex, labels);
}
