import { z } from 'zod';

import { formatDate, formatDateTime, isRealWallClock } from '../../shared/dates';
import { finiteNumber } from '../../shared/validation';

// Vanilla's own rules, as the doc's Laravel rules read values (numeric, min, max, boolean,
// date_format, country): numbers typed as text are accepted, as Laravel accepts them. Text, IDs,
// emails and enums are the shared ones (shared/validation.ts).

const toText = (value: unknown) => (typeof value === 'number' ? String(value) : value);
const toNumber = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
		? Number(value)
		: value;
const toBoolean = (value: unknown) => {
	if (value === 1 || value === '1' || value === 'true') return true;
	if (value === 0 || value === '0' || value === 'false') return false;
	return value;
};

export const number = z.preprocess(toNumber, finiteNumber());
export const atLeast = (minimum: number) =>
	z.preprocess(toNumber, finiteNumber().min(minimum, `must be ${minimum} or more`));
export const between = (minimum: number, maximum: number) =>
	z.preprocess(
		toNumber,
		finiteNumber()
			.min(minimum, `must be ${minimum} or more`)
			.max(maximum, `must be ${maximum} or less`),
	);
export const flag = z.preprocess(toBoolean, z.boolean());
/** ISO 3166-1 alpha-2, as the doc's "Valid country iso_code_2" */
export const country = z.preprocess(
	toText,
	z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'must be a two-letter country code (ISO 3166-1), such as SA'),
);

/** `Y-m-d`; any n8n date (ISO text, DateTime, timestamp) is turned into one in the workflow's zone. */
export const dateOnly = (timeZone: string) =>
	z.preprocess(
		(value) => formatDate(value, timeZone) ?? value,
		z
			.string({ invalid_type_error: 'must be a date' })
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
			.refine(isRealWallClock, 'is not a real date'),
	);

/** `Y-m-d H:i:s`, read the same way. */
export const dateTime = (timeZone: string) =>
	z.preprocess(
		(value) => formatDateTime(value, timeZone) ?? value,
		z
			.string({ invalid_type_error: 'must be a date' })
			.regex(
				/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
				'must be a date and time as YYYY-MM-DD HH:MM:SS',
			)
			.refine(isRealWallClock, 'is not a real date and time'),
	);
