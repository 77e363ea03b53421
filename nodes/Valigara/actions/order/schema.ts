import { z } from 'zod';

import { optionalText } from '../../../shared/validation';

// The checks of the exports' filters (./filters.ts), by the keys sent.

const wallClock = z
	.string({ invalid_type_error: 'must be a date' })
	.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a date')
	.optional();

export const filterSchema = z
	.object({ date_from: wallClock, date_to: wallClock, status: optionalText() })
	.catchall(optionalText());
