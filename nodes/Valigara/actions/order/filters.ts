import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { formatDateTime } from '../../../shared/dates';
import { validate } from '../../../shared/validation';
import { optionalText, readOtherFields } from '../common';

// The Orders actions page of the docs is not public: the filter keys below (`date_from`,
// `date_to`, `status`) are this node's assumption. "Other Filters" sends any other key, and the
// JSON mode sends the whole `data` as written.

export const dateFilterOptions: INodeProperties[] = [
	{
		displayName: 'From Date',
		name: 'date_from',
		type: 'dateTime',
		default: '',
		description: 'Only records from this date on. Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone.',
	},
	{
		displayName: 'To Date',
		name: 'date_to',
		type: 'dateTime',
		default: '',
		description: 'Only records up to this date. Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone.',
	},
];

const wallClock = z
	.string({ invalid_type_error: 'must be a date' })
	.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a date')
	.optional();

const filterSchema = z.object({ date_from: wallClock, date_to: wallClock, status: optionalText }).catchall(optionalText);

/** The export's filters (its `data`), or undefined when there are none (everything is exported). */
export function readExportFilters(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const filters: IDataObject = { ...(context.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	for (const key of ['date_from', 'date_to']) {
		if (filters[key] === undefined) continue;
		filters[key] = formatDateTime(filters[key], context.getTimezone()) ?? filters[key];
	}
	const other = readOtherFields(context, itemIndex, filters);
	if (Object.keys(filters).length + Object.keys(other).length === 0) return undefined;
	const named = validate(context.getNode(), filterSchema, filters, itemIndex, { date_from: 'From Date', date_to: 'To Date', status: 'Status' });
	return { ...named, ...other };
}
