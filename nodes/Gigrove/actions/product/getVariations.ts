import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { serviceError } from '../../../shared/errors';
import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { listOf, send } from '../../transport';
import { beyondDocNotice, idField, readId } from '../common';

// WCFM route GET products/{id}/variations/ (not in Gigrove's documentation): all variations in one
// reply, as {variations, attributes}; Limit is applied here.

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getVariations'] } }, [
	beyondDocNotice(),
	idField('productId', 'Product ID', 'The variable product whose variations to get'),
	...listFields(100_000),
]);

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

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
