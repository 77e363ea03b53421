import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, validate } from '../../../shared/validation';
import { idOf, moveOptionalLists, nestTranslations, readId, readJsonBody, rowsOf } from '../body';
import type { ListReading } from '../body';
import {
	attributeSpec,
	categoriesSpec,
	filtersSpec,
	mainFields,
	optionSpec,
	productEntityIdField,
	productSkuField,
	relatedSpec,
	shippingCountriesSpec,
	specialSpec,
} from './properties';
import type { ProductOperation } from './properties';
import { productLabels, productSchema } from './schema';

// The product as the API takes it, from the fields (properties.ts) or the JSON, checked by schema.ts.

/** How each list's rows are sent. */
const LISTS: ListReading[] = [
	{ spec: attributeSpec, toApi: (row) => nestTranslations(compact(row)) },
	{
		spec: optionSpec,
		toApi: (row) => ({ ...compact(row), values: rowsOf(row.values, 'value').map(compact) }),
	},
	{ spec: specialSpec },
	...[categoriesSpec, filtersSpec, relatedSpec, shippingCountriesSpec].map((spec) => ({
		spec,
		toApi: idOf,
	})),
];

function productFromFields(
	context: IExecuteFunctions,
	operation: ProductOperation,
	itemIndex: number,
): IDataObject {
	const main = Object.fromEntries(
		mainFields(operation).map((field) => [
			field.name,
			context.getNodeParameter(field.name, itemIndex),
		]),
	) as IDataObject;
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const lists = moveOptionalLists(context.getNode(), compact(extra), LISTS, itemIndex);
	return nestTranslations(compact({ ...main, ...lists }));
}

/** One product as the API takes it, checked against the doc's rules. */
export function readProduct(
	context: IExecuteFunctions,
	operation: ProductOperation,
	itemIndex: number,
): IDataObject {
	const product =
		context.getNodeParameter('inputMode', itemIndex) === 'json'
			? readJsonBody(context, productLabels.bodyJson, itemIndex)
			: productFromFields(context, operation, itemIndex);
	const schema = productSchema(operation, context.getTimezone());
	return validate(context.getNode(), schema, product, itemIndex, productLabels) as IDataObject;
}

export interface ProductKey {
	/** what goes in the path */
	value: string;
	/** `product with SKU RING-1`: what the request is about (ApiRequest.subject) */
	subject: string;
	/** what the output says was acted on */
	output: IDataObject;
}

/** The product a path names, by its SKU or its Magento entity ID (productKeyProperties). */
export function readProductKey(context: IExecuteFunctions, itemIndex: number): ProductKey {
	const bySku = context.getNodeParameter('productKey', itemIndex) === 'sku';
	const value = readId(context, bySku ? productSkuField : productEntityIdField, itemIndex);
	return bySku
		? { value, subject: `product with SKU ${value}`, output: { sku: value } }
		: { value, subject: `product with Magento entity ID ${value}`, output: { entity_id: value } };
}
