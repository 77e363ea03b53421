import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readBatchSize } from '../../../shared/batch';
import { optionsCollection, simplifyFields } from '../../../shared/fields';
import { simplifiedIfWanted } from '../../../shared/simplify';
import { labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { listAction } from '../../transport';
import { dataModeFields, forFieldsMode, readJsonData } from '../dataMode';
import { apiIdList, idListField, idListPaths } from '../ids';
import { exportBatchOption } from './fields';
import { SIMPLE_PRODUCT, exportProducts } from './productsById';

// https://www.valigara.com/docs/api/products-actions/ "Products Export": several products in one
// call. The docs' data example is not public: the IDs are sent as `product_id: [..]`.
const action = ACTIONS.product.exportMany;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'exportMany',
	options: [
		{
			name: 'Export Many',
			value: 'exportMany',
			description:
				'Get the full records of several products whose IDs are in one field, in batches (Options › Products Per Request). Returns one item per product found; Simplify keeps the fields a merchant uses.',
			action: 'Export many products',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([idListField('Product IDs', 'productIds', 'The products to export')]),
	...simplifyFields,
	// with Using JSON, the data goes as written, in one call
	optionsCollection([
		{ ...exportBatchOption, displayOptions: { show: { '/dataMode': ['fields'] } } },
	]),
];

const schema = z.object({ product_id: apiIdList() });
const labels = labelsByApiPath(properties, idListPaths('product_id', 'productIds'));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const mode = this.getNodeParameter('dataMode', itemIndex) as string;
	if (mode === 'json') {
		const data = readJsonData(this, itemIndex, true);
		return simplifiedIfWanted(
			this,
			itemIndex,
			SIMPLE_PRODUCT,
			await listAction(this, action, data, itemIndex, 'product_id'),
		);
	}
	const { product_id: ids } = validate(
		this.getNode(),
		schema,
		{ product_id: this.getNodeParameter('productIds', itemIndex) },
		itemIndex,
		labels,
	);
	const products = await exportProducts(
		this,
		ids,
		readBatchSize(this, exportBatchOption, itemIndex),
		itemIndex,
	);
	return simplifiedIfWanted(this, itemIndex, SIMPLE_PRODUCT, products);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
