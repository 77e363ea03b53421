import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { productKeyProperties, productProperties, readProduct, readProductKey } from './fields';

// Doc: Products › Update Product, PUT v1/in/products/{product} ("replace {product} with sku of
// magento"). Options and special prices replace the product's own.
export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['update'] } }, [
	...productKeyProperties('sku'),
	...productProperties('update'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = readProductKey(this, itemIndex);
	const body = readProduct(this, 'update', itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'PUT', path: path('products', key.value), body, target: key.target },
		itemIndex,
	);
	return recordOr(data, key.output);
}
