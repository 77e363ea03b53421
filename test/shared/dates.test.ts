import { DateTime } from 'luxon';

import { formatDate, formatDateTime } from '../../nodes/shared/dates';

describe('dates', () => {
	it.each([
		[
			'a wall-clock date, kept as written',
			'2026-11-20 10:15:00',
			'Europe/Paris',
			'2026-11-20 10:15:00',
		],
		[
			'n8n’s date picker value (no zone)',
			'2026-11-20T10:15:00',
			'Europe/Paris',
			'2026-11-20 10:15:00',
		],
		['a date without time', '2026-11-20', 'UTC', '2026-11-20 00:00:00'],
		[
			'an ISO instant, shown in the time zone',
			'2026-11-20T10:15:00.000Z',
			'Europe/Paris',
			'2026-11-20 11:15:00',
		],
		['an ISO instant with an offset', '2026-06-01T23:30:00-04:00', 'UTC', '2026-06-02 03:30:00'],
		['a JS Date', new Date('2026-11-20T10:15:00Z'), 'America/New_York', '2026-11-20 05:15:00'],
		['a timestamp in seconds', 1795170900, 'UTC', '2026-11-20 10:35:00'],
		['a timestamp in milliseconds', 1795170900000, 'UTC', '2026-11-20 10:35:00'],
		[
			'a Luxon DateTime from an expression',
			DateTime.fromISO('2026-11-20T10:15:00Z'),
			'Asia/Tokyo',
			'2026-11-20 19:15:00',
		],
		[
			'a wall-clock date with milliseconds, kept to the second',
			'2026-11-20T10:15:00.123',
			'Europe/Paris',
			'2026-11-20 10:15:00',
		],
		[
			'an RFC 2822 date (RSS, mail, HTTP)',
			'Fri, 20 Nov 2026 10:15:00 GMT',
			'Europe/Paris',
			'2026-11-20 11:15:00',
		],
		[
			'an RFC 2822 date with UTC and no seconds',
			'Fri, 20 Nov 2026 10:15 UTC',
			'Europe/Paris',
			'2026-11-20 11:15:00',
		],
		['an RFC 2822 date with an offset', '20 Nov 2026 10:15:00 +0100', 'UTC', '2026-11-20 09:15:00'],
		[
			'a JS Date as text',
			'Fri Nov 20 2026 10:15:00 GMT+0100 (Central European Standard Time)',
			'UTC',
			'2026-11-20 09:15:00',
		],
	])('%s', (_name, value, zone, expected) => {
		expect(formatDateTime(value, zone)).toBe(expected);
	});

	it.each([[''], ['next tuesday'], [null], [undefined], [{}]])('%p is not a date', (value) => {
		expect(formatDateTime(value, 'UTC')).toBeUndefined();
	});

	// JavaScript's fallback parser reads these as midnight UTC, or in the server's zone, or as
	// another day; the workflow's zone (here New York) would then send the day before.
	it.each([
		['a stray NUL after the day', '2026-12-01\u0000'],
		['a stray NUL after the time', '2026-12-01T10:00:00\u0000'],
		['a comment after the day', '2026-12-01 (gift)'],
		['a day without zone in another form', '12/01/2026'],
		['a day that does not exist', '2026-02-30'],
		['an instant on a day that does not exist (rolled over to March 2)', '2026-02-30T10:00:00Z'],
		['an hour that does not exist', '2026-12-01 24:30:00'],
		['midnight written as 24:00', '2026-12-01 24:00:00'],
	])('%s (%p) is not a date', (_name, value) => {
		expect(formatDateTime(value, 'America/New_York')).toBeUndefined();
	});

	it('formatDate keeps the day only', () => {
		expect(formatDate('2026-11-20T23:30:00Z', 'Europe/Paris')).toBe('2026-11-21');
	});
});
