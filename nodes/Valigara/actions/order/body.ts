import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatDateTime } from '../../../shared/dates';
import { validate } from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { readOtherFields } from '../otherFields';
import { filterSchema } from './schema';

// The exports' filters as the user filled them in (./filters.ts) → the export's `data`.

/** The export's filters (its `data`), or undefined when there are none (everything is exported). */
export function readExportFilters(
	context: IExecuteFunctions,
	itemIndex: number,
	labels: FieldLabels,
): IDataObject | undefined {
	const filters: IDataObject = {
		...(context.getNodeParameter('filters', itemIndex, {}) as IDataObject),
	};
	for (const key of ['date_from', 'date_to']) {
		if (filters[key] === undefined) continue;
		filters[key] = formatDateTime(filters[key], context.getTimezone()) ?? filters[key];
	}
	const other = readOtherFields(context, itemIndex, filters);
	if (Object.keys(filters).length + Object.keys(other).length === 0) return undefined;
	const named = validate(context.getNode(), filterSchema, filters, itemIndex, labels);
	return { ...named, ...other };
}
