import { z } from 'zod';

import { requiredId, requiredText } from '../../../shared/validation';
import { bodyLabels } from '../labels';
import { optionValueFields } from './properties';

// Doc: Options › Create Option Value / Update Option Value.

export const optionValueSchema = z.object({
	option_id: requiredId(),
	ar: z.object({ name: requiredText() }),
	en: z.object({ name: requiredText() }),
});

export const optionValueLabels = bodyLabels(optionValueFields);
