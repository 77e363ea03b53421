/**
 * Services here want wall-clock dates (`YYYY-MM-DD HH:MM:SS`) while n8n hands over ISO strings,
 * Luxon DateTimes, JS Dates or timestamps. Instants are shown in the workflow's time zone;
 * a value that already is a wall-clock date is kept as written.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function toInstant(value: unknown): Date | undefined {
	if (value instanceof Date) return value;
	if (typeof value === 'number') return new Date(value < 1e11 ? value * 1000 : value);
	if (value && typeof value === 'object' && typeof (value as { toJSDate?: unknown }).toJSDate === 'function') {
		return (value as { toJSDate(): Date }).toJSDate(); // Luxon DateTime from an expression
	}
	if (typeof value === 'string' && value.trim() !== '') {
		const date = new Date(value.trim());
		return Number.isNaN(date.getTime()) ? undefined : date;
	}
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

/** A wall-clock `YYYY-MM-DD HH:MM:SS` moved by some minutes (no time zone involved), or undefined. */
export function shiftWallClock(value: string, minutes: number): string | undefined {
	const match = WALL_CLOCK.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
	const shifted = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi + minutes, +s));
	return shifted.toISOString().slice(0, 19).replace('T', ' ');
}
