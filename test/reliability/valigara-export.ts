/**
 * Valigara's orders export as the property suites stand it in (valigara-trigger and
 * valigara-status): filtered by `date_from` / `date_to`, sorted its own way, cut to a cap whatever
 * was asked, the guessed paging keys ignored, honoured or refused; and the faults a poll may meet.
 */
import type { IDataObject } from 'n8n-workflow';

import { ACCESS_KEY } from '../valigara/fixtures';
import type { Answer, Received } from './stand-in';

export type Fault =
	| 'http500'
	| 'html502'
	| 'code201'
	| 'code105'
	| 'network'
	| 'truncated'
	| 'empty';
export const FAULTS: Fault[] = [
	'http500',
	'html502',
	'code201',
	'code105',
	'network',
	'truncated',
	'empty',
];

export type ExportOrder = 'oldestFirst' | 'newestFirst' | 'shuffled';

export interface ExportBehaviour {
	/** the most orders a reply holds, whatever was asked (undefined: no cap) */
	cap?: number;
	/** what the export does with the paging keys: ignores them, pages by them, or answers 303 */
	paging: 'ignore' | 'honour' | 'reject';
	exportOrder: ExportOrder;
	shuffleSeed: number;
}

export interface ExportedOrder extends IDataObject {
	order_id: string;
	order_date: string;
}

function sorted<O extends ExportedOrder>(list: O[], behaviour: ExportBehaviour): O[] {
	if (behaviour.exportOrder === 'oldestFirst')
		return [...list].sort((a, b) => (a.order_date < b.order_date ? -1 : 1));
	if (behaviour.exportOrder === 'newestFirst')
		return [...list].sort((a, b) => (a.order_date > b.order_date ? -1 : 1));
	// a fixed shuffle: each order's place depends on its ID and the history's seed
	const rank = (order: O) =>
		(Number(order.order_id.slice(2)) * 2654435761 + behaviour.shuffleSeed) % 4294967296;
	return [...list].sort((a, b) => rank(a) - rank(b));
}

/** The export's answer to one request; `undated`: it asked for the whole export (no date window). */
export function answerOrdersExport(
	request: Received,
	orders: ExportedOrder[],
	behaviour: ExportBehaviour,
): { answer: Answer; undated?: boolean } {
	const form = new URLSearchParams(request.body);
	const data = form.get('data') ? (JSON.parse(form.get('data')!) as IDataObject) : undefined;
	const from = data?.date_from as string | undefined;
	const to = data?.date_to as string | undefined;
	const paged = data?.page !== undefined || data?.limit !== undefined;
	if (
		request.method !== 'POST' ||
		new URL(request.url, 'http://x').searchParams.get('auth') !== ACCESS_KEY
	) {
		return {
			answer: { status: 200, body: JSON.stringify({ status: 102, data: 'Authentication Failed' }) },
		};
	}
	if (form.get('action') !== 'orders_export')
		return { answer: { status: 200, body: JSON.stringify({ status: 200, data: null }) } };
	if (paged && behaviour.paging === 'reject')
		return {
			answer: { status: 200, body: JSON.stringify({ status: 303, data: 'Unknown field "page"' }) },
		};
	let listed = sorted(
		orders.filter(
			(order) => (!from || order.order_date >= from) && (!to || order.order_date <= to),
		),
		behaviour,
	);
	const cap = behaviour.cap ?? Infinity;
	if (paged && behaviour.paging === 'honour') {
		const size = Math.min(Number(data?.limit), cap);
		listed = listed.slice((Number(data?.page) - 1) * size, Number(data?.page) * size);
	}
	return {
		answer: { status: 200, body: JSON.stringify({ status: 100, data: listed.slice(0, cap) }) },
		undated: !from && !to,
	};
}

export function faultReply(fault: Fault): Answer {
	switch (fault) {
		case 'http500':
			return { status: 500, body: JSON.stringify({ status: 201, data: 'database down' }) };
		case 'html502':
			return {
				status: 502,
				body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
				headers: { 'Content-Type': 'text/html' },
			};
		case 'code201':
			return { status: 200, body: JSON.stringify({ status: 201, data: 'temporary failure' }) };
		case 'code105':
			// a rate limit that asks for longer than the retry budget: no retry, an error
			return {
				status: 200,
				body: JSON.stringify({ status: 105, data: null }),
				headers: { 'Retry-After': '3600' },
			};
		case 'truncated':
			return { status: 200, body: '{"status": 100, "data": [{"order_id": "V-1", "order_da' };
		case 'empty':
			return { status: 200, body: '' };
		case 'network':
			return 'drop';
	}
}
