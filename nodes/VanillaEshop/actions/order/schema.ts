import { z } from 'zod';

import {
	emailAddress,
	labelsOf,
	oneOf,
	optionalText,
	requiredId,
	requiredText,
} from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { bodyLabels } from '../labels';
import { atLeast, country, flag, number } from '../rules';
import {
	GIFT_CODES,
	LANGUAGES,
	ORDER_STATUSES,
	PAYMENT_METHODS,
	SHIPPING_METHODS,
	TOTAL_CODES,
	addressFields,
	addressName,
	addressProperty,
	orderProperties,
} from './properties';
import type { AddressKind } from './properties';

// The doc's rules for an order body (Create, Update) and its addresses (also Update Address).

/** An address as the API's flat keys: `payment_city`, `shipping_telephone`, … */
function addressShape(kind: AddressKind): z.ZodRawShape {
	return Object.fromEntries(
		addressFields(kind).map((field) => {
			const rule =
				field.key === 'country_id' ? country : field.required ? requiredText() : optionalText();
			return [`${kind}_${field.key}`, rule];
		}),
	);
}

/** The address's fields by their flat key (`payment_city`), labelled as the panel shows them ("Payment Address › City"). */
function addressLabels(kind: AddressKind): FieldLabels {
	const prefix = `${addressName(kind)}.address.`;
	return Object.fromEntries(
		Object.entries(labelsOf([addressProperty(kind)]))
			.filter(([path]) => path.startsWith(prefix))
			.map(([path, label]) => [`${kind}_${path.slice(prefix.length)}`, label]),
	);
}

export const addressSchema = z.object({ ...addressShape('payment'), ...addressShape('shipping') });
export const addressFieldLabels: FieldLabels = {
	...addressLabels('payment'),
	...addressLabels('shipping'),
};

const orderProductSchema = z
	.object({
		sku: requiredId(),
		name: requiredText(),
		quantity: atLeast(1),
		price: atLeast(0),
		cost: atLeast(0),
		total: atLeast(0),
		tax: atLeast(0),
	})
	.passthrough();

const totalSchema = z
	.object({ code: oneOf(TOTAL_CODES), title: requiredText(), value: number })
	.passthrough();

export const orderSchema = (operation: 'create' | 'update') =>
	z
		.object({
			...(operation === 'create' ? { order_id: atLeast(500000) } : {}),
			store_id: number,
			customer_id: optionalText(),
			customer_group_id: optionalText(),
			firstname: requiredText(),
			lastname: requiredText(),
			email: emailAddress(),
			telephone: requiredText(),
			fax: optionalText(),
			...addressShape('payment'),
			...addressShape('shipping'),
			shipping_code: oneOf(SHIPPING_METHODS),
			payment_code: oneOf(PAYMENT_METHODS),
			coupon: optionalText(),
			order_status_code: oneOf(ORDER_STATUSES),
			is_gift: flag,
			gift_code: oneOf(GIFT_CODES).optional(),
			is_mobile_order: flag,
			comment: optionalText(),
			language: oneOf(LANGUAGES),
			forwarded_ip: optionalText(),
			ip: optionalText(),
			user_agent: optionalText(),
			accept_language: optionalText(),
			promotions: z.array(requiredText()).optional(),
			products: z.array(orderProductSchema).min(1, 'must have at least 1 product'),
			totals: z
				.array(totalSchema)
				.min(3, 'must have at least 3 lines, such as sub-total, shipping and total'),
		})
		.passthrough();

/** Every order field by its path in the body, labelled as the panel shows it (Create shows them all). */
export const orderLabels: FieldLabels = {
	...bodyLabels(orderProperties('create')),
	...addressFieldLabels,
};
