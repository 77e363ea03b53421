import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';
import {
	bodyModeProperty,
	idListSpec,
	listCollection,
	listJson,
	requiredList,
} from '../properties';
import type { ListSpec } from '../properties';

// Doc: Order › Create Order / Update Order / Update Order address. Enums are the doc's own lists.

const options = (pairs: Array<[string, string]>): INodePropertyOptions[] =>
	pairs.map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));

export const ORDER_STATUSES = options([
	['Canceled', 'canceled'],
	['Complete', 'complete'],
	['Suspected Fraud', 'fraud'],
	['On Hold', 'holded'],
	['Payment Review', 'payment_review'],
	['PayPal Canceled Reversal', 'paypal_canceled_reversal'],
	['PayPal Reversed', 'paypal_reversed'],
	['Pending', 'pending'],
	['Pending Mobile Confirmation', 'pending_mobile_confirm'],
	['Pending Payment', 'pending_payment'],
	['Pending PayPal', 'pending_paypal'],
	['Processing', 'processing'],
	['Processing in Warehouse', 'processing_warehouse'],
	['Ready to Ship', 'ready_to_ship'],
	['Shipped', 'shipped'],
	['Under Review', 'under_review'],
]);

export const SHIPPING_METHODS = options([
	['Flat Rate (flat.flat)', 'flat.flat'],
	['Flat Rate 2 (flat2.flat2)', 'flat2.flat2'],
	['Flat Rate 3 (flat3.flat3)', 'flat3.flat3'],
	['Free Shipping (free.free)', 'free.free'],
	['Returns (returns.returns)', 'returns.returns'],
]);

export const PAYMENT_METHODS = options([
	['Bank Transfer (bank_transfer)', 'bank_transfer'],
	['Cash on Delivery (cod)', 'cod'],
	['Cash on Delivery 3 (cod3)', 'cod3'],
	['Free Checkout (free_checkout)', 'free_checkout'],
	['Payfort (payfort_fort)', 'payfort_fort'],
]);

export const TOTAL_CODES = options([
	['Bundle', 'bundle'],
	['Cash on Delivery Fee (cod)', 'cod'],
	['Cash on Delivery Fee 3 (cod3)', 'cod3'],
	['Coupon', 'coupon'],
	['Credit', 'credit'],
	['Gift', 'gift'],
	['Payfort Charges', 'payfort_fort_charges'],
	['SADAD Charges', 'sadad_charges'],
	['Shipping', 'shipping'],
	['Sub-Total', 'sub_total'],
	['Tax', 'tax'],
	['Total', 'total'],
	['Voucher', 'voucher'],
]);

export const GIFT_CODES = options(
	Array.from({ length: 10 }, (_, n): [string, string] => [`G${n}`, `G${n}`]),
);

export const LANGUAGES = options([
	['Arabic', 'ar'],
	['English', 'en'],
]);

// Addresses

export type AddressKind = 'payment' | 'shipping';

interface AddressField {
	key: string;
	label: string;
	required: boolean;
	description?: string;
}

// The doc's address fields, the same for payment and shipping; shipping adds a telephone.
const ADDRESS_FIELDS: AddressField[] = [
	{ key: 'firstname', label: 'First Name', required: true },
	{ key: 'lastname', label: 'Last Name', required: false },
	{ key: 'address_1', label: 'Address Line 1', required: true },
	{ key: 'address_2', label: 'Address Line 2', required: true, description: 'Required by the API' },
	{ key: 'city', label: 'City', required: true },
	{ key: 'postcode', label: 'Postcode', required: false },
	{
		key: 'country_id',
		label: 'Country Code',
		required: true,
		description: 'Two letters (ISO 3166-1), e.g. SA',
	},
	{
		key: 'zone_id',
		label: 'Zone Code',
		required: true,
		description: 'The region’s code as the store knows it',
	},
	{ key: 'address_lat', label: 'Latitude', required: false },
	{ key: 'address_lng', label: 'Longitude', required: false },
];

export const addressFields = (kind: AddressKind) =>
	kind === 'shipping'
		? [...ADDRESS_FIELDS, { key: 'telephone', label: 'Telephone', required: true }]
		: ADDRESS_FIELDS;

export const addressName = (kind: AddressKind) => `${kind}Address`;
const addressLabel = (kind: AddressKind) =>
	kind === 'payment' ? 'Payment Address' : 'Shipping Address';

export function addressProperty(kind: AddressKind): INodeProperties {
	return {
		displayName: addressLabel(kind),
		name: addressName(kind),
		type: 'fixedCollection',
		placeholder: `Add ${addressLabel(kind)}`,
		default: {},
		required: true,
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: addressFields(kind).map((field) => ({
					displayName: field.label,
					name: field.key,
					type: 'string',
					default: '',
					required: field.required,
					description: field.description,
				})),
			},
		],
	};
}

export const addressProperties = [addressProperty('payment'), addressProperty('shipping')];

// Products, totals, promotions

export const productsSpec: ListSpec = {
	key: 'products',
	displayName: 'Products',
	row: { key: 'product', displayName: 'Product' },
	description:
		'The order lines. On Update they replace the order’s lines: send them all, lines left out are removed.',
	example:
		'[{"sku": "RING-1", "name": "Ring", "quantity": 1, "price": 50, "cost": 20, "total": 50, "tax": 0}]',
	fields: [
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
			required: true,
			description: 'Magento’s SKU of the product; for a configurable product, the chosen option’s',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
		},
		{
			displayName: 'Unit Price',
			name: 'price',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
		},
		{ displayName: 'Cost', name: 'cost', type: 'number', default: 0, typeOptions: { minValue: 0 } },
		{
			displayName: 'Line Total',
			name: 'total',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
		},
		{ displayName: 'Tax', name: 'tax', type: 'number', default: 0, typeOptions: { minValue: 0 } },
	],
};

export const totalsSpec: ListSpec = {
	key: 'totals',
	displayName: 'Totals',
	row: { key: 'total', displayName: 'Total' },
	description:
		'At least three lines, such as sub-total, shipping and total. On Update they replace the order’s totals.',
	example: '[{"code": "sub_total", "title": "Sub-Total", "value": 50}, …]',
	fields: [
		{
			displayName: 'Code',
			name: 'code',
			type: 'options',
			options: TOTAL_CODES,
			default: 'sub_total',
		},
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
		{ displayName: 'Value', name: 'value', type: 'number', default: 0 },
	],
};

export const promotionsSpec = idListSpec(
	'promotions',
	'Promotions',
	'Promotion ID',
	'Promotions applied to the order.',
);

// The order body

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 500123',
	description:
		'The order’s ID in Vanilla eShop (order_id); for an order created with this node, the Order ID given to Create',
};

const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{ displayName: 'Accept Language', name: 'accept_language', type: 'string', default: '' },
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
		},
		{ displayName: 'Coupon', name: 'coupon', type: 'string', default: '' },
		{ displayName: 'Customer Group ID', name: 'customer_group_id', type: 'string', default: '' },
		{
			displayName: 'Customer ID',
			name: 'customer_id',
			type: 'string',
			default: '',
			description: 'Leave empty for a guest order',
		},
		{ displayName: 'Fax', name: 'fax', type: 'string', default: '' },
		{ displayName: 'Forwarded IP', name: 'forwarded_ip', type: 'string', default: '' },
		{
			displayName: 'Gift Code',
			name: 'gift_code',
			type: 'options',
			options: GIFT_CODES,
			default: 'G0',
		},
		{
			displayName: 'IP',
			name: 'ip',
			type: 'string',
			default: '',
			description: 'The customer’s IP address',
		},
		listCollection(promotionsSpec),
		listJson(promotionsSpec),
		{ displayName: 'User Agent', name: 'user_agent', type: 'string', default: '' },
	],
};

/** Create's and Update's fields; Create also asks for the new order's ID. */
export function orderProperties(operation: 'create' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] = [
		...(operation === 'create'
			? [
					{
						...orderIdField,
						name: 'order_id',
						description: 'Your number for the new order: 500000 or more',
					},
				]
			: []),
		{
			displayName: 'Store ID',
			name: 'store_id',
			type: 'number',
			required: true,
			default: 0,
			description: '0 is the default store',
		},
		{ displayName: 'First Name', name: 'firstname', type: 'string', required: true, default: '' },
		{ displayName: 'Last Name', name: 'lastname', type: 'string', required: true, default: '' },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
		},
		{ displayName: 'Telephone', name: 'telephone', type: 'string', required: true, default: '' },
		...addressProperties,
		{
			displayName: 'Shipping Method',
			name: 'shipping_code',
			type: 'options',
			options: SHIPPING_METHODS,
			default: 'flat.flat',
		},
		{
			displayName: 'Payment Method',
			name: 'payment_code',
			type: 'options',
			options: PAYMENT_METHODS,
			default: 'cod',
		},
		{
			displayName: 'Order Status',
			name: 'order_status_code',
			type: 'options',
			options: ORDER_STATUSES,
			default: 'pending',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: LANGUAGES,
			default: 'ar',
		},
		{
			displayName: 'Is Gift',
			name: 'is_gift',
			type: 'boolean',
			default: false,
			description: 'Whether the order is a gift',
		},
		{
			displayName: 'Is Mobile Order',
			name: 'is_mobile_order',
			type: 'boolean',
			default: false,
			description: 'Whether the order was placed from the mobile app',
		},
		...requiredList(productsSpec),
		...requiredList(totalsSpec),
		additionalFields,
	];
	return [
		...(operation === 'update' ? [orderIdField] : []),
		...bodyModeProperty('Order', '{\n  "order_id": 500001,\n  "products": [],\n  "totals": []\n}'),
		...updateDisplayOptions({ show: { inputMode: ['fields'] } }, fields),
	];
}

// Change Status and Add Comment both write an order history row; user_id is optional on both.
export const historyOptions: INodeProperties = optionsCollection([
	{
		displayName: 'User ID',
		name: 'user_id',
		type: 'string',
		default: '',
		description: 'The back-office user the history entry is recorded for',
	},
]);
