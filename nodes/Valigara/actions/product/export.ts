import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';
import { z } from 'zod';

import { readBatchSize } from '../../../shared/batch';
import { serviceError } from '../../../shared/errors';
import { optionsCollection, simplifyFields } from '../../../shared/fields';
import {
	asNodeError,
	errorItem,
	pairedItems,
	READ_CEILING,
	runPerItem,
} from '../../../shared/items';
import { readLocatorValue } from '../../../shared/locator';
import { checkOutputChoice, simplifiedIfWanted } from '../../../shared/simplify';
import { labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { productIdField } from '../../locators';
import { listAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiId } from '../ids';
import { exportBatchOption } from './fields';
import { SIMPLE_PRODUCT, productsById } from './productsById';

// https://www.valigara.com/docs/api/products-actions/ "Product Export": one product's full record.
// Many items at once go through "Products Export" (several products in one call), one output item
// per input item all the same.
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
			description:
				'Get one product’s full record by its ID; several input items are read together, in batches. Returns one item per input item; Simplify keeps the fields a merchant uses.',
			action: 'Export a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([productIdField]),
	...simplifyFields,
	optionsCollection([
		{
			...exportBatchOption,
			description:
				'With several input items, how many products go into one products_export call (one output item per input item all the same)',
			displayOptions: { show: { '/dataMode': ['fields'] } },
		},
	]),
];

const schema = z.object({ product_id: apiId() });
const labels = labelsByApiPath(properties, { product_id: 'productId' });

function readProductId(context: IExecuteFunctions, itemIndex: number): string | number {
	return validate(
		context.getNode(),
		schema,
		{ product_id: readLocatorValue(context, productIdField, itemIndex) },
		itemIndex,
		labels,
	).product_id;
}

/** One item alone, as the docs show it: product_export (or its `data` as written, in JSON). */
async function exportOne(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	checkOutputChoice(context, itemIndex);
	const data = readData(context, itemIndex, () => ({
		product_id: readProductId(context, itemIndex),
	}));
	const records = await listAction(context, action, data, itemIndex, 'product_id');
	return simplifiedIfWanted(context, itemIndex, SIMPLE_PRODUCT, records);
}

/**
 * One item: product_export. Several, all with a Product ID: their IDs go to products_export in
 * calls of Products Per Request (a run of 1 000 items takes 10 requests, not 1 000), and each item
 * gets its product's record, or its own error for an ID Valigara did not return.
 */
export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const count = this.getInputData().length;
	const usesJson = Array.from(
		{ length: count },
		(_, itemIndex) => this.getNodeParameter('dataMode', itemIndex, 'fields') === 'json',
	);
	if (count === 1 || usesJson.some(Boolean)) {
		return await runPerItem(this, async (itemIndex) => await exportOne(this, itemIndex), {
			concurrency: READ_CEILING,
		});
	}
	const outputs: INodeExecutionData[][] = new Array(count);
	const ids = new Map<number, string | number>();
	const fail = (itemIndex: number, error: unknown) => {
		const nodeError = asNodeError(this, error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		outputs[itemIndex] = [errorItem(nodeError, itemIndex)];
	};
	// every ID checked before the first request, as bulk operations do
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			checkOutputChoice(this, itemIndex);
			ids.set(itemIndex, readProductId(this, itemIndex));
		} catch (error) {
			fail(itemIndex, error);
		}
	}
	// without continue on fail, the first failed call stops the run (its error names its first item)
	const asked = [...ids.keys()];
	const found = await productsById(
		this,
		[...ids.values()],
		readBatchSize(this, exportBatchOption),
		asked[0],
		!this.continueOnFail(),
	);
	asked.forEach((itemIndex, place) => {
		const record = found.records[place];
		if (record)
			outputs[itemIndex] = pairedItems(
				simplifiedIfWanted(this, itemIndex, SIMPLE_PRODUCT, record),
				itemIndex,
			);
		else
			fail(itemIndex, found.failures[place] ?? notReturned(this, ids.get(itemIndex)!, itemIndex));
	});
	return outputs.flat();
}

function notReturned(
	context: IExecuteFunctions,
	id: string | number,
	itemIndex: number,
): NodeApiError {
	return serviceError(
		context.getNode(),
		{
			message: `Valigara sent no record for product ${id}`,
			description:
				'products_export answered for the other products of the call but not for this one: check that the product exists.',
		},
		{ itemIndex, secrets: [] },
	);
}
