import { DateTime } from 'luxon';

/**
 * Services here want wall-clock dates (`YYYY-MM-DD HH:MM:SS`) while n8n hands over ISO strings,
 * Luxon DateTimes, JS Dates or timestamps. Instants are shown in the workflow's time zone;
 * a value that already is a wall-clock date is kept as written.
 *
 * Luxon (which n8n ships and resolves for community nodes) reads and checks the dates. Text is read
 * in the forms below only, never by `new Date`: JavaScript's fallback parser reads
 * "2026-12-01\u0000" or "2026-12-01 (note)" as midnight UTC and text without a zone in the
 * server's own zone, which the workflow's zone then turns into another day; and it rolls
 * 2026-02-30 over to March 2. Text in no known form, or naming a day or time that does not exist,
 * is not a date: the field's check then names it.
 */

const WALL_CLOCK_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** `YYYY-MM-DD`, with a time `HH:MM[:SS[.fff]]` after a space or `T`: kept as written (to the second). */
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?$/;

/** ISO 8601 with its offset: `2026-11-20T10:15:00.000Z`, `2026-06-01T23:30:00-04:00`. */
const ISO_INSTANT =
	/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** `Date#toString()`: `Fri Nov 20 2026 10:15:00 GMT+0100 (Central European Standard Time)`. */
const DATE_TO_STRING =
	/^([A-Za-z]{3} [A-Za-z]{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4})(?: \([A-Za-z .+-]*\))?$/;

function valid(date: DateTime): DateTime | undefined {
	return date.isValid ? date : undefined;
}

/** A wall-clock date as written, or undefined (not in the form, or a day or time that does not exist). */
function wallClock(text: string): DateTime | undefined {
	if (!WALL_CLOCK.test(text)) return undefined;
	const date = valid(DateTime.fromISO(text.replace(' ', 'T'), { zone: 'utc' }));
	// Luxon reads 24:00 as the next midnight; no one writes a wall-clock time that way
	return date && text.slice(11, 13) !== '24' ? date : undefined;
}

function parseInstant(text: string): DateTime | undefined {
	if (ISO_INSTANT.test(text))
		return valid(DateTime.fromISO(text.replace(' ', 'T'), { setZone: true }));
	const toString = DATE_TO_STRING.exec(text);
	if (toString)
		return valid(
			DateTime.fromFormat(toString[1], "EEE MMM d yyyy HH:mm:ss 'GMT'ZZZ", {
				setZone: true,
				locale: 'en-US',
			}),
		);
	// RFC 2822 and HTTP dates (`Fri, 20 Nov 2026 10:15:00 GMT`: RSS, mail, headers), with their zone;
	// feeds write "UTC" where the RFC says "GMT"
	const rfc = text.replace(/ UTC$/i, ' GMT');
	return (
		valid(DateTime.fromRFC2822(rfc, { setZone: true })) ??
		valid(DateTime.fromHTTP(rfc, { setZone: true }))
	);
}

function toInstant(value: unknown): DateTime | undefined {
	if (value instanceof Date) return valid(DateTime.fromJSDate(value));
	if (typeof value === 'number')
		return valid(DateTime.fromMillis(value < 1e11 ? value * 1000 : value));
	// a DateTime from an expression may come from n8n's own copy of Luxon: read it by its millis
	if (DateTime.isDateTime(value)) return valid(DateTime.fromMillis(value.toMillis()));
	if (typeof value === 'string') return parseInstant(value.trim());
	return undefined;
}

/** The text is a wall-clock date (and time) that exists: not 2026-02-30, 25:61 or 24:00. */
export function isRealWallClock(text: string): boolean {
	return wallClock(text.trim()) !== undefined;
}

/** `YYYY-MM-DD HH:MM:SS`, or undefined when the value is not a date. */
export function formatDateTime(value: unknown, timeZone: string): string | undefined {
	if (typeof value === 'string' && WALL_CLOCK.test(value.trim()))
		return wallClock(value.trim())?.toFormat(WALL_CLOCK_FORMAT);
	const shown = toInstant(value)?.setZone(timeZone);
	return shown?.isValid ? shown.toFormat(WALL_CLOCK_FORMAT) : undefined;
}

/** `YYYY-MM-DD`, or undefined when the value is not a date. */
export function formatDate(value: unknown, timeZone: string): string | undefined {
	return formatDateTime(value, timeZone)?.slice(0, 10);
}

/** A wall-clock `YYYY-MM-DD HH:MM:SS` moved by some minutes and seconds (no time zone involved), or undefined. */
export function shiftWallClock(value: string, minutes: number, seconds = 0): string | undefined {
	return wallClock(value.trim())?.plus({ minutes, seconds }).toFormat(WALL_CLOCK_FORMAT);
}
