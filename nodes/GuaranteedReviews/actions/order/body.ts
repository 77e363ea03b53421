import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatDateTime } from '../../../shared/dates';
import { inputError } from '../../../shared/errors';
import {
	compact,
	isRecord,
	labelsOf,
	readJsonParameter,
	validate,
} from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { orderProperties } from './fields';
import { orderSchema } from './schema';
import type { Order } from './schema';

/** The API's name of each order field the node names otherwise; the others are sent under their own names. */
const API_NAMES: Record<string, string> = {
	orderId: 'id_order',
	orderDate: 'order_date',
	firstName: 'firstname',
	lastName: 'lastname',
	email: 'email',
};

/**
 * A parameter path as the order's API path: Additional Fields are fields of the order, a product
 * row (`products.product.name`) is any entry of the list (`products.*.name`).
 */
function apiPath(path: string): string {
	const [first, ...rest] = path.split('.');
	if (first === 'additionalFields' && rest.length) return rest.join('.');
	if (first === 'products' && rest.length) return ['products', '*', ...rest.slice(1)].join('.');
	return API_NAMES[path] ?? path;
}

/** Labels by API path, from the node's properties (JSON mode's orders are named as the fields are). */
const labels: FieldLabels = Object.fromEntries(
	Object.entries(labelsOf(orderProperties)).map(([path, label]) => [apiPath(path), label]),
);
labels['products.*'] = labels.products;

function readPath(json: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], json);
}

function productsFrom(context: IExecuteFunctions, itemIndex: number): unknown {
	const source = context.getNodeParameter('productsSource', itemIndex) as string;
	if (source === 'none') return undefined;
	if (source === 'inputField') {
		const field = context.getNodeParameter('productsField', itemIndex) as string;
		const value = readPath(context.getInputData()[itemIndex].json, field);
		if (!Array.isArray(value)) {
			throw inputError(
				context.getNode(),
				`The input field "${field}" does not hold a list of products`,
				{
					itemIndex,
					description:
						'Point "Input Field With Products" at a list such as [{"id": 1, "name": "Ring"}], or define the products in the node.',
				},
			);
		}
		return value;
	}
	const rows = (context.getNodeParameter('products.product', itemIndex, []) as IDataObject[]) ?? [];
	return rows.map(compact);
}

function orderFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const order: IDataObject = {};
	for (const [field, apiName] of Object.entries(API_NAMES))
		order[apiName] = context.getNodeParameter(field, itemIndex) as string;
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { sendPhone, phone, store_id, ...rest } = additional;
	return compact({
		...order,
		...rest,
		...(store_id ? { store_id } : {}),
		...(sendPhone ? { phone } : {}),
		products: productsFrom(context, itemIndex) as IDataObject[],
	});
}

/** The item's order, from the fields or the Order JSON, in the API's names and checked. */
export function readOrder(context: IExecuteFunctions, itemIndex: number): Order {
	const mode = context.getNodeParameter('inputMode', itemIndex) as string;
	const raw =
		mode === 'json'
			? readJsonParameter(context, 'orderJson', itemIndex, labels.orderJson)
			: orderFromFields(context, itemIndex);
	if (!isRecord(raw)) {
		throw inputError(context.getNode(), `"${labels.orderJson}" must be one order object`, {
			itemIndex,
		});
	}
	const order = { ...raw };
	// Any n8n date (ISO text, a Luxon DateTime from an expression, a timestamp) becomes wall-clock time.
	order.order_date = formatDateTime(order.order_date, context.getTimezone()) ?? order.order_date;
	return validate(context.getNode(), orderSchema, order, itemIndex, labels);
}
