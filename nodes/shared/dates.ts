/**
 * Services here want wall-clock dates (`YYYY-MM-DD HH:MM:SS`) while n8n hands over ISO strings,
 * Luxon DateTimes, JS Dates or timestamps. Instants are shown in the workflow's time zone;
 * a value that already is a wall-clock date is kept as written.
 *
 * Text is read in the forms below only, never by `new Date` on anything: JavaScript's fallback
 * parser reads "2026-12-01\u0000" or "2026-12-01 (note)" as midnight UTC and text without a zone
 * in the server's own zone, which the workflow's zone then turns into another day; and it rolls
 * 2026-02-30 over to March 2. Text in no known form, or naming a day or time that does not exist,
 * is not a date: the field's check then names it.
 */

/** `YYYY-MM-DD`, with a time `HH:MM[:SS[.fff]]` after a space or `T`: kept as written (to the second). */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;

/** ISO 8601 with its offset: `2026-11-20T10:15:00.000Z`, `2026-06-01T23:30:00-04:00`. */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** RFC 2822 / HTTP dates (`Fri, 20 Nov 2026 10:15:00 GMT`, RSS, mail) and `Date#toString()`, with their zone. */
const NAMED_MONTH_INSTANT = [
	/^(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s+(?:GMT|UTC?|[+-]\d{4})$/,
	/^[A-Za-z]{3}\s+[A-Za-z]{3}\s+\d{1,2}\s+\d{4}\s+\d{2}:\d{2}:\d{2}\s+GMT[+-]\d{4}(?:\s+\([A-Za-z .+-]*\))?$/,
];

/** Whether the written day and time exist (no 2026-02-30, no 25:00). */
function exists([, y, mo, d, h = '00', mi = '00', s = '00']: RegExpExecArray): boolean {
	const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
	return (
		date.getUTCFullYear() === +y &&
		date.getUTCMonth() === +mo - 1 &&
		date.getUTCDate() === +d &&
		date.getUTCHours() === +h &&
		date.getUTCMinutes() === +mi &&
		date.getUTCSeconds() === +s
	);
}

function parseInstant(text: string): Date | undefined {
	const iso = ISO_INSTANT.exec(text);
	if (iso ? !exists(iso) : !NAMED_MONTH_INSTANT.some((form) => form.test(text))) return undefined;
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

function toInstant(value: unknown): Date | undefined {
	if (value instanceof Date) return value;
	if (typeof value === 'number') return new Date(value < 1e11 ? value * 1000 : value);
	if (value && typeof value === 'object' && typeof (value as { toJSDate?: unknown }).toJSDate === 'function') {
		return (value as { toJSDate(): Date }).toJSDate(); // Luxon DateTime from an expression
	}
	if (typeof value === 'string') return parseInstant(value.trim());
	return undefined;
}

function wallClockParts(date: Date, timeZone: string): Record<string, string> {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(date);
	return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** `YYYY-MM-DD HH:MM:SS`, or undefined when the value is not a date. */
export function formatDateTime(value: unknown, timeZone: string): string | undefined {
	if (typeof value === 'string') {
		const match = WALL_CLOCK.exec(value.trim());
		if (match) {
			if (!exists(match)) return undefined;
			const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
			return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
		}
	}
	const instant = toInstant(value);
	if (!instant || Number.isNaN(instant.getTime())) return undefined;
	const p = wallClockParts(instant, timeZone);
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `YYYY-MM-DD`, or undefined when the value is not a date. */
export function formatDate(value: unknown, timeZone: string): string | undefined {
	return formatDateTime(value, timeZone)?.slice(0, 10);
}

/** A wall-clock `YYYY-MM-DD HH:MM:SS` moved by some minutes and seconds (no time zone involved), or undefined. */
export function shiftWallClock(value: string, minutes: number, seconds = 0): string | undefined {
	const match = WALL_CLOCK.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
	const shifted = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi + minutes, +s + seconds));
	return shifted.toISOString().slice(0, 19).replace('T', ' ');
}
