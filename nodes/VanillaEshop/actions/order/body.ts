import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, validate } from '../../../shared/validation';
import { idOf, moveOptionalLists, readJsonBody, readRequiredList } from '../body';
import { addressName, productsSpec, promotionsSpec, totalsSpec } from './properties';
import type { AddressKind } from './properties';
import { orderLabels, orderSchema } from './schema';

// The order as the API takes it, from the fields (properties.ts) or the JSON, checked by schema.ts.

/** The address as the API's flat keys: `payment_city`, `shipping_telephone`, … */
function readAddress(
	context: IExecuteFunctions,
	kind: AddressKind,
	itemIndex: number,
): IDataObject {
	const address = (context.getNodeParameter(`${addressName(kind)}.address`, itemIndex, {}) ??
		{}) as IDataObject;
	return compact(
		Object.fromEntries(Object.entries(address).map(([key, value]) => [`${kind}_${key}`, value])),
	);
}

export function readAddresses(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		...readAddress(context, 'payment', itemIndex),
		...readAddress(context, 'shipping', itemIndex),
	};
}

function orderFromFields(
	context: IExecuteFunctions,
	operation: 'create' | 'update',
	itemIndex: number,
) {
	const parameter = (name: string) => context.getNodeParameter(name, itemIndex) as unknown;
	const extra = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		...(operation === 'create' ? { order_id: parameter('order_id') } : {}),
		store_id: parameter('store_id'),
		firstname: parameter('firstname'),
		lastname: parameter('lastname'),
		email: parameter('email'),
		telephone: parameter('telephone'),
		...readAddresses(context, itemIndex),
		shipping_code: parameter('shipping_code'),
		payment_code: parameter('payment_code'),
		order_status_code: parameter('order_status_code'),
		is_gift: parameter('is_gift'),
		is_mobile_order: parameter('is_mobile_order'),
		language: parameter('language'),
		...moveOptionalLists(
			context.getNode(),
			compact(extra),
			[{ spec: promotionsSpec, toApi: idOf }],
			itemIndex,
		),
		products: readRequiredList(context, { spec: productsSpec }, itemIndex),
		totals: readRequiredList(context, { spec: totalsSpec }, itemIndex),
	};
}

/** The order body of Create or Update, checked against the doc's rules. */
export function readOrder(
	context: IExecuteFunctions,
	operation: 'create' | 'update',
	itemIndex: number,
): IDataObject {
	const order =
		context.getNodeParameter('inputMode', itemIndex) === 'json'
			? readJsonBody(context, orderLabels.bodyJson, itemIndex)
			: orderFromFields(context, operation, itemIndex);
	return validate(
		context.getNode(),
		orderSchema(operation),
		order,
		itemIndex,
		orderLabels,
	) as IDataObject;
}

/** Options › User ID of a history entry (historyOptions), when given. */
export function readHistoryOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return compact(context.getNodeParameter('options', itemIndex, {}) as IDataObject);
}
