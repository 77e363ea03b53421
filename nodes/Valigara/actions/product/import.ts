import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { productFromFields, productPaths } from './body';
import { productFieldOptions, productListProperties } from './fields';
import { productShape } from './schema';

// https://www.valigara.com/docs/api/products-actions/ "Product Import": `data` is mandatory.
const action = ACTIONS.product.import;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'import',
	options: [
		{
			name: 'Import',
			value: 'import',
			description:
				'Add a product from its fields (title, type, price, metals, gemstones, images…) or from JSON. Returns Valigara’s reply data, or success: true.',
			action: 'Import a product',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		{
			displayName: 'Product Fields',
			name: 'productFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: productFieldOptions,
		},
		...productListProperties,
	]),
];

const schema = z
	.object(productShape)
	.passthrough()
	.refine((product) => Object.keys(product).length > 0, 'must hold at least one field');

const labels = labelsByApiPath(properties, productPaths('productFields'));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(
			this.getNode(),
			schema,
			productFromFields(this, itemIndex, 'productFields'),
			itemIndex,
			labels,
		),
	);
	return await changeAction(this, action, data, itemIndex);
}
