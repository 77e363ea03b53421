import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listExpected } from '../../../shared/failures';
import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { send, variationsOf } from '../../transport';
import { beyondDocNotice, productIdField } from '../fields';
import { readId } from '../schema';

// WCFM route GET products/{id}/variations/ (not in Gigrove's documentation): all variations in one
// reply, as {variations, attributes}; Limit is applied here.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getVariations',
	options: [
		{
			name: 'Get Variations',
			value: 'getVariations',
			description:
				'Get the variations of a variable product (beyond Gigrove’s docs: the store’s API must offer it). Returns one item per variation; Limit cuts the list.',
			action: 'Get product variations',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	{ ...productIdField, description: 'The variable product whose variations to get' },
	...listFields(100_000),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readId(this, productIdField, itemIndex);
	const { limit } = readListScope(this, itemIndex);
	const path = `products/${id}/variations/`;
	const { body } = await send(
		this,
		{ method: 'GET', path, subject: `product ${id}`, expects: listExpected(variationsOf) },
		itemIndex,
	);
	return variationsOf(body)!.slice(0, limit);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
