import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { send } from '../../transport';
import { beyondDocNotice, idField, readId } from '../common';

// WCFM route DELETE products/{id} (not in Gigrove's documentation). WCFM deletes permanently
// whatever `force` says; `force=true` makes a plain WooCommerce store do the same.

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['delete'] } }, [
	beyondDocNotice(),
	idField('productId', 'Product ID', 'The product is deleted permanently, not moved to the trash'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, 'productId', 'Product ID', itemIndex);
	const { body } = await send(this, { method: 'DELETE', path: `products/${id}`, qs: { force: true }, subject: `product ${id}` }, itemIndex);
	// Every Delete of the package outputs the same shape: ours, and the store's reply (the deleted product) whole.
	return { deleted: true, id: Number(id), response: (body ?? null) as IDataObject | null };
}
