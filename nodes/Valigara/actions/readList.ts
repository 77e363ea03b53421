import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { addHint } from '../../shared/hints';
import { readListScope } from '../../shared/pagination';
import { newListMemory, readValigaraList } from '../lists';
import type { ListMemory, Paging, ValigaraList } from '../lists';
import { PAGE_SIZE_PROBLEM, pagingFrom } from '../listSettings';
import { listAction } from '../transport';
import type { ValigaraData } from '../transport';

// Reading a list for one item with its options: the searches' (readSearch) and the exports'
// (./order/readExport.ts) shared steps.

/** The paging keys of an item's options; bad input is an error naming the item. */
export function readPaging(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): Paging | undefined {
	const paging = pagingFrom(options);
	if (paging === 'invalid') throw inputError(context.getNode(), PAGE_SIZE_PROBLEM, { itemIndex });
	return paging;
}

const memories = new WeakMap<object, Map<string, ListMemory>>();

/** What this run has learnt of how an action answers lists, shared by its items. */
function runMemory(context: IExecuteFunctions, action: string): ListMemory {
	let byAction = memories.get(context);
	if (!byAction) {
		byAction = new Map();
		memories.set(context, byAction);
	}
	let memory = byAction.get(action);
	if (!memory) {
		memory = newListMemory();
		byAction.set(action, memory);
	}
	return memory;
}

/**
 * A search of one item (its `data` filters, or none): every ID it finds, read as ../lists.ts reads
 * lists Valigara does not page.
 */
export async function readSearch(
	context: IExecuteFunctions,
	itemIndex: number,
	action: string,
	idField: string,
	filters: ValigaraData | undefined,
): Promise<IDataObject[]> {
	const { limit } = readListScope(context, itemIndex);
	if (Array.isArray(filters)) {
		// a list as data (JSON mode) takes no keys: sent as written, the reply as it comes
		return (await listAction(context, action, filters, itemIndex, idField)).slice(0, limit);
	}
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readItemList(context, itemIndex, {
		action,
		filters: (filters ?? {}) as IDataObject,
		idField,
		paging: readPaging(context, itemIndex, options),
		wholeReplies: options.wholeReplies === true,
		limit,
	});
}

/** One item's list read to the end, with what this run learnt of its action; a warning becomes a hint. */
export async function readItemList(
	context: IExecuteFunctions,
	itemIndex: number,
	list: ValigaraList,
): Promise<IDataObject[]> {
	const { records, warning } = await readValigaraList(
		context,
		list,
		runMemory(context, list.action),
		itemIndex,
	);
	if (warning) addHint(context, warning, itemIndex);
	return records;
}
