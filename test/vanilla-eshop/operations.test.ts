import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { ExpectedRequest } from './fixtures';
import { offeredOperations } from '../reliability/operations';
import {
	expectRequests,
	ok,
	orderBody,
	orderFields,
	orderReply,
	productBody,
	productFields,
	productReply,
	run,
} from './fixtures';

interface Case {
	resource: string;
	operation: string;
	/** what the case shows, when a route has several */
	title?: string;
	parameters: INodeParameters;
	input?: IDataObject[];
	requests: ExpectedRequest[];
	/** one output per input item, paired to it in order */
	output: IDataObject[];
}

const historyRow = {
	order_history_id: 9,
	order_history_template_id: 0,
	order_id: 500123,
	user_id: 4,
	order_status_id: 3,
	notify: 1,
	comment: '',
	date_added: '2026-11-20 10:15:00',
};

const addressBody = Object.fromEntries(
	Object.entries(orderBody).filter(
		([key]) => /^(payment|shipping)_/.test(key) && !/_code$/.test(key),
	),
);

const optionValueReply = { option_value_id: 23, option_id: 2, image: '', sort_order: 1 };
const priceReply = {
	product_id: null,
	priority: null,
	price: null,
	date_start: null,
	date_end: null,
};

// One row per documented route (20): the exact request it makes and the exact items it puts out.
const cases: Case[] = [
	{
		resource: 'customer',
		operation: 'create',
		parameters: {
			firstname: 'Ada',
			email: ' ada@example.com ',
			telephone: '0500000001',
			password: 'pw-1234',
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/in/customer',
				body: {
					firstname: 'Ada',
					email: 'ada@example.com',
					telephone: '0500000001',
					password: 'pw-1234',
				},
				reply: ok({ customer_id: 7 }),
			},
		],
		output: [{ customer_id: 7 }],
	},
	{
		resource: 'customer',
		operation: 'update',
		parameters: {
			customerId: '7',
			firstname: 'Ada',
			email: 'ada@example.com',
			telephone: '0500000001',
			password: '',
		},
		requests: [
			{
				method: 'PUT',
				path: '/v1/in/customer/7',
				body: { firstname: 'Ada', email: 'ada@example.com', telephone: '0500000001' },
				reply: ok({ customer_id: 7 }),
			},
		],
		output: [{ customer_id: 7 }],
	},
	{
		resource: 'customer',
		operation: 'delete',
		parameters: { customerId: '={{ $json.id }}' },
		input: [{ id: 7 }, { id: 8 }],
		requests: [
			{ method: 'DELETE', path: '/v1/in/customer/7', reply: ok(null) },
			{ method: 'DELETE', path: '/v1/in/customer/8', reply: ok(null) },
		],
		output: [
			{ deleted: true, customer_id: '7', response: null },
			{ deleted: true, customer_id: '8', response: null },
		],
	},
	{
		resource: 'manufacturer',
		operation: 'create',
		parameters: { manufacturerName: 'Lazurde', entityId: '12' },
		requests: [
			{
				method: 'POST',
				path: '/v1/in/manufacturer',
				body: { name: 'Lazurde', entity_id: '12' },
				reply: ok(null),
			},
		],
		output: [{ success: true, entity_id: '12', name: 'Lazurde' }],
	},
	{
		resource: 'manufacturer',
		operation: 'update',
		parameters: { entityId: '12', manufacturerName: 'Lazurde Gold' },
		requests: [
			{
				method: 'PUT',
				path: '/v1/in/manufacturer/12',
				body: { name: 'Lazurde Gold' },
				reply: ok(null),
			},
		],
		output: [{ success: true, entity_id: '12', name: 'Lazurde Gold' }],
	},
	{
		resource: 'optionValue',
		operation: 'create',
		parameters: { option_id: '2', ar_name: 'أحمر', en_name: 'Red' },
		requests: [
			{
				method: 'POST',
				path: '/v1/in/optionValue',
				body: { option_id: '2', ar: { name: 'أحمر' }, en: { name: 'Red' } },
				reply: ok(optionValueReply),
			},
		],
		output: [optionValueReply],
	},
	{
		resource: 'optionValue',
		operation: 'update',
		parameters: {
			optionValueId: '23',
			option_id: '={{ 2 }}',
			ar_name: 'أحمر داكن',
			en_name: 'Dark red',
		},
		requests: [
			{
				method: 'PUT',
				path: '/v1/in/optionValue/23',
				body: { option_id: '2', ar: { name: 'أحمر داكن' }, en: { name: 'Dark red' } },
				reply: ok(optionValueReply),
			},
		],
		output: [optionValueReply],
	},
	{
		resource: 'order',
		operation: 'create',
		parameters: { ...orderFields, order_id: '500123' },
		requests: [
			{
				method: 'POST',
				path: '/v1/in/order',
				body: { order_id: 500123, ...orderBody },
				reply: ok(orderReply),
			},
		],
		output: [orderReply],
	},
	{
		resource: 'order',
		operation: 'get',
		parameters: { orderId: '500123' },
		requests: [{ method: 'GET', path: '/v1/in/order/500123', reply: ok(orderReply) }],
		output: [orderReply],
	},
	{
		resource: 'order',
		operation: 'update',
		// JSON mode: the API's own shape, unknown fields passed through
		parameters: {
			orderId: '500123',
			inputMode: 'json',
			bodyJson: JSON.stringify({ ...orderBody, source: 'pos' }),
		},
		requests: [
			{
				method: 'PUT',
				path: '/v1/in/order/500123',
				body: { ...orderBody, source: 'pos' },
				reply: ok(orderReply),
			},
		],
		output: [orderReply],
	},
	{
		resource: 'order',
		operation: 'updateAddress',
		parameters: {
			orderId: '500123',
			paymentAddress: orderFields.paymentAddress,
			shippingAddress: orderFields.shippingAddress,
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/in/order/500123/updateAddress',
				body: addressBody,
				reply: ok(orderReply),
			},
		],
		output: [orderReply],
	},
	{
		resource: 'order',
		operation: 'changeStatus',
		parameters: { orderId: '500123', order_status_code: 'shipped', options: { user_id: '4' } },
		requests: [
			{
				method: 'POST',
				path: '/v1/in/orderStatus',
				body: { order_status_code: 'shipped', order_id: '500123', user_id: '4' },
				reply: ok(historyRow),
			},
		],
		output: [historyRow],
	},
	{
		resource: 'order',
		operation: 'addComment',
		parameters: { orderId: '500123', comment: 'Customer called about delivery' },
		requests: [
			{
				method: 'POST',
				path: '/v1/in/orderHistory',
				body: { comment: 'Customer called about delivery', order_id: '500123' },
				reply: ok(historyRow),
			},
		],
		output: [historyRow],
	},
	{
		resource: 'price',
		operation: 'add',
		parameters: {
			entity_id: '77',
			price: 45.5,
			date_start: '2026-12-01',
			date_end: '2026-12-31T00:00:00',
			additionalFields: { priority: 2 },
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/in/pricing',
				body: {
					entity_id: '77',
					price: 45.5,
					date_start: '2026-12-01',
					date_end: '2026-12-31',
					priority: 2,
				},
				reply: ok(priceReply),
			},
		],
		output: [priceReply],
	},
	{
		resource: 'price',
		operation: 'addMany',
		parameters: {
			entity_id: '={{ $json.entity }}',
			price: '={{ $json.price }}',
			date_start: '2026-12-01',
			date_end: '2026-12-31',
		},
		input: [
			{ entity: '77', price: 10 },
			{ entity: 78, price: '12.5' },
		],
		requests: [
			{
				method: 'POST',
				path: '/v1/in/pricing/bulk',
				body: {
					products: [
						{ entity_id: '77', price: 10, date_start: '2026-12-01', date_end: '2026-12-31' },
						{ entity_id: '78', price: 12.5, date_start: '2026-12-01', date_end: '2026-12-31' },
					],
				},
				reply: ok(priceReply),
			},
		],
		// the doc's reply is one record for the whole list: each item gets it next to its own entity ID
		output: [
			{ success: true, entity_id: '77', reply: priceReply },
			{ success: true, entity_id: '78', reply: priceReply },
		],
	},
	{
		resource: 'product',
		operation: 'create',
		parameters: {
			...productFields,
			sku: 'RING-1',
			additionalFields: {
				ar_description: 'وصف',
				en_description: 'A ring in 18k gold',
				en_is_done: true,
				date_available: '2026-12-01',
				manufacturer_id: '12',
				shipping_country: { entry: [{ id: 'SA' }, { id: 'ae' }] },
				product_categories_json: '["20", "21"]',
				attribute: {
					attribute: [{ attribute_id: '4', ar_description: 'ذهب', en_description: 'Gold' }],
				},
				option: {
					option: [
						{
							option_id: '36',
							required: true,
							values: {
								value: [
									{ option_value_id: '262', sku: 'RING-1-S', quantity: 3, price: 0 },
									{ option_value_id: '263', sku: 'RING-1-M', quantity: 2, price: 5 },
								],
							},
						},
					],
				},
				special: {
					special: [
						{ price: 40, date_start: '2026-12-01 00:00:00', date_end: '2026-12-31 23:59:59' },
					],
				},
			},
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/in/products',
				body: {
					sku: 'RING-1',
					...productBody,
					ar: { name: 'خاتم ذهب', description: 'وصف' },
					en: { name: 'Gold ring', description: 'A ring in 18k gold', is_done: true },
					date_available: '2026-12-01',
					manufacturer_id: '12',
					shipping_country: ['SA', 'AE'],
					product_categories: ['20', '21'],
					attribute: [
						{ attribute_id: '4', ar: { description: 'ذهب' }, en: { description: 'Gold' } },
					],
					option: [
						{
							option_id: '36',
							required: true,
							values: [
								{ option_value_id: '262', sku: 'RING-1-S', quantity: 3, price: 0 },
								{ option_value_id: '263', sku: 'RING-1-M', quantity: 2, price: 5 },
							],
						},
					],
					special: [
						{ price: 40, date_start: '2026-12-01 00:00:00', date_end: '2026-12-31 23:59:59' },
					],
				},
				reply: ok(productReply),
			},
		],
		output: [productReply],
	},
	{
		resource: 'product',
		operation: 'update',
		parameters: { productSku: 'RING/1', ...productFields },
		requests: [
			{
				method: 'PUT',
				path: '/v1/in/products/RING%2F1',
				body: productBody,
				reply: ok(productReply),
			},
		],
		output: [productReply],
	},
	{
		resource: 'product',
		operation: 'delete',
		parameters: { productEntityId: '77' },
		requests: [{ method: 'DELETE', path: '/v1/in/products/77', reply: ok(null) }],
		output: [{ deleted: true, entity_id: '77', response: null }],
	},
	{
		resource: 'product',
		operation: 'delete',
		title: 'a reply with its own fields (even `deleted`) is kept whole, beside ours',
		parameters: { productEntityId: '77' },
		requests: [
			{ method: 'DELETE', path: '/v1/in/products/77', reply: ok({ deleted: 1, entity_id: 77 }) },
		],
		output: [{ deleted: true, entity_id: '77', response: { deleted: 1, entity_id: 77 } }],
	},
	{
		resource: 'product',
		operation: 'changeSku',
		parameters: { sku: 'RING-1', new_sku: 'RING-001' },
		requests: [
			{
				method: 'POST',
				path: '/v1/in/products/RING-1/change-sku',
				body: { new_sku: 'RING-001' },
				reply: ok(null),
			},
		],
		output: [{ success: true, sku: 'RING-1', new_sku: 'RING-001' }],
	},
	{
		resource: 'product',
		operation: 'createOrUpdateMany',
		parameters: { ...productFields, product_id: '={{ $json.id ?? "" }}', sku: '={{ $json.sku }}' },
		input: [{ sku: 'RING-1' }, { id: 85, sku: 'RING-2' }],
		requests: [
			{
				method: 'POST',
				path: '/v1/in/products/bulk',
				body: {
					products: [
						{ sku: 'RING-1', ...productBody },
						{ product_id: '85', sku: 'RING-2', ...productBody },
					],
				},
				reply: ok([productReply, { ...productReply, product_id: 86, sku: 'van.86' }]),
			},
		],
		output: [productReply, { ...productReply, product_id: 86, sku: 'van.86' }],
	},
];

describe('Vanilla eShop: every route', () => {
	it('covers every operation the node offers (the documented routes)', () => {
		const tested = new Set(cases.map((c) => `${c.resource} › ${c.operation}`));
		expect(offeredOperations('vanillaEshop').filter((name) => !tested.has(name))).toEqual([]);
	});

	describe.each(cases)(
		'$resource $operation',
		({ resource, operation, parameters, input, requests, output }) => {
			it('sends exactly the documented request and outputs one paired item per input item', async () => {
				const api = expectRequests(requests);

				const { items, error } = await run({ resource, operation, ...parameters }, input ?? [{}]);

				expect(error).toBeUndefined();
				api.done();
				expect(items).toEqual(output.map((json, item) => ({ json, pairedItem: { item } })));
			});
		},
	);
});
