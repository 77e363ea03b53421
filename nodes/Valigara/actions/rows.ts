import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact } from '../../shared/validation';

/** Rows of a multiple-value fixed collection, their untouched values ('') left out; undefined when there are none. */
export function readRows(
	context: IExecuteFunctions,
	path: string,
	itemIndex: number,
): IDataObject[] | undefined {
	const rows = (context.getNodeParameter(path, itemIndex, []) as IDataObject[]) ?? [];
	return rows.length ? rows.map(compact) : undefined;
}
