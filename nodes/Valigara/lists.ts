import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { formatDateTime, shiftWallClock } from '../shared/dates';
import type { RequestContext } from '../shared/request';
import { recordsOf } from './actions/common';
import { GUESSES } from './guesses';
import { valigaraRequest } from './transport';

// Valigara's exports and searches answer in one reply and document no paging. A real service may
// still cut a long reply without saying so. So the reader asks for pages with the guessed keys
// (./guesses.ts), notices whether the service pages, ignores them or refuses them, and where it
// does not page reads a reply that may have been cut again in two date windows, and again, until
// no reply can have been cut. Where it cannot be sure, it says so.

export interface Paging {
	pageKey: string;
	limitKey: string;
	pageSize: number;
}

/** What has been learnt of how an action answers lists: for a run, or kept by a trigger across polls. */
export interface ListMemory {
	/** the longest reply seen: the service sends at least that many, so a shorter reply was not cut */
	longest: number;
	/** how the service took the paging keys */
	paging?: 'pages' | 'ignored' | 'refused';
	/** a paged request returned records: the paging keys are not taken as filters */
	pagingSafe?: boolean;
	/** a reply held records outside the date window asked for: the date keys are not filters */
	datesIgnored?: boolean;
	/** reading a window again in parts found records its reply had left out: the service cuts replies */
	cutSeen?: boolean;
}

export interface ValigaraList {
	action: string;
	/** the `data` filters besides the date window */
	filters: IDataObject;
	/** the date window, wall-clock `YYYY-MM-DD HH:MM:SS`, both ends included */
	from?: string;
	to?: string;
	/** the field holding a record's ID */
	idField: string;
	/**
	 * exports: the field holding the date the window applies to. Any reply of an export may have
	 * been cut unless a longer one was seen: it is read again in two windows. Without it (searches),
	 * a reply is taken as whole unless it holds a full page (Page Size) or more.
	 */
	dateField?: string;
	/** the paging keys to send, or undefined to send none */
	paging?: Paging;
	/** the keys of the date window (GUESSES.dateKeys unless the user named others) */
	dateKeys?: { from: string; to: string };
	/** the user says Valigara never cuts a reply: each reply is taken as whole, nothing else is asked */
	wholeReplies?: boolean;
	/** how many records are wanted (Infinity: all) */
	limit: number;
}

export interface ValigaraListRead {
	records: IDataObject[];
	/** what could not be read with certainty, in the user's terms */
	warning?: string;
}

/** Requests one read may make: the window halves until each holds less than a reply. */
const MAX_REQUESTS = 10_000;

class TooManyRequests extends Error {}

export function newListMemory(): ListMemory {
	return { longest: 0 };
}

function isInvalidData(error: unknown): boolean {
	return error instanceof NodeApiError && Number(error.context.serviceCode) === 303;
}

export async function readValigaraList(
	context: RequestContext,
	list: ValigaraList,
	memory: ListMemory,
	itemIndex?: number,
): Promise<ValigaraListRead> {
	// a Limit below a page asks for no more than the limit
	if (list.paging && list.limit < list.paging.pageSize) list = { ...list, paging: { ...list.paging, pageSize: list.limit } };
	const dateKeys = list.dateKeys ?? GUESSES.dateKeys;
	const found = new Map<string, IDataObject>();
	const warnings = new Set<string>();
	let requests = 0;
	let narrowed = false;
	const keyOf = (record: IDataObject) => {
		const id = record[list.idField];
		return id === undefined || id === null || id === '' ? JSON.stringify(record) : String(id);
	};
	const dateOf = (record: IDataObject) => (list.dateField ? formatDateTime(record[list.dateField], 'UTC') : undefined);
	const usePaging = () => list.paging !== undefined && !list.wholeReplies && memory.paging !== 'ignored' && memory.paging !== 'refused';

	async function send(from: string | undefined, to: string | undefined, page?: number): Promise<IDataObject[]> {
		if (++requests > MAX_REQUESTS) throw new TooManyRequests();
		const data: IDataObject = { ...list.filters };
		if (from !== undefined) data[dateKeys.from] = from;
		if (to !== undefined) data[dateKeys.to] = to;
		if (page !== undefined && list.paging) {
			data[list.paging.pageKey] = page;
			data[list.paging.limitKey] = list.paging.pageSize;
		}
		try {
			const reply = await valigaraRequest(context, list.action, Object.keys(data).length ? data : undefined, itemIndex);
			return recordsOf(reply, list.idField);
		} catch (error) {
			// 303 Invalid Data for the paging keys: the service does not take them; ask without.
			if (page === undefined || !isInvalidData(error) || memory.paging === 'pages' || memory.pagingSafe) throw error;
			memory.paging = 'refused';
			return await send(from, to);
		}
	}

	/** Notes the records, and whether the service kept to the date window. */
	function take(reply: IDataObject[], from?: string, to?: string): void {
		for (const record of reply) {
			const date = dateOf(record);
			if (date !== undefined && ((from !== undefined && date < from) || (to !== undefined && date > to))) memory.datesIgnored = true;
			const key = keyOf(record);
			if (!found.has(key)) found.set(key, record);
		}
	}

	/** Reads every record of a date window, page by page where the service pages. */
	async function readWindow(from?: string, to?: string, part = false): Promise<void> {
		if (found.size >= list.limit) return;
		let paged = usePaging();
		let windowRecords: IDataObject[] = [];
		for (let page = 1; ; page++) {
			let reply = await send(from, to, paged ? page : undefined);
			if (paged && memory.paging === 'refused') paged = false;
			if (paged && page === 1 && reply.length === 0 && !memory.pagingSafe) {
				// Nothing for page 1: the service might take the paging keys as filters. Ask once without.
				const unpaged = await send(from, to);
				if (unpaged.length > 0) {
					memory.paging = 'refused';
					paged = false;
					reply = unpaged;
				}
			}
			if (paged && reply.length > 0) memory.pagingSafe = true;
			const fresh = reply.filter((record) => !found.has(keyOf(record)));
			// a part of a window brought what the window's reply left out: that reply was cut
			if (part && page === 1 && fresh.length > 0) memory.cutSeen = true;
			take(reply, from, to);
			const longestBefore = memory.longest;
			memory.longest = Math.max(memory.longest, reply.length);
			if (found.size >= list.limit || reply.length === 0 || list.wholeReplies) return;
			if (page > 1 && fresh.length === 0) {
				memory.paging = 'ignored'; // the first page again: the service does not page
				break;
			}
			if (page > 1) memory.paging = 'pages';
			windowRecords = page === 1 ? reply : windowRecords;
			const fullPage = list.paging !== undefined && reply.length >= list.paging.pageSize;
			const mayBeCut = fullPage || (list.dateField !== undefined && reply.length >= longestBefore);
			if (!mayBeCut) return;
			if (!paged) break;
		}
		await narrow(windowRecords, from, to);
	}

	/** A reply that may have been cut: read its window again in two (or three) smaller ones. */
	async function narrow(reply: IDataObject[], from?: string, to?: string): Promise<void> {
		const what = `Valigara's ${list.action} reply held ${reply.length} records and may have been cut`;
		if (!list.dateField) {
			warnings.add(`${what}: it does not page (the paging keys were ${memory.paging ?? 'not sent'}), and a search cannot be split. Narrow the search with filters.`);
			return;
		}
		if (memory.datesIgnored) {
			warnings.add(
				`${what}: it did not keep to the date window asked for (${dateKeys.from}/${dateKeys.to} on "${list.dateField}"), so it cannot be read in parts. ` +
					'Set the date keys and Date Field your Valigara account uses, or, if Valigara always answers with the whole export, turn on "Replies Are Never Cut".',
			);
			return;
		}
		const dates = reply.map(dateOf).sort();
		if (dates.some((date) => date === undefined)) {
			warnings.add(`${what}: some records have no "${list.dateField}" date to read the rest by. Set the Date Field option.`);
			return;
		}
		const sorted = dates as string[];
		narrowed = true;
		const middle = sorted[Math.floor(sorted.length / 2)];
		const split = middle > sorted[0] ? middle : sorted.find((date) => date > sorted[0]);
		if (split !== undefined) {
			// below the split and from it on: each window holds fewer of the records seen
			await readWindow(from, shiftWallClock(split, 0, -1), true);
			await readWindow(split, to, true);
			return;
		}
		// Every record has the same date: what lies before and after that second is read apart.
		// The second itself holds the reply: it was cut only if more records share that second than
		// a reply holds, which is said once the service has been seen cutting replies.
		const second = sorted[0];
		if (from === undefined || from < second) await readWindow(from, shiftWallClock(second, 0, -1), true);
		if (to === undefined || to > second) await readWindow(shiftWallClock(second, 0, 1), to, true);
		if (memory.cutSeen && reply.length >= memory.longest) {
			warnings.add(`${what}: more records than one reply holds may carry the same date and time (${second}), and they cannot be read in parts.`);
		}
	}

	try {
		await readWindow(list.from, list.to);
	} catch (error) {
		if (!(error instanceof TooManyRequests)) throw error;
		warnings.add(`Valigara's ${list.action} replies kept being cut: reading stopped after ${MAX_REQUESTS} requests.`);
	}
	let records = [...found.values()];
	// read in windows, the records come in window order: give them in date order
	if (narrowed) records = records.sort((a, b) => ((dateOf(a) ?? '') < (dateOf(b) ?? '') ? -1 : (dateOf(a) ?? '') > (dateOf(b) ?? '') ? 1 : 0));
	return { records: records.slice(0, list.limit), warning: warnings.size ? [...warnings].join(' ') : undefined };
}
