import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { orderNotes } from '../../transport';
import { beyondDocNotice, orderIdField } from '../fields';
import { readId } from '../schema';

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
			description:
				'Get the notes of an order, newest first (beyond Gigrove’s docs: the store’s API must offer it). Returns one item per note; Limit cuts the list.',
			action: 'Get the notes of an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	orderIdField,
	...listFields(100_000),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readId(this, orderIdField, itemIndex);
	const { limit } = readListScope(this, itemIndex);
	return (await orderNotes(this, { method: 'GET' }, id, itemIndex)).slice(0, limit);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
