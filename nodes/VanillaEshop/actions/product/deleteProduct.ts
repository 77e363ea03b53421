import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path } from '../../transport';
import { productKeyProperties, readProductKey } from './fields';

// Doc: Products › Remove Product, DELETE v1/in/products/{product} ("replace {product} with entity id
// of magento")
export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['delete'] } },
	productKeyProperties('entityId'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = readProductKey(this, itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'DELETE', path: path('products', key.value), target: key.target },
		itemIndex,
	);
	return { deleted: true, ...key.output, response: (data ?? null) as IDataObject | null };
}
