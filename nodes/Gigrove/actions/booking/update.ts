import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { formatDateTime } from '../../../shared/dates';
import { labelsAt, labelsOf, validate } from '../../../shared/validation';
import { gigroveObject } from '../../transport';
import { beyondDocNotice, bookingIdField } from '../fields';
import { readId } from '../schema';

// WCFM route PUT bookings/{id} (not in Gigrove's documentation): moves a booking. WCFM reads
// start_date / end_date (Y-m-d), start_time / end_time (H:i) and all_day, all of them each time.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'update',
	options: [
		{
			name: 'Update',
			value: 'update',
			description:
				'Move a booking to a new start and end, optionally all day (beyond Gigrove’s docs: the store’s API must offer it). Returns the store’s reply.',
			action: 'Update a booking',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	bookingIdField,
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'In the workflow’s time zone',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'In the workflow’s time zone',
	},
	{
		displayName: 'All Day',
		name: 'allDay',
		type: 'boolean',
		default: false,
		description: 'Whether the booking lasts whole days',
	},
];

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const wallClock = z
	.string({ invalid_type_error: 'must be a date', required_error: 'is required' })
	.regex(WALL_CLOCK, 'must be a date');

// The order is only compared between two dates: a start that is no date is its own problem.
const schema = z
	.object({ start: wallClock, end: wallClock, all_day: z.boolean() })
	.refine(({ start, end }) => !WALL_CLOCK.test(start) || !WALL_CLOCK.test(end) || end >= start, {
		message: 'must not be before the start',
		path: ['end'],
	});

const labels = labelsAt(labelsOf(properties), { start: 'start', end: 'end', all_day: 'allDay' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, bookingIdField, itemIndex);
	const timeZone = this.getTimezone();
	const read = (name: string) => {
		const value = this.getNodeParameter(name, itemIndex, '');
		return value === '' || value === null ? undefined : (formatDateTime(value, timeZone) ?? value);
	};
	const { start, end, all_day } = validate(
		this.getNode(),
		schema,
		{
			start: read('start'),
			end: read('end'),
			all_day: this.getNodeParameter('allDay', itemIndex, false),
		},
		itemIndex,
		labels,
	);
	const body = {
		start_date: start.slice(0, 10),
		start_time: start.slice(11, 16),
		end_date: end.slice(0, 10),
		end_time: end.slice(11, 16),
		all_day,
	};
	return await gigroveObject(
		this,
		{ method: 'PUT', path: `bookings/${id}`, body, subject: `booking ${id}` },
		itemIndex,
	);
}
