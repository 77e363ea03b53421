import type { INodeParameters } from 'n8n-workflow';

import { customerFields, orderFields, productFields, recordAnyRequest, run } from './fixtures';

const customer = { resource: 'customer', operation: 'create', ...customerFields };
const order = { resource: 'order', operation: 'create', ...orderFields, order_id: '500123' };
const orderProduct = {
	sku: 'RING-1',
	name: 'Gold ring',
	quantity: 1,
	price: 50,
	cost: 20,
	total: 50,
	tax: 0,
};
const withProduct = (change: INodeParameters) => ({
	products: { product: [{ ...orderProduct, ...change }] },
});
const paymentAddress = (orderFields.paymentAddress as { address: object }).address;
const shippingAddress = (orderFields.shippingAddress as { address: object }).address;
const product = { resource: 'product', operation: 'create', ...productFields, sku: 'RING-1' };
const withExtra = (additionalFields: INodeParameters): INodeParameters => ({
	...product,
	additionalFields,
});
const optionWith = (change: INodeParameters) =>
	withExtra({
		option: {
			option: [
				{
					option_id: '36',
					required: true,
					values: {
						value: [{ option_value_id: '262', sku: 'RING-1-S', quantity: 1, price: 0, ...change }],
					},
				},
			],
		},
	});
const price = {
	resource: 'price',
	operation: 'add',
	entity_id: '77',
	price: 10,
	date_start: '2026-12-01',
	date_end: '2026-12-31',
};
const EMPTY = '={{ "" }}';
const TOTAL_CODES =
	'bundle, Cash on Delivery Fee (cod), Cash on Delivery Fee 3 (cod3), coupon, credit, gift, payfort_fort_charges (Payfort Charges), sadad_charges (SADAD Charges), shipping, sub_total (Sub-Total), tax, total, voucher';

interface Rule {
	rule: string;
	parameters: INodeParameters;
	/** the first problem, as the message names it */
	problem: string;
	/** the message has no "Invalid input:" prefix (a problem found before the rules are checked) */
	plain?: boolean;
}

// Every rule of the doc, each broken once; the message names the field as the panel labels it.
const rules: Rule[] = [
	{
		rule: 'required text',
		parameters: { ...customer, firstname: EMPTY },
		problem: '"First Name" is required',
	},
	{
		rule: 'text is text',
		parameters: { ...customer, firstname: '={{ true }}' },
		problem: '"First Name" must be text, not a boolean (true)',
	},
	{
		rule: 'label as the operation shows it (Update: New Password)',
		parameters: {
			...customer,
			operation: 'update',
			customerId: '7',
			password: '={{ { secret: 1 } }}',
		},
		problem: '"New Password" must be text, not an object',
	},
	{
		rule: 'email format (customer)',
		parameters: { ...customer, email: 'ada.example.com' },
		problem: '"Email" must be a valid email address',
	},
	{
		rule: 'email format (order)',
		parameters: { ...order, email: 'sara@' },
		problem: '"Email" must be a valid email address',
	},
	{
		rule: 'required ID',
		parameters: { resource: 'customer', operation: 'delete', customerId: '={{ "  " }}' },
		problem: '"Customer ID" must not be empty',
	},
	{
		rule: 'order ID ≥ 500000',
		parameters: { ...order, order_id: '499999' },
		problem: '"Order ID" must be 500000 or more',
	},
	{
		rule: 'order ID is numeric',
		parameters: { ...order, order_id: 'A-1' },
		problem: '"Order ID" must be a number, not a string',
	},
	{
		rule: 'at least one product',
		parameters: { ...order, products: {} },
		problem: '"Products" must have at least 1 product',
	},
	{
		rule: 'at least 3 totals',
		parameters: {
			...order,
			totals: {
				total: [
					{ code: 'sub_total', title: 'Sub-Total', value: 1 },
					{ code: 'total', title: 'Total', value: 1 },
				],
			},
		},
		problem: '"Totals" must have at least 3 lines, such as sub-total, shipping and total',
	},
	{
		rule: 'quantity ≥ 1',
		parameters: { ...order, ...withProduct({ quantity: 0 }) },
		problem: '"Products › Quantity (#1)" must be 1 or more',
	},
	{
		rule: 'unit price ≥ 0',
		parameters: { ...order, ...withProduct({ price: -1 }) },
		problem: '"Products › Unit Price (#1)" must be 0 or more',
	},
	{
		rule: 'cost ≥ 0',
		parameters: { ...order, ...withProduct({ cost: -0.5 }) },
		problem: '"Products › Cost (#1)" must be 0 or more',
	},
	{
		rule: 'line total ≥ 0',
		parameters: { ...order, ...withProduct({ total: -1 }) },
		problem: '"Products › Line Total (#1)" must be 0 or more',
	},
	{
		rule: 'tax ≥ 0',
		parameters: { ...order, ...withProduct({ tax: -1 }) },
		problem: '"Products › Tax (#1)" must be 0 or more',
	},
	{
		rule: 'product SKU required',
		parameters: { ...order, ...withProduct({ sku: EMPTY }) },
		problem: '"Products › SKU (#1)" is required',
	},
	{
		rule: 'totals codes (JSON list)',
		parameters: {
			...order,
			totals_input: 'json',
			totals_json:
				'={{ [{code: "sub_total", title: "A", value: 1}, {code: "fees", title: "B", value: 1}, {code: "total", title: "C", value: 2}] }}',
		},
		problem: `"Totals › Code (#2)" must be one of ${TOTAL_CODES}`,
	},
	{
		rule: 'country ISO-2 (payment)',
		parameters: {
			...order,
			paymentAddress: { address: { ...paymentAddress, country_id: 'Saudi Arabia' } },
		},
		problem:
			'"Payment Address › Country Code" must be a two-letter country code (ISO 3166-1), such as SA',
	},
	{
		rule: 'address required field',
		parameters: { ...order, shippingAddress: { address: { ...shippingAddress, zone_id: EMPTY } } },
		problem: '"Shipping Address › Zone Code" is required',
	},
	{
		rule: 'shipping telephone (Update Address)',
		parameters: {
			resource: 'order',
			operation: 'updateAddress',
			orderId: '500123',
			paymentAddress: orderFields.paymentAddress,
			shippingAddress: { address: { ...shippingAddress, telephone: EMPTY } },
		},
		problem: '"Shipping Address › Telephone" is required',
	},
	{
		rule: 'language ar/en',
		parameters: { ...order, language: '={{ "fr" }}' },
		problem: '"Language" must be one of ar (Arabic), en (English)',
	},
	{
		rule: 'gift codes G0–G9',
		parameters: { ...order, additionalFields: { gift_code: '={{ "G10" }}' } },
		problem: '"Gift Code" must be one of G0, G1, G2, G3, G4, G5, G6, G7, G8, G9',
	},
	{
		rule: 'shipping codes',
		parameters: { ...order, shipping_code: '={{ "express" }}' },
		problem:
			'"Shipping Method" must be one of Flat Rate (flat.flat), Flat Rate 2 (flat2.flat2), Flat Rate 3 (flat3.flat3), Free Shipping (free.free), Returns (returns.returns)',
	},
	{
		rule: 'payment codes',
		parameters: { ...order, payment_code: '={{ "card" }}' },
		problem:
			'"Payment Method" must be one of Bank Transfer (bank_transfer), Cash on Delivery (cod), Cash on Delivery 3 (cod3), Free Checkout (free_checkout), Payfort (payfort_fort)',
	},
	{
		rule: 'order status codes',
		parameters: {
			resource: 'order',
			operation: 'changeStatus',
			orderId: '500123',
			order_status_code: '={{ "lost" }}',
		},
		problem:
			'"Status" must be one of canceled, complete, holded (On Hold), payment_review (Payment Review), paypal_canceled_reversal (PayPal Canceled Reversal), paypal_reversed (PayPal Reversed), pending, pending_mobile_confirm (Pending Mobile Confirmation), pending_payment (Pending Payment), pending_paypal (Pending PayPal), processing, processing_warehouse (Processing in Warehouse), ready_to_ship (Ready to Ship), shipped, fraud (Suspected Fraud), under_review (Under Review)',
	},
	{
		rule: 'list given twice',
		parameters: withExtra({
			product_categories: { entry: [{ id: '20' }] },
			product_categories_json: '["21"]',
		}),
		problem: 'Use either "Categories" or "Categories (JSON)", not both',
		plain: true,
	},
	{
		rule: 'JSON list that is not a list',
		parameters: { ...order, products_input: 'json', products_json: '{"sku": "RING-1"}' },
		problem:
			'"Products (JSON)" must be a list, such as [{"sku": "RING-1", "name": "Ring", "quantity": 1, "price": 50, "cost": 20, "total": 50, "tax": 0}]',
		plain: true,
	},
	{
		rule: 'JSON body that is not JSON',
		parameters: { ...product, inputMode: 'json', bodyJson: '{"ar": ' },
		problem: '"Product JSON" is not valid JSON',
		plain: true,
	},
	{
		rule: 'product SKU required',
		parameters: { ...product, sku: EMPTY },
		problem: '"SKU" is required',
	},
	{
		rule: 'Arabic name required',
		parameters: { ...product, ar_name: EMPTY },
		problem: '"Name (Arabic)" is required',
	},
	{
		rule: 'English name required',
		parameters: { ...product, en_name: EMPTY },
		problem: '"Name (English)" is required',
	},
	{
		rule: 'product price ≥ 0',
		parameters: { ...product, price: -0.01 },
		problem: '"Price" must be 0 or more',
	},
	{
		rule: 'product cost ≥ 0',
		parameters: { ...product, cost: -1 },
		problem: '"Cost" must be 0 or more',
	},
	{
		rule: 'logistics cost ≥ 0',
		parameters: { ...product, logistics_cost: -1 },
		problem: '"Logistics Cost" must be 0 or more',
	},
	{
		rule: 'inventory cost ≥ 0',
		parameters: { ...product, inventory_cost: -1 },
		problem: '"Inventory Cost" must be 0 or more',
	},
	{
		rule: 'stock quantity ≥ 0',
		parameters: { ...product, quantity: -1 },
		problem: '"Stock Quantity" must be 0 or more',
	},
	{
		rule: 'minimum ≥ 1',
		parameters: { ...product, minimum: 0 },
		problem: '"Minimum Order Quantity" must be 1 or more',
	},
	{
		rule: 'maximum ≥ 1',
		parameters: { ...product, maximum: 0 },
		problem: '"Maximum Order Quantity" must be 1 or more',
	},
	{
		rule: 'maximum ≤ 10',
		parameters: { ...product, maximum: 11 },
		problem: '"Maximum Order Quantity" must be 10 or less',
	},
	{
		rule: 'subtract ≥ 1',
		parameters: withExtra({ subtract: 0 }),
		problem: '"Subtract" must be 1 or more',
	},
	{
		rule: 'stock status required',
		parameters: { ...product, stock_status_id: EMPTY },
		problem: '"Stock Status ID" is required',
	},
	{
		rule: 'date Y-m-d',
		parameters: withExtra({ date_available: '13/12/2026' }),
		problem: '"Date Available" must be a date as YYYY-MM-DD',
	},
	{
		rule: 'date and time Y-m-d H:i:s',
		parameters: withExtra({
			special: { special: [{ price: 40, date_start: 'soon', date_end: '2026-12-31 23:59:59' }] },
		}),
		problem: '"Special Prices › Start (#1)" must be a date and time as YYYY-MM-DD HH:MM:SS',
	},
	{
		rule: 'date and time is a real time',
		parameters: withExtra({
			special: {
				special: [
					{ price: 40, date_start: '2026-12-01 25:61:00', date_end: '2026-12-31 23:59:59' },
				],
			},
		}),
		problem: '"Special Prices › Start (#1)" is not a real date and time',
	},
	{
		rule: 'midnight is 00:00, not 24:00',
		parameters: withExtra({
			special: {
				special: [
					{ price: 40, date_start: '2026-12-01 00:00:00', date_end: '2026-12-31 24:00:00' },
				],
			},
		}),
		problem: '"Special Prices › End (#1)" is not a real date and time',
	},
	{
		rule: 'special price ≥ 0',
		parameters: withExtra({
			special: {
				special: [
					{ price: -1, date_start: '2026-12-01 00:00:00', date_end: '2026-12-31 23:59:59' },
				],
			},
		}),
		problem: '"Special Prices › Price (#1)" must be 0 or more',
	},
	{
		rule: 'option value quantity ≥ 0',
		parameters: optionWith({ quantity: -1 }),
		problem: '"Options › Values › Quantity (#1, #1)" must be 0 or more',
	},
	{
		rule: 'option value price ≥ 0',
		parameters: optionWith({ price: -1 }),
		problem: '"Options › Values › Price (#1, #1)" must be 0 or more',
	},
	{
		rule: 'option value SKU required',
		parameters: optionWith({ sku: EMPTY }),
		problem: '"Options › Values › SKU (#1, #1)" is required',
	},
	{
		rule: 'attribute texts required when attributes are present',
		parameters: withExtra({
			attribute: {
				attribute: [{ attribute_id: '4', ar_description: 'ذهب', en_description: EMPTY }],
			},
		}),
		problem: '"Attributes › Text (English) (#1)" is required',
	},
	{
		rule: 'at least 1 option when options are present',
		parameters: withExtra({ option_json: '[]' }),
		problem: '"Options" must have at least 1 option',
	},
	{
		rule: 'shipping countries ISO-2',
		parameters: withExtra({ shipping_country: { entry: [{ id: 'SA' }, { id: 'KSA' }] } }),
		problem: '"Shipping Countries (#2)" must be a two-letter country code (ISO 3166-1), such as SA',
	},
	{
		rule: 'product key required (Update)',
		parameters: { resource: 'product', operation: 'update', productSku: EMPTY, ...productFields },
		problem: '"SKU" must not be empty',
	},
	{ rule: 'price ≥ 0', parameters: { ...price, price: -1 }, problem: '"Price" must be 0 or more' },
	{
		rule: 'price date Y-m-d',
		parameters: { ...price, date_start: 'next week' },
		problem: '"Start Date" must be a date as YYYY-MM-DD',
	},
	{
		rule: 'price date is a real day',
		parameters: { ...price, date_end: '2026-02-30' },
		problem: '"End Date" is not a real date',
	},
	{
		rule: 'price entity ID required',
		parameters: { ...price, entity_id: EMPTY },
		problem: '"Product Entity ID" is required',
	},
	{
		rule: 'option value names required',
		parameters: {
			resource: 'optionValue',
			operation: 'create',
			option_id: '2',
			ar_name: 'أحمر',
			en_name: EMPTY,
		},
		problem: '"Name (English)" is required',
	},
	{
		rule: 'manufacturer name required',
		parameters: {
			resource: 'manufacturer',
			operation: 'create',
			manufacturerName: EMPTY,
			entityId: '12',
		},
		problem: '"Name" must not be empty',
	},
	{
		rule: 'comment required',
		parameters: { resource: 'order', operation: 'addComment', orderId: '500123', comment: EMPTY },
		problem: '"Comment" must not be empty',
	},
];

describe('Vanilla eShop: validation before any request', () => {
	describe.each(rules)('$rule', ({ parameters, problem, plain }) => {
		it('fails each item with a message naming the field and the item, and sends nothing', async () => {
			const requests = recordAnyRequest();

			const { items, error } = await run(parameters, [{}, {}], { onError: 'continue' });

			expect(error).toBeUndefined();
			expect(requests).toEqual([]);
			const message = (item: number) =>
				`${plain ? '' : 'Invalid input: '}${problem} [item ${item}]`;
			expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([
				[message(0), { item: 0 }],
				[message(1), { item: 1 }],
			]);
		});
	});

	it('stops the run at the first invalid item when errors are not continued', async () => {
		const requests = recordAnyRequest();

		const { error } = await run({ ...customer, email: '={{ $json.email }}' }, [
			{ email: 'ada@example.com' },
			{ email: 'not-an-email' },
		]);

		expect(error?.message).toBe('Invalid input: "Email" must be a valid email address [item 1]');
		// item 0 is valid and was sent; item 1 never was
		expect(requests).toEqual([expect.stringMatching(/^POST \/v1\/in\/customer/)]);
	});

	it('lists every problem of an item in the description', async () => {
		recordAnyRequest();
		const { items } = await run({ ...product, minimum: 0, maximum: 12 }, [{}], {
			onError: 'continue',
		});
		expect(items[0].json.errorDescription).toBe(
			'"Minimum Order Quantity" must be 1 or more\n"Maximum Order Quantity" must be 10 or less',
		);
	});
});
