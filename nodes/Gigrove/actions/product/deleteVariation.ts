import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { send } from '../../transport';
import { beyondDocNotice, idField, readId } from '../common';

// WCFM route DELETE products/{id}/variations/{variationId}/ (not in Gigrove's documentation);
// the variation is deleted permanently.

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['deleteVariation'] } }, [
	beyondDocNotice(),
	idField('productId', 'Product ID'),
	idField('variationId', 'Variation ID', 'The variation is deleted permanently'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const productId = readId(this, 'productId', 'Product ID', itemIndex);
	const variationId = readId(this, 'variationId', 'Variation ID', itemIndex);
	const { body } = await send(
		this,
		{
			method: 'DELETE',
			path: `products/${productId}/variations/${variationId}/`,
			qs: { force: true },
			subject: `variation ${variationId} of product ${productId}`,
		},
		itemIndex,
	);
	return { deleted: true, productId: Number(productId), variationId: Number(variationId), response: (body ?? null) as IDataObject | null };
}
