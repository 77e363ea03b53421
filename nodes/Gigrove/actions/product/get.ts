import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyFields } from '../../../shared/fields';
import { simplifiedIfWanted } from '../../../shared/simplify';
import { SIMPLE_PRODUCT, gigroveObject } from '../../transport';
import { productIdField } from '../fields';
import { readId } from '../schema';

// https://gigrove.com/api-docs/ "Get a single product": GET products/{id}/

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'get',
	options: [
		{
			name: 'Get',
			value: 'get',
			description:
				'Get one product by its ID. Returns the product; Simplify keeps the fields a merchant uses (name, SKU, prices, stock, categories).',
			action: 'Get a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [productIdField, ...simplifyFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, productIdField, itemIndex);
	const product = await gigroveObject(
		this,
		{ method: 'GET', path: `products/${id}/`, subject: `product ${id}` },
		itemIndex,
	);
	return simplifiedIfWanted(this, itemIndex, SIMPLE_PRODUCT, product);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
