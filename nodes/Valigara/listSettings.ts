import type { IDataObject } from 'n8n-workflow';

import { GUESSES } from './guesses';
import type { Paging } from './lists';

// The list options (./actions/listOptions.ts, the trigger's) read into the list reader's settings:
// the guesses of ./guesses.ts where the user left them out.

/** The date keys of the options, the guesses where left out or empty. */
export function dateKeysFrom(options: IDataObject): { from: string; to: string } {
	return {
		from: String(options.dateFromKey ?? '').trim() || GUESSES.dateKeys.from,
		to: String(options.dateToKey ?? '').trim() || GUESSES.dateKeys.to,
	};
}

/**
 * The paging keys to send, from the options (the trigger's, or an item's); undefined when the
 * user emptied a key. A Page Size that is not a whole number of at least 1 is `invalid`.
 */
export function pagingFrom(options: IDataObject): Paging | undefined | 'invalid' {
	const pageKey = String(options.pageKey ?? GUESSES.paging.pageKey).trim();
	const limitKey = String(options.limitKey ?? GUESSES.paging.limitKey).trim();
	if (!pageKey || !limitKey) return undefined;
	const pageSize = options.pageSize ?? GUESSES.paging.pageSize;
	if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1) return 'invalid';
	return { pageKey, limitKey, pageSize };
}

export const PAGE_SIZE_PROBLEM = '"Page Size" must be a whole number of at least 1';
