import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readBatchSize, runEachAlone, runInBatches } from '../../../shared/batch';
import { formatDateTime } from '../../../shared/dates';
import { inputError } from '../../../shared/errors';
import { NOT_FINITE, emailAddress, readJsonParameter, requiredId, typeOf, validate } from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { ALREADY_SENT, apiRequest } from '../../transport';

/** Exact mode: one order per request, at most this many at once (the run's adaptive limit grows to it). */
const EXACT_AT_ONCE = 5;

// https://www.guaranteed-reviews.com/settings/private-api-orders/

/** How exact each order's result is, and what it costs (see results() and the README). */
const resultPerOrderOption: INodeProperties = {
	displayName: 'Result Per Order',
	name: 'resultPerOrder',
	type: 'options',
	options: [
		{
			name: 'Counted Per Request',
			value: 'counted',
			description:
				'Orders Per Request orders in one request. The service only counts: when some of a request’s orders are taken and others not, none of them gets an exact result.',
		},
		{
			name: 'Exact (One Order Per Request)',
			value: 'exact',
			description: `One request per order, up to ${EXACT_AT_ONCE} at once: every order comes out imported, already sent or not imported`,
		},
	],
	default: 'counted',
};

const batchSizeOption: INodeProperties = {
	displayName: 'Orders Per Request',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000 },
	default: 100,
	description: 'With Result Per Order › Counted Per Request: input items are sent together, this many per request. Not used with Exact.',
};

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'send',
	options: [
		{
			name: 'Send',
			value: 'send',
			description: 'Send orders so their customers are asked for a review',
			action: 'Send orders',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	{
		displayName: 'Define Order',
		name: 'inputMode',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{ name: 'Using JSON', value: 'json', description: 'One order object per item, in the API’s own field names' },
		],
		default: 'fields',
	},
	{
		displayName: 'Order JSON',
		name: 'orderJson',
		type: 'json',
		default: '{\n  "id_order": "",\n  "order_date": "",\n  "firstname": "",\n  "lastname": "",\n  "email": "",\n  "products": []\n}',
		required: true,
		description: 'The order as the API takes it (id_order, order_date, firstname, lastname, email, reference, store_id, phone, products). Extra fields are sent as given.',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		description: 'Your unique order number. An order already sent (same ID or reference) is not imported again.',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Order Date',
		name: 'orderDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the order was placed. Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone.',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Where the review request goes, 10 days after the order is received',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Products',
		name: 'productsSource',
		type: 'options',
		options: [
			{ name: 'None', value: 'none', description: 'Ask for a shop review only' },
			{ name: 'Define Below', value: 'fields' },
			{
				name: 'From an Input Field',
				value: 'inputField',
				description: 'A list of products in the input item, in the API’s field names',
			},
		],
		default: 'fields',
		description: 'Products let customers review each product they bought',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Input Field With Products',
		name: 'productsField',
		type: 'string',
		default: 'products',
		placeholder: 'e.g. line_items',
		description: 'Name of the input field holding the list of products (dots reach into objects, e.g. order.products). Each product needs ID and name.',
		displayOptions: { show: { inputMode: ['fields'], productsSource: ['inputField'] } },
	},
	{
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		default: {},
		displayOptions: { show: { inputMode: ['fields'], productsSource: ['fields'] } },
		options: [
			{
				displayName: 'Product',
				name: 'product',
				values: [
					{
						displayName: 'Category ID',
						name: 'category_id',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Category Name',
						name: 'category_name',
						type: 'string',
						default: '',
					},
					{
						displayName: 'EAN13',
						name: 'ean13',
						type: 'string',
						default: '',
					},
					{
						displayName: 'MPN',
						name: 'mpn',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
							required:	true,
					},
					{
						displayName: 'Product ID',
						name: 'id',
						type: 'number',
						default: 0,
							required:	true,
						description: 'The shop’s numeric product ID',
					},
					{
						displayName: 'Product URL',
						name: 'url',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Quantity',
						name: 'qty',
						type: 'number',
						default: 1
					},
					{
						displayName: 'SKU',
						name: 'sku',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Unit Price (Tax Included)',
						name: 'unit_price',
						type: 'number',
						default: 0
					},
					{
						displayName: 'UPC',
						name: 'upc',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{ displayName: 'Reference', name: 'reference', type: 'string', default: '', description: 'Your unique order reference, if it differs from the order ID' },
			{ displayName: 'Store ID', name: 'store_id', type: 'number', default: 0, description: 'The physical store the order was placed in, if any' },
			{
				displayName: 'Send Phone Number',
				name: 'sendPhone',
				type: 'boolean',
				default: false,
				description: 'Whether to send the customer’s phone number. Only with the customer’s consent.',
			},
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Sent only when Send Phone Number is on' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [resultPerOrderOption, batchSizeOption],
	},
];

const labels: FieldLabels = {
	id_order: 'Order ID',
	order_date: 'Order Date',
	firstname: 'First Name',
	lastname: 'Last Name',
	email: 'Email',
	reference: 'Reference',
	store_id: 'Store ID',
	phone: 'Phone',
	products: 'Products',
	'products.*': 'Products',
	'products.*.id': 'Products › Product ID',
	'products.*.name': 'Products › Name',
	'products.*.qty': 'Products › Quantity',
	'products.*.unit_price': 'Products › Unit Price',
};

const text = z.string().trim();
const optionalText = z.union([z.string(), z.number()]).transform(String).optional();

/**
 * A number, or text that is one (shops export prices as "25.90", as the product ID is taken as
 * "5"). Any other type is refused and named: converting would send `true` as 1 and `[12]` as 12.
 */
const numberOrNumericText = (expected: string) =>
	z.unknown().transform((value, ctx) => {
		if (typeof value === 'number') return value;
		if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
		const received = typeof value === 'string' ? `text (${JSON.stringify(value)})` : typeOf(value);
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${expected}, not ${received}` });
		return z.NEVER;
	});
const wholeNumber = () => numberOrNumericText('a whole number').pipe(z.number().int('must be a whole number'));

const productSchema = z
	.object({
		id: z
			.union([z.number(), z.string().trim().regex(/^\d+$/, 'must be a whole number')])
			.transform(Number)
			.pipe(z.number().int('must be a whole number').positive('must be a product ID above 0')),
		name: text.min(1, 'must not be empty'),
		qty: wholeNumber().pipe(z.number().min(1, 'must be 1 or more')).optional(),
		unit_price: numberOrNumericText('a number').pipe(z.number().finite(NOT_FINITE).min(0, 'must be 0 or more')).optional(),
		category_id: optionalText,
		category_name: optionalText,
		sku: optionalText,
		ean13: optionalText,
		mpn: optionalText,
		upc: optionalText,
		url: optionalText,
	})
	.passthrough();

const orderSchema = z
	.object({
		id_order: requiredId(),
		order_date: z.string({ invalid_type_error: 'must be a date' }).regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be a date'),
		firstname: text.min(1, 'must not be empty'),
		lastname: text.min(1, 'must not be empty'),
		email: emailAddress(),
		reference: optionalText,
		store_id: wholeNumber().optional(),
		phone: optionalText,
		products: z.array(productSchema, { invalid_type_error: 'must be a list of products' }).optional(),
	})
	.passthrough();

export type Order = z.output<typeof orderSchema>;

/** Drop empty optional fields: the fixed collection hands over '' and 0 for untouched ones. */
function compact(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}

function readPath(json: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], json);
}

function productsFrom(context: IExecuteFunctions, itemIndex: number): unknown {
	const source = context.getNodeParameter('productsSource', itemIndex) as string;
	if (source === 'none') return undefined;
	if (source === 'inputField') {
		const field = context.getNodeParameter('productsField', itemIndex) as string;
		const value = readPath(context.getInputData()[itemIndex].json, field);
		if (!Array.isArray(value)) {
			throw inputError(context.getNode(), `The input field "${field}" does not hold a list of products`, {
				itemIndex,
				description: 'Point "Input Field With Products" at a list such as [{"id": 1, "name": "Ring"}], or define the products in the node.',
			});
		}
		return value;
	}
	const rows = (context.getNodeParameter('products.product', itemIndex, []) as IDataObject[]) ?? [];
	return rows.map(compact);
}

function orderFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { sendPhone, phone, store_id, ...rest } = additional;
	return compact({
		id_order: context.getNodeParameter('orderId', itemIndex) as string,
		order_date: context.getNodeParameter('orderDate', itemIndex) as string,
		firstname: context.getNodeParameter('firstName', itemIndex) as string,
		lastname: context.getNodeParameter('lastName', itemIndex) as string,
		email: context.getNodeParameter('email', itemIndex) as string,
		...rest,
		...(store_id ? { store_id } : {}),
		...(sendPhone ? { phone } : {}),
		products: productsFrom(context, itemIndex) as IDataObject[],
	});
}

export function readOrder(context: IExecuteFunctions, itemIndex: number): Order {
	const mode = context.getNodeParameter('inputMode', itemIndex) as string;
	const raw =
		mode === 'json'
			? readJsonParameter(context, 'orderJson', itemIndex, 'Order JSON')
			: orderFromFields(context, itemIndex);
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		throw inputError(context.getNode(), '"Order JSON" must be one order object', { itemIndex });
	}
	const order = { ...(raw as IDataObject) };
	// Any n8n date (ISO text, a Luxon DateTime from an expression, a timestamp) becomes wall-clock time.
	order.order_date = formatDateTime(order.order_date, context.getTimezone()) ?? order.order_date;
	return validate(context.getNode(), orderSchema, order, itemIndex, labels);
}

/**
 * Per-order results of one request. The API only counts per request ({orders_count,
 * orders_imported, message}), so a partly imported request cannot say which of its orders were
 * taken: when its message says the others were already sent, each order was imported or already
 * sent (neither is a failure); without that, "unknown". A request of one order is always exact.
 */
function results(orders: Order[], reply: IDataObject): IDataObject[] {
	const count = Number(reply.orders_count ?? orders.length);
	const imported = Number(reply.orders_imported ?? 0);
	const message = (reply.message as string | null) ?? null;
	const alreadySent = message !== null && ALREADY_SENT.test(message);
	const status =
		imported >= count
			? 'imported'
			: imported === 0
				? alreadySent
					? 'alreadySent'
					: 'notImported'
				: alreadySent
					? 'importedOrAlreadySent'
					: 'unknown';
	return orders.map((order) => ({
		orderId: order.id_order,
		...(order.reference !== undefined ? { reference: order.reference } : {}),
		imported: status === 'imported' ? true : UNCERTAIN.includes(status) ? null : false,
		status,
		message,
		request: { ordersCount: count, ordersImported: imported },
	}));
}

const UNCERTAIN = ['importedOrAlreadySent', 'unknown'];

async function sendOrders(context: IExecuteFunctions, orders: Order[], itemIndex: number): Promise<IDataObject[]> {
	const reply = await apiRequest(context, { method: 'POST', path: 'private/v3/orders', body: { orders } }, itemIndex);
	return results(orders, reply);
}

function readResultPerOrder(context: IExecuteFunctions): 'counted' | 'exact' {
	const mode: unknown = context.getNodeParameter('options.resultPerOrder', 0, 'counted');
	if (mode === 'counted' || mode === 'exact') return mode;
	const received = typeof mode === 'string' ? `text (${JSON.stringify(mode)})` : typeOf(mode);
	throw inputError(
		context.getNode(),
		`"Result Per Order" must be "Counted Per Request" or "Exact (One Order Per Request)", not ${received}`,
		{ itemIndex: 0 },
	);
}

/** After a run with orders whose result is not exact: say so, and where the exact answer is. */
function hintIfUncertain(context: IExecuteFunctions, outputs: INodeExecutionData[]): void {
	const uncertain = outputs.filter((output) => UNCERTAIN.includes(output.json.status as string)).length;
	if (uncertain === 0) return;
	context.addExecutionHints({
		message:
			`${uncertain} of ${outputs.length} orders have no exact result ("importedOrAlreadySent" or "unknown"): ` +
			'Guaranteed Reviews only counts the orders of a request. ' +
			'For an answer per order, set Options › Result Per Order to "Exact (One Order Per Request)".',
		location: 'outputPane',
	});
}

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const prepare = (itemIndex: number) => readOrder(this, itemIndex);
	const outputs =
		readResultPerOrder(this) === 'exact'
			? await runEachAlone(
					this,
					{ prepare, send: async (order, itemIndex) => (await sendOrders(this, [order], itemIndex))[0] },
					EXACT_AT_ONCE,
				)
			: await runInBatches(this, {
					size: readBatchSize(this, batchSizeOption),
					prepare,
					send: async (orders, itemIndexes) => await sendOrders(this, orders, itemIndexes[0]),
				});
	hintIfUncertain(this, outputs);
	return outputs;
}
