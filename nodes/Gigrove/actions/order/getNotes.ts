import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ServiceFailure } from '../../../shared/errors';
import { listExpected } from '../../../shared/failures';
import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { listOf, send } from '../../transport';
import { BEYOND_DOC, beyondDocNotice, idField, readId } from '../common';

// WCFM route GET orders/note/{id} (not in Gigrove's documentation): every note, newest first, in
// one reply; Limit is applied here.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getNotes',
	options: [
		{
			name: 'Get Notes',
			value: 'getNotes',
			description: `Get the notes of an order. ${BEYOND_DOC}.`,
			action: 'Get the notes of an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	idField('orderId', 'Order ID'),
	...listFields(100_000),
];

/** The notes of an order, newest first; `whenNone`: the failure when there are none. */
export async function fetchNotes(
	context: IExecuteFunctions,
	request: { method: 'GET' | 'PUT'; body?: IDataObject },
	id: string,
	itemIndex: number,
	whenNone?: ServiceFailure,
) {
	const path = `orders/note/${id}`;
	const { body } = await send(context, { ...request, path, subject: `order ${id}`, expects: listExpected(listOf, whenNone) }, itemIndex);
	return listOf(body)!;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readId(this, 'orderId', 'Order ID', itemIndex);
	const { limit } = readListScope(this, itemIndex);
	return (await fetchNotes(this, { method: 'GET' }, id, itemIndex)).slice(0, limit);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
