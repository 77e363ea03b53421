import { z } from 'zod';

import { finiteNumber, optionalText, wholeNumber } from '../../../shared/validation';
import { gemstoneDetailShape } from '../gemstone/schema';

// The checks of a product's fields (./fields.ts), by Valigara's names, for import and update.

const metal = z
	.object({
		name: z.string().trim().min(1, 'must not be empty'),
		purity: optionalText(),
		weight: finiteNumber().positive().optional(),
	})
	.passthrough();

/** A row of Gemstones: the gemstone fields checked as the gemstone resource checks them. */
const gemstone = z
	.object(gemstoneDetailShape)
	.passthrough()
	.refine((value) => Object.keys(value).length > 0, 'must have at least one value');

export const productShape = {
	title: z.string().optional(),
	type: optionalText(),
	description: z.string().optional(),
	price: finiteNumber().min(0).optional(),
	quantity: wholeNumber({ min: 0 }).optional(),
	catalog_code: optionalText(),
	collection: optionalText(),
	model: optionalText(),
	product_type: optionalText(),
	not_for_sale: z.boolean().optional(),
	metals: z.array(metal).optional(),
	gemstones: z.array(gemstone).optional(),
	images: z.array(z.string().trim().url('must be a URL')).optional(),
};
