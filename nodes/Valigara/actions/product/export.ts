import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { valigaraRequest } from '../../transport';
import { apiId, dataModeFields, forFieldsMode, readData, recordsOf } from '../common';

// https://www.valigara.com/docs/api/products-actions/ "Product Export": one product's full record.
const action = ACTIONS.product.export;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'export',
	options: [
		{
			name: 'Export',
			value: 'export',
			description: 'Get one product’s full record',
			action: 'Export a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([{ displayName: 'Product ID', name: 'productId', type: 'string', required: true, default: '' }]),
];

const schema = z.object({ product_id: apiId() });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const data = readData(this, itemIndex, () =>
		validate(this.getNode(), schema, { product_id: this.getNodeParameter('productId', itemIndex) }, itemIndex, {
			product_id: 'Product ID',
		}),
	);
	return recordsOf(await valigaraRequest(this, action, data, itemIndex), 'product_id');
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
