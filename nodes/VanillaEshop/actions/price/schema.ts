import { z } from 'zod';

import { requiredId } from '../../../shared/validation';
import { bodyLabels } from '../labels';
import { atLeast, dateOnly, number } from '../rules';
import { priceFields } from './properties';

// Doc: Prices › Add price / Add Bulk prices.

export const priceSchema = (timeZone: string) =>
	z.object({
		entity_id: requiredId(),
		price: atLeast(0),
		date_start: dateOnly(timeZone),
		date_end: dateOnly(timeZone),
		priority: number.optional(),
	});

export const priceLabels = bodyLabels(priceFields);
