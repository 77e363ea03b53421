'use strict';
// Vanilla eShop stand-in: the 20 routes of the generated Laravel reference under /v1/in/…, with
// Laravel's behaviour around them: the `{status, success, data}` envelope, 422
// `{message, errors: {field: [...]}}` from the documented rules, 404 for unknown records (route
// model binding), 405 for a wrong verb, and products/bulk capped at 10.
// Docs: 002_58bddffba04e7130.txt (https://ssds.femi9.com/docs/index.html), notes/vanillaeshop.md.

const { KEYS } = require('./config');
const { reply, wallClock, ago, copy, isObject, money } = require('./util');

// ── Reference data the `exists:` rules look up ───────────────────────────────────────────

const SHIPPING_CODES = ['flat.flat', 'flat3.flat3', 'flat2.flat2', 'free.free', 'returns.returns'];
const PAYMENT_CODES = ['cod3', 'cod', 'free_checkout', 'payfort_fort', 'bank_transfer'];
// The doc's Magento status codes, with the OpenCart-like order_status_id the stored order gets.
const ORDER_STATUSES = {
	pending: 1,
	processing: 2,
	shipped: 3,
	complete: 5,
	canceled: 7,
	holded: 8,
	fraud: 9,
	payment_review: 10,
	paypal_canceled_reversal: 11,
	paypal_reversed: 12,
	pending_mobile_confirm: 13,
	pending_payment: 14,
	pending_paypal: 15,
	processing_warehouse: 16,
	ready_to_ship: 17,
	under_review: 18,
};
const TOTAL_CODES = [
	'bundle',
	'cod3',
	'cod',
	'coupon',
	'credit',
	'gift',
	'payfort_fort_charges',
	'sadad_charges',
	'shipping',
	'sub_total',
	'tax',
	'total',
	'voucher',
];
const GIFT_CODES = ['G0', 'G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9'];
const COUNTRIES = {
	SA: [184, 'Saudi Arabia'],
	AE: [221, 'United Arab Emirates'],
	KW: [114, 'Kuwait'],
	BH: [17, 'Bahrain'],
	QA: [173, 'Qatar'],
	OM: [161, 'Oman'],
	EG: [63, 'Egypt'],
	JO: [108, 'Jordan'],
};
const ZONES = {
	RIY: [2879, 'Riyadh'],
	MAK: [2880, 'Makkah'],
	EP: [2881, 'Eastern Province'],
	MED: [2882, 'Madinah'],
	DU: [3508, 'Dubai'],
	AZ: [3505, 'Abu Dhabi'],
	SH: [3509, 'Sharjah'],
	KU: [1785, 'Al Asimah'],
};
const REFERENCE = {
	stores: ['0', '1'],
	customer_groups: ['1', '2'],
	users: ['1', '4'],
	promotions: ['10', '11'],
	stock_statuses: ['5', '6', '7', '8'], // out of stock, 2–3 days, in stock, pre-order
	product_statuses: ['0', '1'],
	demand_statuses: ['1', '2'],
	supplier_statuses: ['1', '2'],
	clead_statuses: ['1', '2'],
	categories: ['20', '21', '22', '23'],
	filters: ['1', '2', '3'],
	attributes: ['4', '5'],
	countries: Object.keys(COUNTRIES),
	zones: Object.keys(ZONES),
};

// ── A small Laravel validator: rules as Laravel writes them, messages as Laravel 5.x says them ─

const isNumeric = (value) =>
	(typeof value === 'number' && Number.isFinite(value)) ||
	(typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value));
const isArrayLike = (value) => Array.isArray(value) || isObject(value);
const sizeOf = (value, numeric) =>
	numeric
		? Number(value)
		: Array.isArray(value)
			? value.length
			: isObject(value)
				? Object.keys(value).length
				: String(value).length;
const label = (field) => field.replace(/_/g, ' ');

function isRealDate(text) {
	const [y, m, d] = text.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE_FORMATS = {
	'Y-m-d': /^\d{4}-\d{2}-\d{2}$/,
	'Y-m-d H:i:s': /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
};

/** Every concrete path a rule key (`products.*.sku`) names in the input. */
function expand(input, key) {
	let paths = [{ path: [], value: input }];
	for (const part of key.split('.')) {
		paths = paths.flatMap(({ path, value }) => {
			if (part !== '*')
				return [{ path: [...path, part], value: isArrayLike(value) ? value[part] : undefined }];
			if (!isArrayLike(value)) return [];
			return Object.keys(value).map((index) => ({ path: [...path, index], value: value[index] }));
		});
	}
	return paths.map(({ path, value }) => ({ field: path.join('.'), value }));
}

/**
 * Laravel-style validation: `{'products.*.sku': 'required|string'}` → `{errors}` or null. `exists`
 * is a function(table, value) → boolean; `unique` likewise (true when the value is free).
 */
function validate(input, rules, lookups) {
	const errors = {};
	const add = (field, message) => (errors[field] ??= []).push(message);
	for (const [key, ruleText] of Object.entries(rules)) {
		const list = ruleText.split('|');
		const numeric = list.includes('numeric') || list.includes('integer');
		for (const { field, value } of expand(input, key)) {
			const missing =
				value === undefined ||
				value === null ||
				value === '' ||
				(isArrayLike(value) && Object.keys(value).length === 0);
			if (missing) {
				if (list.includes('required')) add(field, `The ${label(field)} field is required.`);
				continue;
			}
			for (const rule of list) {
				const [name, arg = ''] = rule.split(':');
				const args = arg.split(',');
				const failed = {
					string: () => typeof value !== 'string' && `The ${label(field)} must be a string.`,
					numeric: () => !isNumeric(value) && `The ${label(field)} must be a number.`,
					integer: () =>
						!(isNumeric(value) && Number.isInteger(Number(value))) &&
						`The ${label(field)} must be an integer.`,
					boolean: () =>
						![true, false, 0, 1, '0', '1'].includes(value) &&
						`The ${label(field)} field must be true or false.`,
					array: () => !isArrayLike(value) && `The ${label(field)} must be an array.`,
					email: () =>
						!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value)) &&
						`The ${label(field)} must be a valid email address.`,
					in: () => !args.includes(String(value)) && `The selected ${label(field)} is invalid.`,
					exists: () =>
						!lookups.exists(args[0], String(value)) && `The selected ${label(field)} is invalid.`,
					unique: () =>
						!lookups.unique(args[0], String(value)) &&
						`The ${label(field)} has already been taken.`,
					date_format: () =>
						!(DATE_FORMATS[arg]?.test(String(value)) && isRealDate(String(value))) &&
						`The ${label(field)} does not match the format ${arg}.`,
					min: () =>
						(numeric && !isNumeric(value) ? false : sizeOf(value, numeric) < Number(arg)) &&
						(numeric
							? `The ${label(field)} must be at least ${arg}.`
							: isArrayLike(value)
								? `The ${label(field)} must have at least ${arg} items.`
								: `The ${label(field)} must be at least ${arg} characters.`),
					max: () =>
						(numeric && !isNumeric(value) ? false : sizeOf(value, numeric) > Number(arg)) &&
						(numeric
							? `The ${label(field)} may not be greater than ${arg}.`
							: isArrayLike(value)
								? `The ${label(field)} may not have more than ${arg} items.`
								: `The ${label(field)} may not be greater than ${arg} characters.`),
				}[name];
				const message = failed?.();
				if (message) add(field, message);
			}
		}
	}
	return Object.keys(errors).length ? errors : null;
}

// ── The documented rules, route by route ─────────────────────────────────────────────────

function addressRules() {
	const rules = {};
	for (const side of ['payment', 'shipping']) {
		Object.assign(rules, {
			[`${side}_firstname`]: 'required|string',
			[`${side}_lastname`]: 'string',
			[`${side}_address_1`]: 'required|string',
			[`${side}_address_2`]: 'required|string',
			[`${side}_city`]: 'required|string',
			[`${side}_postcode`]: 'string',
			[`${side}_country_id`]: 'required|string|exists:countries',
			[`${side}_zone_id`]: 'required|string|exists:zones',
			[`${side}_address_lat`]: 'string',
			[`${side}_address_lng`]: 'string',
		});
	}
	rules.shipping_telephone = 'required|string';
	return rules;
}

const ORDER_RULES = {
	store_id: 'required|numeric|exists:stores',
	customer_id: 'string|exists:customers',
	customer_group_id: 'string|exists:customer_groups',
	firstname: 'required|string',
	lastname: 'required|string',
	email: 'required|email',
	telephone: 'required|string',
	fax: 'string',
	...addressRules(),
	shipping_code: `required|string|in:${SHIPPING_CODES.join(',')}`,
	payment_code: `required|string|in:${PAYMENT_CODES.join(',')}`,
	coupon: 'string',
	order_status_code: `required|string|in:${Object.keys(ORDER_STATUSES).join(',')}`,
	is_gift: 'required|boolean',
	gift_code: `string|in:${GIFT_CODES.join(',')}`,
	is_mobile_order: 'required|boolean',
	comment: 'string',
	language: 'required|string|in:ar,en',
	forwarded_ip: 'string',
	ip: 'string',
	user_agent: 'string',
	accept_language: 'string',
	promotions: 'array',
	'promotions.*': 'exists:promotions',
	products: 'required|array|min:1',
	'products.*.sku': 'required|string',
	'products.*.name': 'required|string',
	'products.*.quantity': 'required|numeric|min:1',
	'products.*.price': 'required|numeric|min:0',
	'products.*.cost': 'required|numeric|min:0',
	'products.*.total': 'required|numeric|min:0',
	'products.*.tax': 'required|numeric|min:0',
	totals: 'required|array|min:3',
	'totals.*.code': `required|string|in:${TOTAL_CODES.join(',')}`,
	'totals.*.title': 'required|string',
	'totals.*.value': 'required|numeric',
};

function productRules(prefix = '') {
	const p = (key) => `${prefix}${key}`;
	const rules = {
		[p('ar')]: 'required|array',
		[p('en')]: 'required|array',
		[p('price')]: 'required|numeric|min:0',
		[p('logistics_cost')]: 'required|numeric|min:0',
		[p('inventory_cost')]: 'required|numeric|min:0',
		[p('cost')]: 'required|numeric|min:0',
		[p('quantity')]: 'required|numeric|min:0',
		[p('upc')]: 'string',
		[p('image')]: 'string',
		[p('minimum')]: 'required|numeric|min:1',
		[p('maximum')]: 'required|numeric|min:1|max:10',
		[p('subtract')]: 'numeric|min:1',
		[p('stock_status_id')]: 'required|string|exists:stock_statuses',
		[p('is_returnable')]: 'required|boolean',
		[p('status')]: 'required|string|exists:product_statuses',
		[p('status_demand')]: 'string|exists:demand_statuses',
		[p('status_supplier')]: 'string|exists:supplier_statuses',
		[p('status_clead')]: 'string|exists:clead_statuses',
		[p('shipping_country')]: 'array',
		[p('shipping_country.*')]: 'exists:countries',
		[p('product_link')]: 'required|string',
		[p('date_available')]: 'date_format:Y-m-d',
		[p('manufacturer_id')]: 'string|exists:manufacturers',
		[p('master_category_id')]: 'required|string|exists:categories',
		[p('product_categories')]: 'array',
		[p('product_categories.*')]: 'exists:categories',
		[p('product_filters')]: 'array',
		[p('product_filters.*')]: 'exists:filters',
		[p('product_related')]: 'array',
		[p('product_related.*')]: 'exists:products',
		[p('attribute')]: 'array|min:1',
		[p('attribute.*.attribute_id')]: 'required|exists:attributes',
		[p('attribute.*.ar.description')]: 'required|string',
		[p('attribute.*.en.description')]: 'required|string',
		[p('option')]: 'array|min:1',
		[p('option.*.option_id')]: 'required|exists:options',
		[p('option.*.required')]: 'boolean',
		[p('option.*.values')]: 'array',
		[p('option.*.values.*.option_value_id')]: 'required|exists:option_values',
		[p('option.*.values.*.sku')]: 'required|string',
		[p('option.*.values.*.quantity')]: 'required|numeric|min:0',
		[p('option.*.values.*.price')]: 'required|numeric|min:0',
		[p('special')]: 'array|min:1',
		[p('special.*.price')]: 'required|numeric|min:0',
		[p('special.*.date_start')]: 'required|date_format:Y-m-d H:i:s',
		[p('special.*.date_end')]: 'required|date_format:Y-m-d H:i:s',
	};
	for (const lang of ['ar', 'en']) {
		rules[p(`${lang}.name`)] = 'required|string';
		for (const field of ['meta_description', 'meta_keyword', 'description', 'tag'])
			rules[p(`${lang}.${field}`)] = 'string';
		rules[p(`${lang}.is_done`)] = 'boolean';
	}
	return rules;
}

const PRICE_RULES = (prefix = '') => ({
	[`${prefix}entity_id`]: 'required|string|exists:product_to_magento',
	[`${prefix}priority`]: 'numeric',
	[`${prefix}price`]: 'required|numeric',
	[`${prefix}date_start`]: 'required|date_format:Y-m-d',
	[`${prefix}date_end`]: 'required|date_format:Y-m-d',
});

// ── Seed ─────────────────────────────────────────────────────────────────────────────────

function seed(now) {
	const state = {
		customers: new Map([
			[
				1,
				{ customer_id: 1, firstname: 'Noura', email: 'noura@example.com', telephone: '0551000001' },
			],
			[
				2,
				{ customer_id: 2, firstname: 'Omar', email: 'omar@example.com', telephone: '0551000002' },
			],
		]),
		manufacturers: new Map([['12', { entity_id: '12', name: 'Lazurde' }]]),
		options: new Map([
			['2', { option_id: 2, name: 'Color' }],
			['36', { option_id: 36, name: 'Size' }],
		]),
		optionValues: new Map([
			[
				23,
				{
					option_value_id: 23,
					option_id: 2,
					image: '',
					sort_order: 1,
					ar: { name: 'أحمر' },
					en: { name: 'Red' },
				},
			],
			[
				262,
				{
					option_value_id: 262,
					option_id: 36,
					image: '',
					sort_order: 1,
					ar: { name: 'صغير' },
					en: { name: 'Small' },
				},
			],
			[
				263,
				{
					option_value_id: 263,
					option_id: 36,
					image: '',
					sort_order: 2,
					ar: { name: 'وسط' },
					en: { name: 'Medium' },
				},
			],
		]),
		products: new Map(),
		prices: [],
		orders: new Map(),
		nextCustomerId: 3,
		nextOptionValueId: 264,
		nextProductId: 87,
		nextEntityId: 79,
		nextHistoryId: 1,
		nextOrderProductId: 1,
		nextOrderTotalId: 1,
	};
	const base = {
		ar: { name: 'خاتم ذهب' },
		en: { name: 'Gold ring' },
		price: 50,
		cost: 20,
		logistics_cost: 2,
		inventory_cost: 1,
		quantity: 5,
		minimum: 1,
		maximum: 3,
		stock_status_id: '7',
		status: '1',
		master_category_id: '20',
		product_link: 'https://magento.example.com/gold-ring',
		is_returnable: true,
	};
	state.products.set(85, {
		product_id: 85,
		magento_sku: 'RING-1',
		entity_id: '77',
		...base,
		option: [],
	});
	state.products.set(86, {
		product_id: 86,
		magento_sku: 'NECK-1',
		entity_id: '78',
		...base,
		ar: { name: 'عقد فضة' },
		en: { name: 'Silver necklace' },
		price: 80,
		product_link: 'https://magento.example.com/silver-necklace',
		option: [],
	});
	// Order 500000 is the credential's default "Order ID for Test".
	const order = buildOrder(
		state,
		500000,
		{
			store_id: 0,
			firstname: 'Noura',
			lastname: 'Saad',
			email: 'noura@example.com',
			telephone: '0551000001',
			payment_firstname: 'Noura',
			payment_lastname: 'Saad',
			payment_address_1: 'Olaya Street 10',
			payment_address_2: 'Apt 4',
			payment_city: 'Riyadh',
			payment_postcode: '12211',
			payment_country_id: 'SA',
			payment_zone_id: 'RIY',
			shipping_firstname: 'Noura',
			shipping_lastname: 'Saad',
			shipping_address_1: 'Olaya Street 10',
			shipping_address_2: 'Apt 4',
			shipping_city: 'Riyadh',
			shipping_postcode: '12211',
			shipping_country_id: 'SA',
			shipping_zone_id: 'RIY',
			shipping_telephone: '0551000001',
			shipping_code: 'flat.flat',
			payment_code: 'cod',
			order_status_code: 'processing',
			is_gift: false,
			is_mobile_order: true,
			language: 'ar',
			products: [
				{ sku: 'RING-1', name: 'Gold ring', quantity: 1, price: 50, cost: 20, total: 50, tax: 7.5 },
			],
			totals: [
				{ code: 'sub_total', title: 'Sub-Total', value: 50 },
				{ code: 'shipping', title: 'Shipping', value: 10 },
				{ code: 'total', title: 'Total', value: 60 },
			],
		},
		ago(now, { days: 3 }),
	);
	state.orders.set(500000, order);
	return state;
}

// ── Records as the API returns them ──────────────────────────────────────────────────────

function historyRow(state, order, { statusCode, comment = '', userId }) {
	const row = {
		order_history_id: state.nextHistoryId++,
		order_history_template_id: 0,
		order_id: order.order_id,
		user_id: userId === undefined ? 0 : Number(userId),
		order_status_id: statusCode ? ORDER_STATUSES[statusCode] : order.order_status_id,
		notify: 0,
		comment,
		date_added: wallClock(new Date()),
	};
	order.history.push(row);
	if (statusCode) order.order_status_id = row.order_status_id;
	order.date_modified = row.date_added;
	return row;
}

const TITLES = {
	'flat.flat': 'Flat Shipping Rate',
	'flat2.flat2': 'Express Shipping',
	'flat3.flat3': 'Same-day Delivery',
	'free.free': 'Free Shipping',
	'returns.returns': 'Returns',
	cod: 'Cash On Delivery',
	cod3: 'Cash On Delivery (3)',
	free_checkout: 'Free Checkout',
	payfort_fort: 'Credit / Debit Card (Payfort)',
	bank_transfer: 'Bank Transfer',
};

/** The address fields as stored: codes in, ids and names out (as the doc's example shows). */
function addressOf(input) {
	const out = {};
	for (const side of ['payment', 'shipping']) {
		for (const field of [
			'firstname',
			'lastname',
			'address_1',
			'address_2',
			'city',
			'postcode',
			'address_lat',
			'address_lng',
		])
			out[`${side}_${field}`] = input[`${side}_${field}`] ?? '';
		const country = COUNTRIES[input[`${side}_country_id`]] ?? [0, ''];
		const zone = ZONES[input[`${side}_zone_id`]] ?? [0, ''];
		Object.assign(out, {
			[`${side}_country_id`]: country[0],
			[`${side}_country`]: country[1],
			[`${side}_zone_id`]: zone[0],
			[`${side}_zone`]: zone[1],
		});
	}
	out.shipping_telephone = input.shipping_telephone ?? '';
	return out;
}

function buildOrder(state, orderId, input, created = new Date()) {
	const total = (input.totals ?? []).find((line) => line.code === 'total')?.value ?? 0;
	return {
		order_id: orderId,
		invoice_no: 0,
		invoice_prefix: 'INV-2026-00',
		store_id: Number(input.store_id),
		store_name: 'Vanilla',
		store_url: 'https://www.vanilla.sa/',
		customer_id: Number(input.customer_id ?? 0),
		customer_group_id: Number(input.customer_group_id ?? 1),
		firstname: input.firstname,
		lastname: input.lastname,
		email: input.email,
		telephone: input.telephone,
		fax: input.fax ?? '',
		...addressOf(input),
		payment_method: TITLES[input.payment_code] ?? input.payment_code,
		payment_code: input.payment_code,
		shipping_method: TITLES[input.shipping_code] ?? input.shipping_code,
		shipping_code: input.shipping_code,
		shipping_cost: money((input.totals ?? []).find((line) => line.code === 'shipping')?.value, 4),
		comment: input.comment ?? '',
		total: money(total, 4),
		order_status_id: ORDER_STATUSES[input.order_status_code],
		language_id: input.language === 'en' ? 1 : 2,
		currency_id: 4,
		currency_code: 'SAR',
		currency_value: '1.00000000',
		date_added: wallClock(created),
		date_modified: wallClock(created),
		ip: input.ip ?? '',
		forwarded_ip: input.forwarded_ip ?? '',
		user_agent: input.user_agent ?? '',
		accept_language: input.accept_language ?? '',
		is_gift: input.is_gift === true || input.is_gift === 1 || input.is_gift === '1' ? 1 : 0,
		gift_code: input.gift_code ?? '',
		promotions: input.promotions ?? [],
		is_mobile_order:
			input.is_mobile_order === true || input.is_mobile_order === 1 || input.is_mobile_order === '1'
				? 1
				: 0,
		coupon: input.coupon ?? '',
		products: (input.products ?? []).map((line) => ({
			order_product_id: state.nextOrderProductId++,
			order_id: orderId,
			sku: line.sku,
			name: line.name,
			quantity: Number(line.quantity),
			price: money(line.price, 4),
			cost: money(line.cost, 4),
			total: money(line.total, 4),
			tax: money(line.tax, 4),
		})),
		totals: (input.totals ?? []).map((line, index) => ({
			order_total_id: state.nextOrderTotalId++,
			order_id: orderId,
			code: line.code,
			title: line.title,
			value: money(line.value, 4),
			sort_order: index + 1,
		})),
		history: [],
	};
}

function productReply(product, optionValues) {
	return {
		product_id: product.product_id,
		sku: `van.${product.product_id}`,
		quantity: Number(product.quantity),
		price: money(product.price, 4),
		optionValues: (product.option ?? []).flatMap((option) =>
			(option.values ?? []).map((value, index) => ({
				id: index + 1,
				option_id: Number(option.option_id),
				option_value_id: Number(value.option_value_id),
				sku: `van.${product.product_id}.${value.option_value_id}`,
				quantity: Number(value.quantity),
				price: money(value.price, 4),
				value: optionValues.get(Number(value.option_value_id))?.en?.name ?? '',
			})),
		),
	};
}

// ── The service ──────────────────────────────────────────────────────────────────────────

const ok = (data) => reply(200, { status: 200, success: true, data: data ?? null });
const invalid = (errors) => reply(422, { message: 'The given data was invalid.', errors });
// Laravel's ModelNotFoundException, rendered for an Accept: application/json request.
const notFound = (model, id) =>
	reply(404, { message: `No query results for model [App\\Models\\${model}] ${id}` });

function create(now) {
	const state = seed(now);

	const findProduct = (key) =>
		[...state.products.values()].find((p) => p.magento_sku === key || p.entity_id === key);
	const lookups = {
		exists(table, value) {
			if (REFERENCE[table]) return REFERENCE[table].includes(value);
			return (
				{
					customers: () => state.customers.has(Number(value)),
					manufacturers: () => state.manufacturers.has(value),
					options: () => state.options.has(value),
					option_values: () => state.optionValues.has(Number(value)),
					orders: () => state.orders.has(Number(value)),
					products: () => state.products.has(Number(value)),
					product_to_magento: () => [...state.products.values()].some((p) => p.entity_id === value),
				}[table]?.() ?? false
			);
		},
		unique(table, value) {
			if (table === 'orders') return !state.orders.has(Number(value));
			if (table === 'manufacturers') return !state.manufacturers.has(value);
			if (table === 'products') return !findProduct(value);
			return true;
		},
	};
	/** A 422 reply when the input breaks the rules, else null. */
	const check = (input, rules) => {
		const errors = validate(isObject(input) ? input : {}, rules, lookups);
		return errors ? invalid(errors) : null;
	};

	function saveProduct(product, input) {
		const fields = copy(input);
		delete fields.product_id;
		delete fields.sku;
		Object.assign(product, fields);
		if (input.sku !== undefined && !product.magento_sku) product.magento_sku = input.sku;
		// "on update send all options — options missing from the request are deleted; same for special"
		product.option = copy(input.option ?? []);
		product.special = copy(input.special ?? []);
		return product;
	}

	function newProduct(input) {
		const product = {
			product_id: state.nextProductId++,
			entity_id: String(state.nextEntityId++),
			magento_sku: input.sku,
		};
		state.products.set(product.product_id, product);
		return saveProduct(product, input);
	}

	// Each route answers with a reply when it refuses (422 from `check`, 404), or with a function
	// that makes the change and returns the envelope's `data`.
	const routes = [
		// Customers
		[
			'POST',
			/^customer$/,
			(body) =>
				check(body, {
					firstname: 'required|string',
					email: 'required|email',
					telephone: 'required|string',
					password: 'required|string',
				}) ??
				(() => {
					const customer = {
						customer_id: state.nextCustomerId++,
						firstname: body.firstname,
						email: body.email,
						telephone: body.telephone,
					};
					state.customers.set(customer.customer_id, customer);
					return { customer_id: customer.customer_id };
				}),
		],
		[
			['PUT', 'PATCH'],
			/^customer\/([^/]+)$/,
			(body, [id]) => {
				const customer = state.customers.get(Number(id));
				if (!customer) return notFound('Customer', id);
				return (
					check(body, {
						firstname: 'required|string',
						email: 'required|email',
						telephone: 'required|string',
						password: 'string',
					}) ??
					(() => {
						Object.assign(customer, {
							firstname: body.firstname,
							email: body.email,
							telephone: body.telephone,
						});
						return { customer_id: customer.customer_id };
					})
				);
			},
		],
		[
			'DELETE',
			/^customer\/([^/]+)$/,
			(body, [id]) => (state.customers.delete(Number(id)) ? () => null : notFound('Customer', id)),
		],
		// Manufacturers
		[
			'POST',
			/^manufacturer$/,
			(body) =>
				check(body, {
					name: 'required|string',
					entity_id: 'required|string|unique:manufacturers',
				}) ??
				(() => {
					state.manufacturers.set(body.entity_id, { entity_id: body.entity_id, name: body.name });
					return null;
				}),
		],
		[
			['PUT', 'PATCH'],
			/^manufacturer\/([^/]+)$/,
			(body, [id]) => {
				const manufacturer = state.manufacturers.get(id);
				if (!manufacturer) return notFound('MagentoManufacturer', id);
				return (
					check(body, { name: 'required|string' }) ??
					(() => ((manufacturer.name = body.name), null))
				);
			},
		],
		// Option values
		[
			'POST',
			/^optionValue$/,
			(body) =>
				check(body, OPTION_VALUE_RULES) ??
				(() => {
					const value = {
						option_value_id: state.nextOptionValueId++,
						option_id: Number(body.option_id),
						image: '',
						sort_order: 1,
						ar: copy(body.ar),
						en: copy(body.en),
					};
					state.optionValues.set(value.option_value_id, value);
					return optionValueReply(value);
				}),
		],
		[
			['PUT', 'PATCH'],
			/^optionValue\/([^/]+)$/,
			(body, [id]) => {
				const value = state.optionValues.get(Number(id));
				if (!value) return notFound('OptionValue', id);
				return (
					check(body, OPTION_VALUE_RULES) ??
					(() => (
						Object.assign(value, {
							option_id: Number(body.option_id),
							ar: copy(body.ar),
							en: copy(body.en),
						}),
						optionValueReply(value)
					))
				);
			},
		],
		// Orders
		[
			'POST',
			/^order\/([^/]+)\/updateAddress$/,
			(body, [id]) => {
				const order = state.orders.get(Number(id));
				if (!order) return notFound('Order', id);
				return (
					check(body, addressRules()) ??
					(() => (
						Object.assign(order, addressOf(body), { date_modified: wallClock(new Date()) }),
						copy(order)
					))
				);
			},
		],
		[
			'POST',
			/^order$/,
			(body) =>
				check(body, { order_id: 'required|numeric|min:500000|unique:orders', ...ORDER_RULES }) ??
				(() => {
					const order = buildOrder(state, Number(body.order_id), body);
					state.orders.set(order.order_id, order);
					historyRow(state, order, {
						statusCode: body.order_status_code,
						comment: body.comment ?? '',
					});
					return copy(order);
				}),
		],
		[
			['GET', 'HEAD'],
			/^order\/([^/]+)$/,
			(body, [id]) =>
				state.orders.has(Number(id))
					? () => copy(state.orders.get(Number(id)))
					: notFound('Order', id),
		],
		[
			['PUT', 'PATCH'],
			/^order\/([^/]+)$/,
			(body, [id]) => {
				const current = state.orders.get(Number(id));
				if (!current) return notFound('Order', id);
				return (
					check(body, ORDER_RULES) ??
					(() => {
						// products and totals are required: the order's lines are replaced by those sent
						const order = {
							...buildOrder(state, current.order_id, body),
							date_added: current.date_added,
							history: current.history,
							date_modified: wallClock(new Date()),
						};
						state.orders.set(order.order_id, order);
						return copy(order);
					})
				);
			},
		],
		[
			'POST',
			/^orderStatus$/,
			(body) =>
				check(body, {
					order_status_code: `required|string|in:${Object.keys(ORDER_STATUSES).join(',')}`,
					order_id: 'required|string|exists:orders',
					user_id: 'string|exists:users',
				}) ??
				(() =>
					historyRow(state, state.orders.get(Number(body.order_id)), {
						statusCode: body.order_status_code,
						userId: body.user_id,
					})),
		],
		[
			'POST',
			/^orderHistory$/,
			(body) =>
				check(body, {
					comment: 'required|string',
					order_id: 'required|exists:orders',
					user_id: 'string|exists:users',
				}) ??
				(() =>
					historyRow(state, state.orders.get(Number(body.order_id)), {
						comment: body.comment,
						userId: body.user_id,
					})),
		],
		// Prices
		['POST', /^pricing$/, (body) => check(body, PRICE_RULES()) ?? (() => addPrice(body))],
		// The doc gives pricing/bulk no maximum (the node still sends at most 10).
		[
			'POST',
			/^pricing\/bulk$/,
			(body) =>
				check(body, { products: 'required|array|min:1', ...PRICE_RULES('products.*.') }) ??
				(() => body.products.map(addPrice)),
		],
		// Products
		[
			'POST',
			/^products\/([^/]+)\/change-sku$/,
			(body, [sku]) => {
				const product = [...state.products.values()].find((p) => p.magento_sku === sku);
				if (!product) return notFound('Product', sku);
				return (
					check(body, { new_sku: 'required|string|unique:products' }) ??
					(() => ((product.magento_sku = body.new_sku), null))
				);
			},
		],
		[
			'POST',
			/^products$/,
			(body) =>
				check(body, { sku: 'required|string|unique:products', ...productRules() }) ??
				(() => productReply(newProduct(body), state.optionValues)),
		],
		[
			['PUT', 'PATCH'],
			/^products\/([^/]+)$/,
			(body, [key]) => {
				// The doc names the Magento SKU here and the entity ID on DELETE: both are looked up.
				const product = findProduct(key);
				if (!product) return notFound('Product', key);
				return (
					check(body, productRules()) ??
					(() => productReply(saveProduct(product, body), state.optionValues))
				);
			},
		],
		[
			'DELETE',
			/^products\/([^/]+)$/,
			(body, [key]) => {
				const product = findProduct(key);
				if (!product) return notFound('Product', key);
				return () => (state.products.delete(product.product_id), null);
			},
		],
		[
			'POST',
			/^products\/bulk$/,
			(body) =>
				check(body, {
					products: 'required|array|min:1|max:10',
					'products.*.sku': 'string',
					'products.*.product_id': 'string|exists:products',
					...productRules('products.*.'),
				}) ??
				(() =>
					body.products.map((input) =>
						productReply(
							input.product_id
								? saveProduct(state.products.get(Number(input.product_id)), input)
								: newProduct(input),
							state.optionValues,
						),
					)),
		],
	];

	function addPrice(input) {
		const product = [...state.products.values()].find((p) => p.entity_id === input.entity_id);
		const price = {
			product_id: product.product_id,
			priority: input.priority === undefined ? 1 : Number(input.priority),
			price: money(input.price, 4),
			date_start: input.date_start,
			date_end: input.date_end,
		};
		state.prices.push(price);
		return price;
	}

	function handle(req) {
		const { headerName, headerValue } = KEYS.vanillaEshop;
		if (req.headers[headerName.toLowerCase()] !== headerValue)
			return reply(401, { message: 'Unauthenticated.' });
		const match = /^\/v1\/in\/(.+?)\/?$/.exec(req.path);
		const candidates = match
			? routes
					.map(([methods, pattern, action]) => ({
						methods: [].concat(methods),
						found: pattern.exec(match[1]),
						action,
					}))
					.filter((r) => r.found)
			: [];
		if (candidates.length === 0) return reply(404, { message: 'Not Found' });
		const route = candidates.find((r) => r.methods.includes(req.method));
		if (!route) {
			const allowed = [...new Set(candidates.flatMap((r) => r.methods))].join(', ');
			return reply(405, {
				message: `The ${req.method} method is not supported for this route. Supported methods: ${allowed}.`,
			});
		}
		if (req.jsonError) return reply(400, { message: 'Syntax error' });
		// Route parameters are matched on the raw path and decoded after, as Symfony's router does.
		const params = route.found.slice(1).map(decodeURIComponent);
		const outcome = route.action(req.body ?? {}, params);
		return typeof outcome === 'function' ? ok(outcome()) : outcome;
	}

	return {
		handle,
		controls: {},
		secrets: () => [KEYS.vanillaEshop.headerValue],
	};
}

const OPTION_VALUE_RULES = {
	option_id: 'required|string|exists:options',
	ar: 'required|array',
	'ar.name': 'required|string',
	en: 'required|array',
	'en.name': 'required|string',
};
const optionValueReply = (value) => ({
	option_value_id: value.option_value_id,
	option_id: value.option_id,
	image: value.image,
	sort_order: value.sort_order,
});

module.exports = { name: 'vanilla-eshop', prefix: '/vanilla', create, validate };
