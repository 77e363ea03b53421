import { z } from 'zod';

import { finiteNumber, optionalText, wholeNumber } from '../../../shared/validation';

// The checks of a gemstone's fields (./fields.ts), by Valigara's names, wherever a gemstone is given.

/** Valigara's own rule for a gemstone code (its screens, see ./fields.ts). */
export const gemstoneCode = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'must not be empty')
	.max(20, 'must be at most 20 characters')
	.regex(/^[A-Za-z0-9_.-]+$/, 'may only hold letters A–Z, digits, - _ and .');

/** gemstoneDetailFields: Carat, Clarity, Color (sent as `color`), Quantity, Shape. */
export const gemstoneDetailShape = {
	carat: finiteNumber().positive('must be above 0').optional(),
	clarity: optionalText(),
	color: optionalText(),
	quantity: wholeNumber({ min: 0 }).optional(),
	shape: optionalText(),
};
