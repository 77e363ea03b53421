import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { formatDateTime } from '../../../shared/dates';
import { addHint } from '../../../shared/hints';
import { readListScope } from '../../../shared/pagination';
import { validate } from '../../../shared/validation';
import { readValigaraList } from '../../lists';
import { valigaraRequest } from '../../transport';
import { optionalText, readActionName, readData, readOtherFields, recordsOf } from '../common';
import { dateKeysFrom, readPaging, runMemory } from '../listOptions';

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

/** A date of the window as the reader compares them: wall clock, or the text as the user wrote it. */
function windowEnd(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return formatDateTime(value, 'UTC') ?? String(value);
}

/**
 * An export (orders or clients) of one item: its filters and date window from the fields or the
 * JSON, read to the end as ../../lists.ts reads lists Valigara does not page.
 */
export async function readExport(
	context: IExecuteFunctions,
	itemIndex: number,
	assumedAction: string,
	record: { idField: string; dateField: string },
): Promise<IDataObject[]> {
	const { limit } = readListScope(context, itemIndex);
	const action = readActionName(context, itemIndex, assumedAction);
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const data = readData(context, itemIndex, () => readExportFilters(context, itemIndex), 'optional');
	if (Array.isArray(data)) {
		// a list as data (JSON mode) takes no keys: sent as written, the reply as it comes
		return recordsOf(await valigaraRequest(context, action, data, itemIndex), record.idField).slice(0, limit);
	}
	const dateKeys = dateKeysFrom(options);
	// the From/To Date fields are named date_from/date_to; in JSON the window is under the date keys
	const fromFields = context.getNodeParameter('dataMode', itemIndex, 'fields') === 'fields';
	const windowKeys = fromFields ? { from: 'date_from', to: 'date_to' } : dateKeys;
	const { [windowKeys.from]: from, [windowKeys.to]: to, ...filters } = (data ?? {}) as IDataObject;
	const { records, warning } = await readValigaraList(
		context,
		{
			action,
			filters,
			from: windowEnd(from),
			to: windowEnd(to),
			idField: String(options.idField ?? record.idField).trim() || record.idField,
			dateField: String(options.dateField ?? record.dateField).trim() || record.dateField,
			paging: readPaging(context, itemIndex, options),
			dateKeys,
			wholeReplies: options.wholeReplies === true,
			limit,
		},
		runMemory(context, action),
		itemIndex,
	);
	if (warning) addHint(context, warning, itemIndex);
	return records;
}
