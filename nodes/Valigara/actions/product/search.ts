import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readBatchSize } from '../../../shared/batch';
import { inputError } from '../../../shared/errors';
import { listFields, optionsCollection } from '../../../shared/fields';
import { labelsByApiPath, optionalText, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { listOptions } from '../listOptions';
import { readSearch } from '../readList';
import { otherFieldsProperty, readOtherFields } from '../otherFields';
import { exportBatchOption } from './fields';
import { exportProducts } from './productsById';

// https://www.valigara.com/docs/api/products-actions/ "Product Search": `data` (the filter) is
// optional; the reply lists product IDs ("returned product ids 1,2,3"); no paging is documented (../../lists.ts).
const action = ACTIONS.product.search;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'search',
	options: [
		{
			name: 'Search',
			value: 'search',
			description:
				'Find products by SKU, title, type, collection, model or other fields; without filters, every product. Returns one item per product ID, or full records with Return Full Records; Return All or Limit sets how many.',
			action: 'Search products',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action, 'optional', 'every product is found'),
	...forFieldsMode([
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Without filters, every product is found',
			options: [
				{ displayName: 'Collection', name: 'collection', type: 'string', default: '' },
				{
					displayName: 'Model',
					name: 'model',
					type: 'string',
					default: '',
					description: 'The model code',
				},
				{
					displayName: 'SKU',
					name: 'sku',
					type: 'string',
					default: '',
					description: 'The catalog code',
				},
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				{
					displayName: 'Type',
					name: 'type',
					type: 'string',
					default: '',
					placeholder: 'e.g. Ring',
				},
			],
		},
		otherFieldsProperty('getProductFields', 'Other Filters'),
	]),
	...listFields(100_000),
	optionsCollection([
		{
			displayName: 'Return Full Records',
			name: 'returnFullRecords',
			type: 'boolean',
			default: false,
			description:
				'Whether to return each product’s full record (through products_export, in batches) instead of its ID only',
		},
		exportBatchOption,
		...listOptions(),
	]),
];

const filterSchema = z.record(optionalText());
const labels = labelsByApiPath(properties, { '': 'filters' });

function filtersFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const other = readOtherFields(context, itemIndex, filters);
	if (Object.keys(filters).length + Object.keys(other).length === 0) return undefined;
	return { ...validate(context.getNode(), filterSchema, filters, itemIndex, labels), ...other };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const filters = readData(this, itemIndex, () => filtersFromFields(this, itemIndex), 'optional');
	const found = await readSearch(this, itemIndex, action, 'product_id', filters);
	if (options.returnFullRecords !== true || found.length === 0) return found;

	const ids = found.map((record) => record.product_id ?? record.id);
	if (ids.some((id) => typeof id !== 'string' && typeof id !== 'number')) {
		throw inputError(this.getNode(), 'Valigara’s search reply holds no product IDs to export', {
			itemIndex,
			description: 'Turn off "Return Full Records" to see the reply as it is.',
		});
	}
	return await exportProducts(
		this,
		ids as Array<string | number>,
		readBatchSize(this, exportBatchOption, itemIndex),
		itemIndex,
	);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
