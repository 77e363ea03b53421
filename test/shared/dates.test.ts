import { DateTime } from 'luxon';

import { formatDate, formatDateTime } from '../../nodes/shared/dates';

describe('dates', () => {
	it.each([
		['a wall-clock date, kept as written', '2026-11-20 10:15:00', 'Europe/Paris', '2026-11-20 10:15:00'],
		['n8n’s date picker value (no zone)', '2026-11-20T10:15:00', 'Europe/Paris', '2026-11-20 10:15:00'],
		['a date without time', '2026-11-20', 'UTC', '2026-11-20 00:00:00'],
		['an ISO instant, shown in the time zone', '2026-11-20T10:15:00.000Z', 'Europe/Paris', '2026-11-20 11:15:00'],
		['an ISO instant with an offset', '2026-06-01T23:30:00-04:00', 'UTC', '2026-06-02 03:30:00'],
		['a JS Date', new Date('2026-11-20T10:15:00Z'), 'America/New_York', '2026-11-20 05:15:00'],
		['a timestamp in seconds', 1795170900, 'UTC', '2026-11-20 10:35:00'],
		['a timestamp in milliseconds', 1795170900000, 'UTC', '2026-11-20 10:35:00'],
		['a Luxon DateTime from an expression', DateTime.fromISO('2026-11-20T10:15:00Z'), 'Asia/Tokyo', '2026-11-20 19:15:00'],
	])('%s', (_name, value, zone, expected) => {
		expect(formatDateTime(value, zone)).toBe(expected);
	});

	it.each([[''], ['next tuesday'], [null], [undefined], [{}]])('%p is not a date', (value) => {
		expect(formatDateTime(value, 'UTC')).toBeUndefined();
	});

	it('formatDate keeps the day only', () => {
		expect(formatDate('2026-11-20T23:30:00Z', 'Europe/Paris')).toBe('2026-11-21');
	});
});
