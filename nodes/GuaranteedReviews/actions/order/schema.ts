import { z } from 'zod';

import {
	decimalNumber,
	emailAddress,
	numericId,
	optionalText,
	requiredId,
	requiredText,
	wholeNumber,
} from '../../../shared/validation';

// An order as POST /private/v3/orders takes it, in the API's field names. Numbers may come as text
// ("5", "25.90"), as shops export them, and are sent as numbers.

const productSchema = z
	.object({
		id: numericId().transform(Number).pipe(z.number().min(1, 'must be a product ID above 0')),
		name: requiredText(),
		qty: wholeNumber({ fromText: true, min: 1 }).optional(),
		unit_price: decimalNumber({ fromText: true, min: 0 }).optional(),
		category_id: optionalText(),
		category_name: optionalText(),
		sku: optionalText(),
		ean13: optionalText(),
		mpn: optionalText(),
		upc: optionalText(),
		url: optionalText(),
	})
	.passthrough();

export const orderSchema = z
	.object({
		id_order: requiredId(),
		order_date: z
			.string({ invalid_type_error: 'must be a date' })
			.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a date'),
		firstname: requiredText(),
		lastname: requiredText(),
		email: emailAddress(),
		reference: optionalText(),
		store_id: wholeNumber({ fromText: true }).optional(),
		phone: optionalText(),
		products: z
			.array(productSchema, { invalid_type_error: 'must be a list of products' })
			.optional(),
	})
	.passthrough();

export type Order = z.output<typeof orderSchema>;
