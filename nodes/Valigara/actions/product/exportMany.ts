import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readBatchSize } from '../../../shared/batch';
import { addHint } from '../../../shared/hints';
import { validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { valigaraRequest } from '../../transport';
import { apiIdList, dataModeFields, forFieldsMode, idListField, idListLabels, readJsonData, recordsOf } from '../common';
import { productsById } from './productsById';

// https://www.valigara.com/docs/api/products-actions/ "Products Export": several products in one
// call. The docs' data example is not public: the IDs are sent as `product_id: [..]`.
const action = ACTIONS.product.exportMany;

export const DEFAULT_EXPORT_BATCH = 100;

/** "Products Per Request", for every operation that exports products in batches. */
export const exportBatchOption: INodeProperties = {
	displayName: 'Products Per Request',
	name: 'exportBatchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: DEFAULT_EXPORT_BATCH,
	description: 'How many product IDs go into one products_export call',
};

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
			description: 'Get the full records of several products',
			action: 'Export many products',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([idListField('Product IDs', 'productIds', 'The products to export')]),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		// with Using JSON, the data goes as written, in one call
		options: [{ ...exportBatchOption, displayOptions: { show: { '/dataMode': ['fields'] } } }],
	},
];

/**
 * Full product records for a list of IDs, in that order (./productsById.ts: calls of `batchSize`,
 * replies that may have been cut asked again); IDs Valigara did not return are said in a hint.
 */
export async function exportProducts(
	context: IExecuteFunctions,
	ids: Array<string | number>,
	batchSize: number,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { records, failures } = await productsById(context, ids, batchSize, itemIndex);
	const missing = ids.flatMap((id, place) => (records[place] ? [] : [failures[place] ? `${id} (${failures[place]!.message})` : String(id)]));
	if (missing.length) {
		addHint(context, `Valigara sent no record for ${missing.length === 1 ? 'product' : 'products'} ${missing.join(', ')}.`, itemIndex);
	}
	return records.filter((record): record is IDataObject => record !== undefined);
}

const schema = z.object({ product_id: apiIdList() });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const mode = this.getNodeParameter('dataMode', itemIndex) as string;
	if (mode === 'json') {
		const data = readJsonData(this, itemIndex, true);
		return recordsOf(await valigaraRequest(this, action, data, itemIndex), 'product_id');
	}
	const { product_id: ids } = validate(
		this.getNode(),
		schema,
		{ product_id: this.getNodeParameter('productIds', itemIndex) },
		itemIndex,
		idListLabels('product_id', 'Product IDs'),
	);
	return await exportProducts(this, ids, readBatchSize(this, exportBatchOption, itemIndex), itemIndex);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
