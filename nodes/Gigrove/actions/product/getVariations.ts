import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { serviceError } from '../../../shared/errors';
import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { listOf, send } from '../../transport';
import { BEYOND_DOC, beyondDocNotice, idField, readId } from '../common';

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
			description: `Get the variations of a variable product. ${BEYOND_DOC}.`,
			action: 'Get product variations',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	idField('productId', 'Product ID', 'The variable product whose variations to get'),
	...listFields(100_000),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = readId(this, 'productId', 'Product ID', itemIndex);
	const { limit } = readListScope(this, itemIndex);
	const path = `products/${id}/variations/`;
	const { body, statusCode } = await send(this, { method: 'GET', path, subject: `product ${id}` }, itemIndex);
	const reply = body as IDataObject | null;
	const variations = listOf(reply && !Array.isArray(reply) && 'variations' in reply ? reply.variations : reply);
	if (!variations) {
		throw serviceError(
			this.getNode(),
			{ message: 'Gigrove sent no list of variations', description: `GET ${path}`, httpCode: statusCode },
			{ itemIndex, secrets: [] },
		);
	}
	return variations.slice(0, limit);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
