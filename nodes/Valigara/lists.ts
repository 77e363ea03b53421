import type { IDataObject } from 'n8n-workflow';

import { formatDateTime, shiftWallClock } from '../shared/dates';
import { readPages } from '../shared/pagination';
import type { RequestContext } from '../shared/request';
import { GUESSES } from './guesses';
import { recordsOf, statusOf, valigaraResponse } from './transport';

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
	/** the newest date of the first reply: what the service held at one moment (see poll.ts `settledUpTo`) */
	settled?: string;
	/** what could not be read with certainty, in the user's terms */
	warning?: string;
}

/** Requests one read may make: the window halves until each holds less than a reply. */
const MAX_REQUESTS = 10_000;

export function newListMemory(): ListMemory {
	return { longest: 0 };
}

/** 303 Invalid Data: what a service answers to keys it does not know, the paging keys among them */
const INVALID_DATA = 303;

export async function readValigaraList(
	context: RequestContext,
	list: ValigaraList,
	memory: ListMemory,
	itemIndex?: number,
): Promise<ValigaraListRead> {
	// a Limit below a page asks for no more than the limit
	if (list.paging && list.limit < list.paging.pageSize)
		list = { ...list, paging: { ...list.paging, pageSize: list.limit } };
	const dateKeys = list.dateKeys ?? GUESSES.dateKeys;
	const found = new Map<string, IDataObject>();
	const warnings = new Set<string>();
	let requests = 0;
	let narrowed = false;
	let settled: string | undefined;
	let firstReply = true;
	const keyOf = (record: IDataObject) => {
		const id = record[list.idField];
		return id === undefined || id === null || id === '' ? JSON.stringify(record) : String(id);
	};
	const dateOf = (record: IDataObject) =>
		list.dateField ? formatDateTime(record[list.dateField], 'UTC') : undefined;
	const usePaging = () =>
		list.paging !== undefined &&
		!list.wholeReplies &&
		memory.paging !== 'ignored' &&
		memory.paging !== 'refused';

	/** the request guard was reached: what follows reads nothing */
	let exhausted = false;

	/**
	 * One request for a window (and a page); `refused` when the paging keys met 303 Invalid Data
	 * while it is not known that the service pages (a 303 then is the service's answer to them).
	 */
	async function send(
		from: string | undefined,
		to: string | undefined,
		page?: { page: number; perPage: number },
	): Promise<IDataObject[] | 'refused'> {
		if (++requests > MAX_REQUESTS) {
			exhausted = true;
			return [];
		}
		const data: IDataObject = { ...list.filters };
		if (from !== undefined) data[dateKeys.from] = from;
		if (to !== undefined) data[dateKeys.to] = to;
		if (page && list.paging) {
			data[list.paging.pageKey] = page.page;
			data[list.paging.limitKey] = page.perPage;
		}
		const accepts =
			page && memory.paging !== 'pages' && !memory.pagingSafe ? [INVALID_DATA] : undefined;
		const response = await valigaraResponse(
			context,
			list.action,
			Object.keys(data).length ? data : undefined,
			itemIndex,
			{},
			accepts,
		);
		if (accepts && statusOf(response.body) === INVALID_DATA) return 'refused';
		const reply = recordsOf((response.body as IDataObject).data, list.idField);
		if (firstReply) {
			// the first reply is what the service held at one moment: its newest date is `settled`
			firstReply = false;
			for (const record of reply) {
				const date = dateOf(record);
				if (date !== undefined && (settled === undefined || date > settled)) settled = date;
			}
		}
		return reply;
	}

	/** A request without paging keys (never refused: no keys to refuse). */
	async function sendWhole(
		from: string | undefined,
		to: string | undefined,
	): Promise<IDataObject[]> {
		return (await send(from, to)) as IDataObject[];
	}

	/** Notes the records, and whether the service kept to the date window. */
	function take(reply: IDataObject[], from?: string, to?: string): void {
		for (const record of reply) {
			const date = dateOf(record);
			if (
				date !== undefined &&
				((from !== undefined && date < from) || (to !== undefined && date > to))
			)
				memory.datesIgnored = true;
			const key = keyOf(record);
			if (!found.has(key)) found.set(key, record);
		}
	}

	/**
	 * A window read page by page with the paging keys, as shared/pagination.ts reads documented
	 * lists (capped pages, a list moving while read). Undefined when the service turned out not to
	 * page: it refused the keys (303), took them as filters (nothing paged, something without), or
	 * sent the first page again; then the reply it gave without paging, if one was read.
	 */
	async function readPaged(
		from?: string,
		to?: string,
	): Promise<{ unpaged?: IDataObject[] } | undefined> {
		const paging = list.paging!;
		let firstPage: IDataObject[] | undefined;
		let previous: IDataObject[] = [];
		let repeats = 0;
		let unpaged: IDataObject[] | undefined;
		let notPaging: 'refused' | 'ignored' | undefined;
		const read = await readPages(
			{ returnAll: list.limit === Infinity, limit: list.limit },
			{
				maxPerPage: paging.pageSize,
				key: keyOf,
				servesAtLeast: memory.longest,
				fetchPage: async (page, perPage) => {
					const reply = await send(from, to, { page, perPage });
					if (reply === 'refused') {
						notPaging = 'refused'; // 303 Invalid Data for the paging keys
						return { items: [], stop: true };
					}
					memory.longest = Math.max(memory.longest, reply.length);
					if (page === 1 && reply.length === 0 && !memory.pagingSafe) {
						// nothing for page 1: the service might take the paging keys as filters; ask without
						unpaged = await sendWhole(from, to);
						if (unpaged.length > 0) {
							notPaging = 'refused';
							return { items: [], stop: true };
						}
					}
					if (page === 1) firstPage = reply;
					// more than asked: the service does not page. The first page (or the one before)
					// again, twice in a row: neither (once could be a list that moved meanwhile).
					const again =
						page > 1 &&
						reply.length > 0 &&
						(sameRecords(reply, firstPage ?? []) || sameRecords(reply, previous));
					repeats = again ? repeats + 1 : 0;
					if (reply.length > perPage || repeats >= 2) {
						notPaging = 'ignored';
						return { items: [], stop: true };
					}
					previous = reply;
					if (reply.length > 0) memory.pagingSafe = true;
					if (page > 1 && reply.length > 0) memory.paging = 'pages';
					return { items: reply };
				},
			},
		);
		if (notPaging) {
			memory.paging = notPaging;
			return { unpaged: notPaging === 'ignored' ? firstPage : unpaged };
		}
		take(read.records, from, to);
		if (read.warning) warnings.add(`Valigara's ${list.action}: ${read.warning}`);
		return undefined;
	}

	const sameRecords = (a: IDataObject[], b: IDataObject[]) =>
		a.length === b.length && a.every((record, n) => keyOf(record) === keyOf(b[n]));

	/** Reads every record of a date window: in pages where the service pages, else in one reply, narrowed when it may have been cut. */
	async function readWindow(from?: string, to?: string): Promise<void> {
		if (found.size >= list.limit) return;
		const longestBefore = memory.longest;
		let reply: IDataObject[] | undefined;
		if (usePaging()) {
			const notPaged = await readPaged(from, to);
			if (!notPaged) return;
			reply = notPaged.unpaged;
		}
		reply ??= await sendWhole(from, to);
		memory.longest = Math.max(memory.longest, reply.length);
		take(reply, from, to);
		if (found.size >= list.limit || reply.length === 0 || list.wholeReplies) return;
		// as long as the longest reply seen: it may have been cut
		if (reply.length >= longestBefore) await narrow(reply, from, to);
	}

	/** A reply that may have been cut: read its window again in two (or three) smaller ones. */
	async function narrow(reply: IDataObject[], from?: string, to?: string): Promise<void> {
		const what = `Valigara's ${list.action} reply held ${reply.length} records and may have been cut`;
		if (!list.dateField) {
			warnings.add(
				`${what}: it does not page (the paging keys were ${memory.paging ?? 'not sent'}), and a search cannot be read in parts. ` +
					'Narrow the search with filters, or, if Valigara always answers with every match, turn on "Replies Are Never Cut".',
			);
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
			warnings.add(
				`${what}: some records have no "${list.dateField}" date to read the rest by. Set the Date Field option.`,
			);
			return;
		}
		const sorted = dates as string[];
		narrowed = true;
		const middle = sorted[Math.floor(sorted.length / 2)];
		const split = middle > sorted[0] ? middle : sorted.find((date) => date > sorted[0]);
		if (split !== undefined) {
			// below the split and from it on: each window holds fewer of the records seen
			await readWindow(from, shiftWallClock(split, 0, -1));
			await readWindow(split, to);
			return;
		}
		// Every record has the same date: what lies before and after that second is read apart. The
		// second itself cannot be split: a reply of one record from it is taken as whole (a service
		// cutting replies to one record could hide a second order of the same second: not knowable);
		// several records of one second, as many as the longest reply, may have been cut: said.
		const second = sorted[0];
		if (from === undefined || from < second) await readWindow(from, shiftWallClock(second, 0, -1));
		if (to === undefined || to > second) await readWindow(shiftWallClock(second, 0, 1), to);
		if (reply.length >= 2 && reply.length >= memory.longest) {
			warnings.add(
				`${what}: they all carry the same date and time (${second}), so they cannot be read in parts.`,
			);
		}
	}

	await readWindow(list.from, list.to);
	if (exhausted)
		warnings.add(
			`Valigara's ${list.action} replies kept being cut: reading stopped after ${MAX_REQUESTS} requests.`,
		);
	let records = [...found.values()];
	if (narrowed) {
		// read in windows, the records come in window order: give them in date order (a stable sort)
		const dates = new Map(records.map((record) => [record, dateOf(record) ?? '']));
		records = records.sort((a, b) =>
			dates.get(a)! < dates.get(b)! ? -1 : dates.get(a)! > dates.get(b)! ? 1 : 0,
		);
	}
	return {
		records: records.slice(0, list.limit),
		settled,
		warning: warnings.size ? [...warnings].join(' ') : undefined,
	};
}
