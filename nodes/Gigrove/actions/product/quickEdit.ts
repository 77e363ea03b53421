import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { inputError } from '../../../shared/errors';
import {
	compact,
	labelsAt,
	labelsOf,
	oneOf,
	validate,
	wholeNumber,
} from '../../../shared/validation';
import { gigroveObject } from '../../transport';
import { beyondDocNotice, productIdField } from '../fields';
import { dateOrRaw, isoDate, labelsIn, price, readId } from '../schema';
import { backorderChoices, productTypes } from './properties';

// WCFM route PUT products/quick-edit/{id}/ (not in Gigrove's documentation): changes only what is
// sent, with WooCommerce's names. It rebuilds the product as the given type (simple when none is
// sent), so the type is always sent: by default the product's own, read from the store first, as
// a type left at a default would turn a variable product into a simple one.

/** Product Type's default: the type the product has now, read before the edit. */
const CURRENT_TYPE = 'current';
const typeChoices = [
	{
		name: 'Its Current Type (Read First)',
		value: CURRENT_TYPE,
		description: 'Read the product’s type from the store before the edit (one more request)',
	},
	...productTypes,
];

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
			description:
				'Change only a product’s prices, sale dates, stock or backorders; needs its current type (beyond Gigrove’s docs: the store’s API must offer it). Returns the product as the store sends it back.',
			action: 'Quick edit a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	productIdField,
	{
		displayName: 'Product Type',
		name: 'productType',
		type: 'options',
		options: typeChoices,
		default: CURRENT_TYPE,
		description:
			'The store rebuilds the product as this type. Left at its current type, the node reads it first, so a variable product is never made simple by mistake.',
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
				options: backorderChoices,
				default: 'no',
			},
			{
				displayName: 'In Stock',
				name: 'in_stock',
				type: 'boolean',
				default: true,
				description: 'Whether the product shows as in stock',
			},
			{
				displayName: 'Manage Stock',
				name: 'manage_stock',
				type: 'boolean',
				default: true,
				description: 'Whether stock is managed for this product',
			},
			{
				displayName: 'Regular Price',
				name: 'regular_price',
				type: 'string',
				default: '',
				placeholder: 'e.g. 19.99',
			},
			{
				displayName: 'Sale Price',
				name: 'sale_price',
				type: 'string',
				default: '',
				placeholder: 'e.g. 14.99',
			},
			{ displayName: 'Sale Price From', name: 'date_on_sale_from', type: 'dateTime', default: '' },
			{ displayName: 'Sale Price Until', name: 'date_on_sale_to', type: 'dateTime', default: '' },
			{
				displayName: 'Stock Change',
				name: 'inventory_delta',
				type: 'number',
				default: 0,
				description:
					'Added to the current stock (negative to remove), instead of setting a quantity',
			},
			{ displayName: 'Stock Quantity', name: 'stock_quantity', type: 'number', default: 0 },
		],
	},
];

// the body's `type` is read from Product Type; the other fields are sent under their own names
const labels = {
	...labelsAt(labelsOf(properties), { type: 'productType' }),
	...labelsIn(properties, 'quickEditFields'),
};

const schema = z
	.object({
		type: oneOf(typeChoices),
		backorders: oneOf(backorderChoices).optional(),
		in_stock: z.boolean().optional(),
		manage_stock: z.boolean().optional(),
		regular_price: price.optional(),
		sale_price: price.optional(),
		date_on_sale_from: isoDate.optional(),
		date_on_sale_to: isoDate.optional(),
		inventory_delta: wholeNumber().optional(),
		stock_quantity: wholeNumber().optional(),
	})
	.strict()
	.refine((body) => body.inventory_delta === undefined || body.stock_quantity === undefined, {
		message: `cannot be used together with ${labels.stock_quantity}: set one of them`,
		path: ['inventory_delta'],
	});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, productIdField, itemIndex);
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
	if (body.type === CURRENT_TYPE) body.type = await currentType(this, id, itemIndex);
	return await gigroveObject(
		this,
		{ method: 'PUT', path: `products/quick-edit/${id}/`, body, subject: `product ${id}` },
		itemIndex,
	);
}

/** The product's type as the store has it; a reply without a known type stops before the edit. */
async function currentType(
	context: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<string> {
	const product = await gigroveObject(
		context,
		{ method: 'GET', path: `products/${id}/`, subject: `product ${id}` },
		itemIndex,
	);
	const type = product.type;
	if (typeof type === 'string' && productTypes.some((choice) => choice.value === type)) return type;
	throw new NodeOperationError(
		context.getNode(),
		`Gigrove did not say which type product ${id} is (its reply has type ${JSON.stringify(type ?? null)}): nothing was changed`,
		{
			itemIndex,
			description:
				'Pick the product’s type in Product Type: the store rebuilds the product as the type sent.',
		},
	);
}
