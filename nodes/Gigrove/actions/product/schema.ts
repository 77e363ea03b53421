import { z } from 'zod';

import {
	oneOf,
	optionalText,
	optionsOf,
	requiredText,
	wholeNumber,
} from '../../../shared/validation';
import { idList, isoDate, nameList, price } from '../schema';
import { productFieldOptions } from './properties';

// What a product and a variation must be before they are sent, in the API's names (body.ts reads
// the fields into them). The choices come from the fields' options lists.

const text = z.string().trim();
const choiceOf = (field: string) => oneOf(optionsOf(productFieldOptions, field));

export const productSchema = z
	.object({
		name: requiredText(),
		categories: idList,
		backorders: choiceOf('backorders'),
		button_text: text,
		catalog_visibility: choiceOf('catalogVisibility'),
		cross_sell_ids: idList,
		date_on_sale_from: isoDate,
		date_on_sale_to: isoDate,
		description: optionalText(),
		downloadable: z.boolean(),
		external_url: text.url('must be a URL'),
		featured: z.boolean(),
		manage_stock: z.boolean(),
		// number fields as given: `true` or `[12]` from an expression is refused, never read as 1 or 12
		menu_order: wholeNumber(),
		purchase_note: optionalText(),
		regular_price: price,
		sale_price: price,
		shipping_class: wholeNumber({ min: 0 }),
		short_description: optionalText(),
		sku: text,
		slug: text,
		sold_individually: z.boolean(),
		status: choiceOf('status'),
		stock_quantity: wholeNumber(),
		stock_status: choiceOf('stockStatus'),
		tags: idList,
		tax_class: text,
		tax_status: choiceOf('taxStatus'),
		type: choiceOf('type'),
		upsell_ids: idList,
		virtual: z.boolean(),
		weight: text,
		dimensions: z.object({
			length: text.optional(),
			width: text.optional(),
			height: text.optional(),
		}),
		images: z.array(
			z.object({ src: text.url('must be a URL'), alt: optionalText(), name: optionalText() }),
		),
		attributes: z.array(
			z.object({
				name: requiredText(),
				options: nameList.min(1, 'must hold at least one option'),
				visible: z.boolean(),
				variation: z.boolean(),
			}),
		),
		default_attributes: z.array(z.object({ name: requiredText(), option: requiredText() })),
		meta_data: z.array(z.object({ key: requiredText(), value: optionalText() })),
	})
	.partial()
	.strict();

export type Product = z.output<typeof productSchema>;

export const createSchema = productSchema.required({ name: true, categories: true }).extend({
	categories: idList.min(1, 'must hold at least one category ID'),
});

/** A product the user described in JSON: any properties, passed through as given. */
export const jsonProduct = z.record(z.unknown(), { invalid_type_error: 'must be a JSON object' });
export const jsonCreate = z
	.object({
		name: requiredText(),
		categories: z.array(z.unknown()).min(1, 'must hold at least one category'),
	})
	.passthrough();

export const variationSchema = z
	.object({
		attributes: z.array(
			z.object({ id: wholeNumber({ min: 0 }), name: requiredText(), option: requiredText() }),
		),
		status: z.enum(['publish', 'private']),
		image: z.object({ id: wholeNumber({ min: 1 }) }),
		manage_stock: z.literal(true),
		regular_price: price,
		sale_price: price,
		sku: z.string().trim(),
		stock_quantity: wholeNumber(),
	})
	.partial()
	.strict();
