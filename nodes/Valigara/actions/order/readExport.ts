import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatDateTime } from '../../../shared/dates';
import { readListScope } from '../../../shared/pagination';
import type { FieldLabels } from '../../../shared/validation';
import { GUESSES } from '../../guesses';
import { dateKeysFrom } from '../../listSettings';
import { listAction } from '../../transport';
import { readData } from '../dataMode';
import { readItemList, readPaging } from '../readList';
import { withActionName } from './actionName';
import { readExportFilters } from './body';

// What Export Orders and Export Clients do for an item: the same, but for the action and record.

/**
 * Simplify (shared/simplify.ts) for Export Orders: the fields of an order a merchant uses. The
 * export is not documented: the ID, date and status are the guesses' (../../guesses.ts, the ID
 * and Date fields as Options name them), the rest the names the sandbox's stand-in uses.
 */
export function simpleOrderFields(context: IExecuteFunctions, itemIndex: number): string[] {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const { idField, dateField, statusField } = GUESSES.records.orders;
	return [
		String(options.idField ?? '').trim() || idField,
		'order_number',
		'channel',
		String(options.dateField ?? '').trim() || dateField,
		statusField,
		'currency',
		'total',
		'client_name',
		'client_email',
		'tracking_number',
		'items[].sku',
		'items[].title',
		'items[].quantity',
		'items[].price',
	];
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
	labels: FieldLabels,
): Promise<IDataObject[]> {
	const { limit } = readListScope(context, itemIndex);
	return await withActionName(context, itemIndex, assumedAction, async (action) => {
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const data = readData(
			context,
			itemIndex,
			() => readExportFilters(context, itemIndex, labels),
			'optional',
		);
		if (Array.isArray(data)) {
			// a list as data (JSON mode) takes no keys: sent as written, the reply as it comes
			return (await listAction(context, action, data, itemIndex, record.idField)).slice(0, limit);
		}
		const dateKeys = dateKeysFrom(options);
		// the From/To Date fields are named date_from/date_to; in JSON the window is under the date keys
		const fromFields = context.getNodeParameter('dataMode', itemIndex, 'fields') === 'fields';
		const windowKeys = fromFields ? { from: 'date_from', to: 'date_to' } : dateKeys;
		const {
			[windowKeys.from]: from,
			[windowKeys.to]: to,
			...filters
		} = (data ?? {}) as IDataObject;
		return await readItemList(context, itemIndex, {
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
		});
	});
}
