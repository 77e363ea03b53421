import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { gemstonePaths, withValigaraColor } from '../gemstone/body';
import { readOtherFields } from '../otherFields';
import { readRows } from '../rows';

// A product's fields as the user filled them in (./fields.ts) → the product in Valigara's names.

/** Zero weight or carat is the untouched default of a number field: not a value to send. */
function withoutZero(row: IDataObject, key: string): IDataObject {
	const { [key]: value, ...rest } = row;
	return value === 0 ? rest : row;
}

/**
 * The product fields the user filled in, in the API's names. Lists are only sent when they hold
 * entries: an empty list would erase the stored one on update.
 */
export function productFromFields(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: string,
): IDataObject {
	const product: IDataObject = {
		...(context.getNodeParameter(collection, itemIndex, {}) as IDataObject),
	};
	const metals = readRows(context, 'metals.metal', itemIndex);
	if (metals) product.metals = metals.map((row) => withoutZero(row, 'weight'));
	const gemstones = readRows(context, 'gemstones.gemstone', itemIndex);
	if (gemstones)
		product.gemstones = gemstones.map((row) => withoutZero(withValigaraColor(row), 'carat'));
	const images = readRows(context, 'images.image', itemIndex);
	if (images) product.images = images.map((row) => row.url as string);
	return { ...product, ...readOtherFields(context, itemIndex, product) };
}

/** Where each key of the product is read from, for labelsByApiPath: `collection` is sent flat. */
export function productPaths(collection: string): Record<string, string> {
	return {
		'': collection,
		'metals.*': 'metals.metal',
		...gemstonePaths('gemstones.*', 'gemstones.gemstone'),
		'images.*': 'images.image.url',
	};
}
