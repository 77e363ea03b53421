import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { inputError } from '../../../shared/errors';
import { validate } from '../../../shared/validation';
import { gigroveObject } from '../../transport';
import { BEYOND_DOC, beyondDocNotice, compact, dateOrRaw, idField, isoDate, readId } from '../common';

// WCFM route PUT products/quick-edit/{id}/ (not in Gigrove's documentation): changes only what is
// sent, with WooCommerce's names. It rebuilds the product as the given type (simple when none is
// sent), so the type is always sent.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'quickEdit',
	options: [
		{
			name: 'Quick Edit',
			value: 'quickEdit',
			description: `Change a product’s price and stock only. ${BEYOND_DOC}.`,
			action: 'Quick edit a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	idField('productId', 'Product ID'),
	{
		displayName: 'Product Type',
		name: 'productType',
		type: 'options',
		options: [
			{ name: 'External', value: 'external' },
			{ name: 'Grouped', value: 'grouped' },
			{ name: 'Simple', value: 'simple' },
			{ name: 'Variable', value: 'variable' },
		],
		default: 'simple',
		description: 'The product’s current type: the store edits the product as this type',
	},
	{
		displayName: 'Fields',
		name: 'quickEditFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
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
			},
			{ displayName: 'In Stock', name: 'in_stock', type: 'boolean', default: true, description: 'Whether the product shows as in stock' },
			{ displayName: 'Manage Stock', name: 'manage_stock', type: 'boolean', default: true, description: 'Whether stock is managed for this product' },
			{ displayName: 'Regular Price', name: 'regular_price', type: 'string', default: '', placeholder: 'e.g. 19.99' },
			{ displayName: 'Sale Price', name: 'sale_price', type: 'string', default: '', placeholder: 'e.g. 14.99' },
			{ displayName: 'Sale Price From', name: 'date_on_sale_from', type: 'dateTime', default: '' },
			{ displayName: 'Sale Price Until', name: 'date_on_sale_to', type: 'dateTime', default: '' },
			{
				displayName: 'Stock Change',
				name: 'inventory_delta',
				type: 'number',
				default: 0,
				description: 'Added to the current stock (negative to remove), instead of setting a quantity',
			},
			{ displayName: 'Stock Quantity', name: 'stock_quantity', type: 'number', default: 0 },
		],
	},
];

const price = z
	.union([z.string(), z.number()])
	.transform((value) => String(value).trim())
	.pipe(z.string().regex(/^\d+(\.\d+)?$/, 'must be a price such as 19.99'));

const schema = z
	.object({
		type: z.enum(['simple', 'grouped', 'external', 'variable']),
		backorders: z.enum(['no', 'notify', 'yes']).optional(),
		in_stock: z.boolean().optional(),
		manage_stock: z.boolean().optional(),
		regular_price: price.optional(),
		sale_price: price.optional(),
		date_on_sale_from: isoDate.optional(),
		date_on_sale_to: isoDate.optional(),
		inventory_delta: z.number().int('must be a whole number').optional(),
		stock_quantity: z.number().int('must be a whole number').optional(),
	})
	.strict()
	.refine((body) => body.inventory_delta === undefined || body.stock_quantity === undefined, {
		message: 'cannot be used together with Stock Quantity: set one of them',
		path: ['inventory_delta'],
	});

const labels = {
	type: 'Product Type',
	regular_price: 'Regular Price',
	sale_price: 'Sale Price',
	date_on_sale_from: 'Sale Price From',
	date_on_sale_to: 'Sale Price Until',
	inventory_delta: 'Stock Change',
	stock_quantity: 'Stock Quantity',
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'productId', 'Product ID', itemIndex);
	const fields = this.getNodeParameter('quickEditFields', itemIndex, {}) as IDataObject;
	if (Object.keys(compact(fields)).length === 0) {
		throw inputError(this.getNode(), 'Nothing to change: add at least one field', { itemIndex });
	}
	const timeZone = this.getTimezone();
	const body = validate(
		this.getNode(),
		schema,
		compact({
			type: this.getNodeParameter('productType', itemIndex),
			...fields,
			date_on_sale_from: dateOrRaw(fields.date_on_sale_from, timeZone),
			date_on_sale_to: dateOrRaw(fields.date_on_sale_to, timeZone),
		} as IDataObject),
		itemIndex,
		labels,
	);
	return await gigroveObject(this, { method: 'PUT', path: `products/quick-edit/${id}/`, body, subject: `product ${id}` }, itemIndex);
}
