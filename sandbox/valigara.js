'use strict';
// Valigara stand-in: one endpoint, /client/V1/, that reads `auth`, `action` and `data` (JSON text)
// from the query or a form body, as a PHP endpoint reading $_REQUEST would. Every reply is HTTP 200
// with `{status, data}` and an X-DEBUG-UID header; `status` is the docs' message code.
// Docs: https://www.valigara.com/features/external-integrations/api/ (and notes/valigara.md). The
// Orders actions are not public: their names and keys here are the node's assumptions
// (nodes/Valigara/action-names.ts), so the stand-in and the node agree by construction, not by proof.

const { randomBytes } = require('node:crypto');

const { KEYS } = require('./config');
const { reply, wallClock, ago, copy, isObject } = require('./util');
const { serveList, burst } = require('./behaviour');

const CODES = {
	100: 'OK',
	101: 'Non HTTPS call',
	102: 'Authentication Failed',
	103: 'Unauthorized Request',
	105: 'Rate limit exceeded',
	200: 'Action Not Found',
	201: 'Action Failed',
	300: 'Data Not Specified',
	301: 'Data Decode Failed',
	302: 'Partial Content in Data',
	303: 'Invalid Data',
};

// "Rate limit: 4 requests in 1 hour" on product_update_listings, a leaky bucket in the docs; here a
// sliding hour, which refuses the same fifth call.
const LISTINGS_LIMIT = 4;
const LISTINGS_WINDOW_MS = 60 * 60 * 1000;

// The actions that answer a list. The docs name no paging for any of them: the keys a client may
// guess (page, 1-based, and limit, inside `data`) are ignored, honoured or refused as the
// behaviour's `valigaraPaging` says (ignored by default, and never read as filters).
const LIST_ACTIONS = new Set([
	'orders_export',
	'clients_export',
	'product_search',
	'gemstone_search',
	'products_export',
]);
const GUESSED_PAGING_KEYS = ['page', 'limit'];

/** A refusal with a message code; `handle` turns it into `{status: code, data: message}`. */
class Refusal extends Error {
	constructor(code, message, headers) {
		super(message);
		this.code = code;
		this.headers = headers;
	}
}
const refuse = (code, message, headers) => {
	throw new Refusal(code, message, headers);
};

// ── Fields, as product_listfields / gemstone_listfields list them ────────────────────────

const PRODUCT_FIELDS = [
	['title', 'Product title', 'text', true],
	['type', 'Jewelry type (Ring, Pendant, Earrings…)', 'text'],
	['product_type', 'Product type code (0 = regular)', 'text'],
	['description', 'Description', 'text'],
	['price', 'Price', 'number'],
	['cost', 'Cost', 'number'],
	['quantity', 'Quantity in stock', 'number'],
	['catalog_code', 'Catalog code (SKU)', 'text'],
	['collection', 'Collection', 'text'],
	['model', 'Model code', 'text'],
	['not_for_sale', 'Not for sale', 'boolean'],
	['size', 'Size', 'text'],
	['weight', 'Total weight (g)', 'number'],
	['tags', 'Tags', 'text'],
	['metals', 'Metals: [{name, purity, weight}]', 'list'],
	['gemstones', 'Gemstones: [{name, code, type, color, clarity, shape, carat, quantity}]', 'list'],
	['images', 'Image URLs', 'list'],
].map(([name, title, type, required = false]) => ({ name, title, type, required }));

const GEMSTONE_FIELDS = [
	['title', 'Gemstone title', 'text', true],
	['code', 'Code (A–Z, 0–9, - _ ., at most 20)', 'text', true],
	['type', 'Gemstone type', 'text', true],
	['carat', 'Carat', 'number'],
	['clarity', 'Clarity', 'text'],
	['color', 'Color grade', 'text'],
	['quantity', 'Quantity', 'number'],
	['shape', 'Shape', 'text'],
	['origin', 'Origin', 'text'],
].map(([name, title, type, required = false]) => ({ name, title, type, required }));

const LISTING_ACCOUNTS = [
	{ account_id: 1001, account_name: 'eBay US', channel: 'eBay' },
	{ account_id: 3001, account_name: 'Etsy – Rose & Gold', channel: 'Etsy' },
	{ account_id: 4001, account_name: 'Amazon US', channel: 'Amazon' },
];

const POST_TEMPLATES = [
	{ template_id: 7, title: 'Etsy – standard listing', channel: 'Etsy' },
	{ template_id: 8, title: 'eBay – fixed price, 30 days', channel: 'eBay' },
];

// ── Reading `data` ────────────────────────────────────────────────────────────────────────

const isNumeric = (value) =>
	(typeof value === 'number' && Number.isFinite(value)) ||
	(typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value));
const isWallClock = (value) =>
	typeof value === 'string' && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(value);

/** `data` as an object, or 303 (the docs' "JSON array" is a PHP associative array here). */
function objectData(data) {
	if (data === undefined) refuse(300, 'This action needs data');
	if (!isObject(data)) refuse(303, 'data must be a JSON object');
	return data;
}

/** One or several IDs under `key`, as numbers where they are digits. */
function idList(data, key, noun) {
	const raw = data[key];
	if (raw === undefined || raw === null || raw === '') refuse(302, `${key} is missing`);
	const ids = Array.isArray(raw) ? raw : [raw];
	if (ids.length === 0) refuse(302, `${key} is empty`);
	return ids.map((id) => {
		if (!isNumeric(id)) refuse(303, `${noun} ID "${id}" is not a number`);
		return Number(id);
	});
}

/** Field values checked against their declared types; unknown keys are 303, as List Fields would show. */
function checkFields(data, fields, allowed = []) {
	const byName = new Map(fields.map((field) => [field.name, field]));
	for (const [key, value] of Object.entries(data)) {
		if (allowed.includes(key)) continue;
		const field = byName.get(key);
		if (!field)
			refuse(303, `Unknown field "${key}": see List Fields for the fields this account accepts`);
		if (field.type === 'number' && value !== '' && !isNumeric(value))
			refuse(303, `${key} must be a number`);
		if (field.type === 'list' && !Array.isArray(value)) refuse(303, `${key} must be a list`);
	}
}

function normalise(data, fields) {
	const record = {};
	for (const [key, value] of Object.entries(data)) {
		const field = fields.find((f) => f.name === key);
		record[key] = field?.type === 'number' && value !== '' ? Number(value) : value;
	}
	return record;
}

/** Search filters: text fields match ignoring case (title: a part of it), others exactly. */
function matches(record, filters, fields) {
	return Object.entries(filters).every(([key, wanted]) => {
		const value = record[key === 'sku' ? 'catalog_code' : key];
		if (key === 'title')
			return String(value ?? '')
				.toLowerCase()
				.includes(String(wanted).toLowerCase());
		const field = fields.find((f) => f.name === key);
		if (field?.type === 'number') return Number(value) === Number(wanted);
		return String(value ?? '').toLowerCase() === String(wanted).toLowerCase();
	});
}

// ── Seed ─────────────────────────────────────────────────────────────────────────────────

function seed(now) {
	const products = new Map();
	const addProduct = (product) =>
		products.set(product.product_id, {
			...product,
			date_created: wallClock(ago(now, { days: 40 })),
			listings: [],
		});
	addProduct({
		product_id: 1001,
		product_type: '0',
		type: 'Ring',
		title: 'Rose Gold Solitaire Ring',
		description: 'A 0.5 ct round diamond on a 14K rose gold band.',
		price: 1290,
		cost: 610,
		quantity: 3,
		catalog_code: 'RR-1001',
		collection: 'Bridal',
		model: 'SOL-01',
		not_for_sale: false,
		metals: [{ name: 'Gold', purity: '14K', weight: 2.8 }],
		gemstones: [
			{
				name: 'Diamond',
				code: 'DIA-050',
				type: '2',
				color: 'G',
				clarity: 'VS1',
				shape: 'Round',
				carat: 0.5,
				quantity: 1,
			},
		],
		images: ['https://cdn.example.com/valigara/rr-1001.jpg'],
	});
	addProduct({
		product_id: 1002,
		product_type: '0',
		type: 'Pendant',
		title: 'Sapphire Drop Pendant',
		description: 'Ceylon sapphire, 18K white gold.',
		price: 890,
		cost: 400,
		quantity: 5,
		catalog_code: 'SP-1002',
		collection: 'Color',
		model: 'DRP-02',
		not_for_sale: false,
		metals: [{ name: 'Gold', purity: '18K', weight: 1.9 }],
		gemstones: [
			{
				name: 'Sapphire',
				code: 'SAP-120',
				type: '3',
				color: 'Blue',
				clarity: 'VS',
				shape: 'Pear',
				carat: 1.2,
				quantity: 1,
			},
		],
		images: [],
	});
	addProduct({
		product_id: 1003,
		product_type: '0',
		type: 'Earrings',
		title: 'Pearl Stud Earrings',
		description: 'Akoya pearls, 7 mm.',
		price: 240,
		cost: 90,
		quantity: 12,
		catalog_code: 'PE-1003',
		collection: 'Classics',
		model: 'STD-07',
		not_for_sale: false,
		metals: [{ name: 'Silver', purity: '925', weight: 1.2 }],
		gemstones: [],
		images: [],
	});

	const gemstones = new Map(
		[
			{
				gemstone_id: 501,
				title: 'Round Diamond 0.50 ct',
				code: 'DIA-050',
				type: 'Diamond',
				carat: 0.5,
				clarity: 'VS1',
				color: 'G',
				quantity: 4,
				shape: 'Round',
			},
			{
				gemstone_id: 502,
				title: 'Ceylon Sapphire 1.20 ct',
				code: 'SAP-120',
				type: 'Sapphire',
				carat: 1.2,
				clarity: 'VS',
				color: 'Blue',
				quantity: 2,
				shape: 'Pear',
			},
		].map((gem) => [gem.gemstone_id, { ...gem, date_created: wallClock(ago(now, { days: 60 })) }]),
	);

	const clients = [
		{
			client_id: 301,
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			phone: '+44 20 7946 0000',
			country: 'GB',
			address: '12 St James Square, London',
			date_created: wallClock(ago(now, { days: 20 })),
		},
		{
			client_id: 302,
			name: 'Grace Hopper',
			email: 'grace@example.com',
			phone: '+1 212 555 0100',
			country: 'US',
			address: '1 Navy Way, New York, NY',
			date_created: wallClock(ago(now, { days: 9 })),
		},
		{
			client_id: 303,
			name: 'Hedy Lamarr',
			email: 'hedy@example.com',
			phone: '+43 1 555 0199',
			country: 'AT',
			address: 'Ringstrasse 1, Vienna',
			date_created: wallClock(ago(now, { days: 3 })),
		},
	];

	// hidden*: records taken out of the exports while a client paged (behaviour duringPaging), their dates unchanged
	const state = {
		products,
		gemstones,
		clients,
		orders: [],
		nextOrderId: 9001,
		nextItemId: 1,
		nextProductId: 1004,
		nextGemstoneId: 503,
		nextClientId: 304,
		listingsCalls: [],
		hiddenOrders: new Set(),
		hiddenClients: new Set(),
	};
	// Orders of the last days: the trigger's baseline looks 30 days back from now.
	[
		{ client: clients[0], product: 1001, days: 6, status: 'shipped', channel: 'etsy' },
		{ client: clients[1], product: 1002, days: 4, status: 'paid', channel: 'ebay' },
		{ client: clients[2], product: 1003, days: 2, status: 'paid', channel: 'website' },
		{ client: clients[0], product: 1003, days: 1, status: 'new', channel: 'etsy' },
	].forEach(({ client, product, days, status, channel }) =>
		addOrder(
			state,
			{ order_date: wallClock(ago(now, { days })), status, channel },
			client,
			products.get(product),
		),
	);
	return state;
}

/** A new order (fields override the defaults), as the orders export returns it. */
function addOrder(
	state,
	fields = {},
	client = state.clients[state.orders.length % state.clients.length],
	product = [...state.products.values()][0],
) {
	const id = state.nextOrderId++;
	const item = {
		item_id: state.nextItemId++,
		product_id: product?.product_id ?? 0,
		sku: product?.catalog_code ?? '',
		title: product?.title ?? 'Custom piece',
		quantity: 1,
		price: product?.price ?? 100,
		tracking_number: '',
		carrier: '',
	};
	const order = {
		order_id: id,
		order_number: `V-${id}`,
		marketplace_order_id: `MP-${id}`,
		channel: 'website',
		account: 'Main store',
		order_date: wallClock(new Date()),
		paid_date: '',
		status: 'new',
		currency: 'USD',
		total: item.price,
		shipping_cost: 0,
		client_id: client?.client_id ?? 0,
		client_name: client?.name ?? 'Guest',
		client_email: client?.email ?? '',
		shipping: {
			full_name: client?.name ?? 'Guest',
			country: client?.country ?? 'US',
			address: client?.address ?? '',
		},
		payment_method: 'card',
		tracking_number: '',
		carrier: '',
		items: [item],
		...fields,
	};
	state.orders.push(order);
	return order;
}

/** A new client (fields override the defaults), created at `date`. */
function addClient(state, fields = {}, date = new Date()) {
	const client = {
		client_id: state.nextClientId++,
		name: 'New Client',
		email: 'new.client@example.com',
		phone: '',
		country: 'US',
		address: '',
		date_created: wallClock(date),
		...fields,
	};
	state.clients.push(client);
	return client;
}

/** A product or gemstone that appears while a client pages (behaviour duringPaging). */
function arriveProduct(state) {
	const product_id = state.nextProductId++;
	state.products.set(product_id, {
		product_id,
		product_type: '0',
		type: 'Ring',
		title: `New Ring ${product_id}`,
		price: 100,
		quantity: 1,
		catalog_code: `NEW-${product_id}`,
		metals: [],
		gemstones: [],
		images: [],
		date_created: wallClock(new Date()),
		listings: [],
	});
}
function arriveGemstone(state) {
	const gemstone_id = state.nextGemstoneId++;
	state.gemstones.set(gemstone_id, {
		gemstone_id,
		title: `New Gemstone ${gemstone_id}`,
		code: `NEW-${gemstone_id}`,
		type: 'Diamond',
		quantity: 1,
		date_created: wallClock(new Date()),
	});
}

const productAge = [(product) => product.date_created, (product) => product.product_id];

// ── Actions ──────────────────────────────────────────────────────────────────────────────
// Each action: (state, data, params, list). `list(records, spec)` shapes a list reply as the
// behaviour says (sort, cap, paging, records arriving and leaving): see behaviour.js serveList.

function productOf(state, id) {
	return state.products.get(id) ?? refuse(201, `Product ${id} not found`);
}

function mergeLists(current, incoming, mode) {
	if (mode === undefined || mode === 'replace') return incoming;
	if (mode === 'add') return [...(current ?? []), ...incoming];
	return refuse(303, `actions: "${mode}" is not one of replace, add`);
}

function dateFilter(records, data, field) {
	for (const key of ['date_from', 'date_to']) {
		if (data[key] !== undefined && !isWallClock(data[key]))
			refuse(303, `${key} must be YYYY-MM-DD HH:MM:SS`);
	}
	return records.filter(
		(record) =>
			(!data.date_from || record[field] >= data.date_from) &&
			(!data.date_to || record[field] <= data.date_to),
	);
}

const ACTIONS = {
	product_import(state, data) {
		data = objectData(data);
		checkFields(data, PRODUCT_FIELDS);
		if (!data.title) refuse(302, 'title is missing');
		const product_id = state.nextProductId++;
		state.products.set(product_id, {
			product_id,
			metals: [],
			gemstones: [],
			images: [],
			...normalise(data, PRODUCT_FIELDS),
			date_created: wallClock(new Date()),
			listings: [],
		});
		return { product_id };
	},

	product_update(state, data) {
		data = objectData(data);
		const [id] = idList(data, 'product_id', 'Product');
		const { actions = {}, ...fields } = data;
		delete fields.product_id;
		checkFields(fields, PRODUCT_FIELDS);
		if (!isObject(actions)) refuse(303, 'actions must be an object');
		const product = productOf(state, id);
		for (const [key, value] of Object.entries(normalise(fields, PRODUCT_FIELDS))) {
			// "when sending arrays … send existing values if you want to keep them": replaced unless told otherwise
			product[key] = ['metals', 'gemstones', 'images'].includes(key)
				? mergeLists(product[key], value, actions[key])
				: value;
		}
		return { product_id: id };
	},

	product_search(state, data, params, list) {
		const filters = data === undefined ? {} : objectData(data);
		checkFields(filters, PRODUCT_FIELDS, ['sku']);
		return list(
			[...state.products.values()].filter((product) => matches(product, filters, PRODUCT_FIELDS)),
			{
				age: productAge,
				render: (products) => products.map((product) => product.product_id),
				arrive: () => arriveProduct(state),
				leave: (product) => state.products.delete(product.product_id),
			},
		);
	},

	product_sold(state, data) {
		data = objectData(data);
		const [id] = idList(data, 'product_id', 'Product');
		if (!isNumeric(data.quantity) || Number(data.quantity) < 1)
			refuse(303, 'quantity (the quantity sold) must be 1 or more');
		const action = data.sold_action ?? 'no_action';
		if (!['no_action', 'remove', 'revise'].includes(action))
			refuse(303, 'sold_action must be remove, revise or no_action');
		const product = productOf(state, id);
		const left = Math.max(0, Number(product.quantity ?? 0) - Number(data.quantity));
		// "revise – … when the product’s quantity is less than 1, you will receive a 201 error"
		if (action === 'revise' && left < 1)
			refuse(201, `Product ${id}: quantity left is below 1, cannot revise`);
		product.quantity = left;
		if (action === 'remove') product.listings = [];
		return { product_id: id, quantity: left, sold_action: action };
	},

	product_delete(state, data) {
		data = objectData(data);
		const ids = idList(data, 'product_id', 'Product');
		ids.forEach((id) => productOf(state, id));
		ids.forEach((id) => state.products.delete(id));
		return null;
	},

	product_listfields(state, data, params) {
		// "preview=1 … readable mode for preview purposes only"
		if (String(params.preview) === '1')
			return PRODUCT_FIELDS.map(
				(f) => `${f.title} (${f.name}): ${f.type}${f.required ? ', required' : ''}`,
			);
		return copy(PRODUCT_FIELDS);
	},

	listings_accounts_get: () => copy(LISTING_ACCOUNTS),

	product_update_listings(state, data) {
		data = objectData(data);
		const ids = idList(data, 'product_id', 'Product');
		const accounts =
			data.accounts === undefined
				? LISTING_ACCOUNTS.map((a) => a.account_id)
				: idList(data, 'accounts', 'Listing account');
		for (const account of accounts) {
			if (!LISTING_ACCOUNTS.some((a) => a.account_id === account))
				refuse(303, `Unknown listing account ${account}`);
		}
		ids.forEach((id) => (productOf(state, id).listings = accounts));
		return { updated: ids.map((product_id) => ({ product_id, accounts })) };
	},

	product_export(state, data) {
		data = objectData(data);
		const [id] = idList(data, 'product_id', 'Product');
		return copy(productOf(state, id));
	},

	products_export(state, data, params, list) {
		data = objectData(data);
		return list(
			idList(data, 'product_id', 'Product').map((id) => productOf(state, id)),
			{
				age: productAge,
				render: copy,
				arrive: () => arriveProduct(state),
				leave: (product) => state.products.delete(product.product_id),
			},
		);
	},

	products_post_templates_list: () => copy(POST_TEMPLATES),

	products_post(state, data) {
		data = objectData(data);
		const ids = idList(data, 'product_id', 'Product');
		const [template] = idList(data, 'template_id', 'Template');
		if (!POST_TEMPLATES.some((t) => t.template_id === template))
			refuse(201, `Post template ${template} not found`);
		ids.forEach((id) => productOf(state, id));
		return { posted: ids, template_id: template };
	},

	products_revise_inventory(state, data) {
		data = objectData(data);
		idList(data, 'product_id', 'Product').forEach((id) => productOf(state, id));
		return true;
	},

	gemstone_import(state, data) {
		data = objectData(data);
		checkFields(data, GEMSTONE_FIELDS);
		for (const key of ['title', 'code', 'type']) if (!data[key]) refuse(302, `${key} is missing`);
		checkGemCode(state, data.code);
		const gemstone_id = state.nextGemstoneId++;
		state.gemstones.set(gemstone_id, {
			gemstone_id,
			...normalise(data, GEMSTONE_FIELDS),
			date_created: wallClock(new Date()),
		});
		return { gemstone_id };
	},

	gemstone_update(state, data) {
		data = objectData(data);
		const [id] = idList(data, 'gemstone_id', 'Gemstone');
		const fields = { ...data };
		delete fields.gemstone_id;
		checkFields(fields, GEMSTONE_FIELDS);
		const gem = state.gemstones.get(id) ?? refuse(201, `Gemstone ${id} not found`);
		if (fields.code !== undefined && fields.code !== gem.code) checkGemCode(state, fields.code);
		Object.assign(gem, normalise(fields, GEMSTONE_FIELDS));
		return null;
	},

	gemstone_search(state, data, params, list) {
		const filters = data === undefined ? {} : objectData(data);
		checkFields(filters, GEMSTONE_FIELDS);
		return list(
			[...state.gemstones.values()].filter((gem) => matches(gem, filters, GEMSTONE_FIELDS)),
			{
				age: [(gem) => gem.date_created, (gem) => gem.gemstone_id],
				render: (gems) => gems.map((gem) => gem.gemstone_id),
				arrive: () => arriveGemstone(state),
				leave: (gem) => state.gemstones.delete(gem.gemstone_id),
			},
		);
	},

	gemstone_delete(state, data) {
		data = objectData(data);
		const ids = idList(data, 'gemstone_id', 'Gemstone');
		ids.forEach((id) => state.gemstones.has(id) || refuse(201, `Gemstone ${id} not found`));
		ids.forEach((id) => state.gemstones.delete(id));
		return null;
	},

	gemstone_listfields: () => copy(GEMSTONE_FIELDS),

	// ── Orders: ASSUMED names and keys (the docs' Orders page is not public) ──
	orders_export(state, data, params, list) {
		const filters = data === undefined ? {} : objectData(data);
		const { date_from, date_to, ...exact } = filters;
		const known = new Set(state.orders.flatMap((order) => Object.keys(order)));
		for (const key of Object.keys(exact))
			if (!known.has(key)) refuse(303, `Unknown filter "${key}"`);
		const found = dateFilter(state.orders, { date_from, date_to }, 'order_date').filter(
			(order) =>
				!state.hiddenOrders.has(order.order_id) &&
				Object.entries(exact).every(([key, value]) => String(order[key]) === String(value)),
		);
		const oldestFirst = [...found].sort((a, b) =>
			a.order_date < b.order_date ? -1 : a.order_date > b.order_date ? 1 : a.order_id - b.order_id,
		);
		return list(oldestFirst, {
			age: [(order) => order.order_date, (order) => order.order_id],
			render: copy,
			arrive: () => addOrder(state),
			leave: (order) => state.hiddenOrders.add(order.order_id),
		});
	},

	clients_export(state, data, params, list) {
		const filters = data === undefined ? {} : objectData(data);
		const { date_from, date_to, ...rest } = filters;
		if (Object.keys(rest).length) refuse(303, `Unknown filter "${Object.keys(rest)[0]}"`);
		return list(
			dateFilter(state.clients, { date_from, date_to }, 'date_created').filter(
				(client) => !state.hiddenClients.has(client.client_id),
			),
			{
				age: [(client) => client.date_created, (client) => client.client_id],
				render: copy,
				arrive: () => addClient(state),
				leave: (client) => state.hiddenClients.add(client.client_id),
			},
		);
	},

	order_set_tracking_number(state, data) {
		data = objectData(data);
		const [id] = idList(data, 'order_id', 'Order');
		if (!data.tracking_number) refuse(302, 'tracking_number is missing');
		const order =
			state.orders.find((o) => o.order_id === id) ?? refuse(201, `Order ${id} not found`);
		Object.assign(order, {
			tracking_number: String(data.tracking_number),
			carrier: String(data.carrier ?? order.carrier),
		});
		return { order_id: id, tracking_number: order.tracking_number, carrier: order.carrier };
	},

	order_set_separate_tracking_numbers(state, data) {
		data = objectData(data);
		const [id] = idList(data, 'order_id', 'Order');
		if (!Array.isArray(data.items) || data.items.length === 0) refuse(302, 'items is missing');
		const order =
			state.orders.find((o) => o.order_id === id) ?? refuse(201, `Order ${id} not found`);
		for (const entry of data.items) {
			if (!isObject(entry) || !entry.tracking_number)
				refuse(302, 'every item needs item_id and tracking_number');
			const item =
				order.items.find((i) => i.item_id === Number(entry.item_id)) ??
				refuse(201, `Order ${id} has no item ${entry.item_id}`);
			Object.assign(item, {
				tracking_number: String(entry.tracking_number),
				carrier: String(entry.carrier ?? item.carrier),
			});
		}
		return { order_id: id, updated: data.items.length };
	},
};

function checkGemCode(state, code) {
	// Valigara's screens: "code max 20 characters, allowed characters A–Z, 0–9, -, _, ."
	if (!/^[A-Za-z0-9_.-]{1,20}$/.test(String(code)))
		refuse(303, 'code: at most 20 characters, only A–Z, 0–9, -, _ and .');
	if ([...state.gemstones.values()].some((gem) => gem.code === code))
		refuse(303, `A gemstone with code ${code} exists already`);
}

// ── The endpoint ─────────────────────────────────────────────────────────────────────────

function rateLimit(state, now) {
	state.listingsCalls = state.listingsCalls.filter((time) => now - time < LISTINGS_WINDOW_MS);
	if (state.listingsCalls.length >= LISTINGS_LIMIT) {
		const resetAt = state.listingsCalls[0] + LISTINGS_WINDOW_MS;
		// The docs say limited actions send rate-limit headers but name none: these are the usual ones.
		refuse(105, 'product_update_listings allows 4 requests per hour', {
			'Retry-After': String(Math.ceil((resetAt - now) / 1000)),
			'X-RateLimit-Limit': String(LISTINGS_LIMIT),
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
		});
	}
	state.listingsCalls.push(now);
}

/**
 * The paging keys a client guessed (`page`, `limit` in data), taken out of `data` before any filter
 * reads it: dropped (ignore), kept for the list (honour), or refused with 303 (reject).
 */
function guessedPaging(data, mode) {
	if (!isObject(data)) return { data };
	const sent = GUESSED_PAGING_KEYS.filter((key) => data[key] !== undefined);
	if (sent.length === 0) return { data };
	if (mode === 'reject') refuse(303, `Unknown field "${sent[0]}"`);
	const rest = Object.fromEntries(
		Object.entries(data).filter(([key]) => !GUESSED_PAGING_KEYS.includes(key)),
	);
	if (mode !== 'honour') return { data: rest };
	const whole = (key) => {
		if (data[key] === undefined) return undefined;
		const value = Number(data[key]);
		return isNumeric(data[key]) && Number.isInteger(value) && value >= 1
			? value
			: refuse(303, `${key} must be a whole number from 1`);
	};
	return { data: rest, guessed: { page: whole('page') ?? 1, limit: whole('limit') } };
}

function create(now, { behaviour }) {
	const state = seed(now);

	function handle(req) {
		const headers = { 'X-DEBUG-UID': randomBytes(8).toString('hex') };
		if (!/^\/client\/V1\/?$/.test(req.path)) {
			return reply(
				404,
				'<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>',
				headers,
			);
		}
		if (!['GET', 'POST'].includes(req.method))
			return reply(405, '<html><body><h1>405 Method Not Allowed</h1></body></html>', headers);
		// PHP's $_REQUEST: the query, then the form body on top.
		const params = { ...req.query, ...(isObject(req.body) ? req.body : {}) };
		try {
			if (params.auth !== KEYS.valigara.accessKey)
				refuse(102, params.auth ? 'Wrong access key' : 'No access key (auth) sent');
			const action = ACTIONS[params.action];
			if (!action) refuse(200, `No action named "${params.action ?? ''}"`);
			let data;
			if (params.data !== undefined && params.data !== '') {
				try {
					data = JSON.parse(params.data);
				} catch {
					refuse(301, 'data is not valid JSON');
				}
			}
			if (params.action === 'product_update_listings') rateLimit(state, Date.now());
			const settings = behaviour();
			let guessed;
			if (LIST_ACTIONS.has(params.action))
				({ data, guessed } = guessedPaging(data, settings.valigaraPaging));
			const list = (records, spec) => serveList(settings, records, { ...spec, guessed });
			return reply(200, { status: 100, data: action(state, data, params, list) ?? null }, headers);
		} catch (error) {
			if (!(error instanceof Refusal)) throw error;
			// `data` carries Valigara's own words; the code's meaning is in CODES (the node adds it)
			return reply(
				200,
				{ status: error.code, data: error.message },
				{ ...headers, ...error.headers },
			);
		}
	}

	return {
		handle,
		controls: {
			/** a new order, dated now (or `count` of them, `spreadSeconds`, `lateSeconds`): the Valigara Trigger's next poll emits it */
			'POST /orders': (body) =>
				reply(
					201,
					burst(body, (fields, date) =>
						addOrder(state, { order_date: wallClock(date), ...fields }),
					),
				),
			/** an order's status changes (`{order_id, status}`): the Order Status Changed trigger's next poll emits it */
			'POST /orders/status': (body) => {
				const order = state.orders.find((o) => String(o.order_id) === String(body.order_id));
				if (!order)
					return reply(404, {
						message: `No order ${JSON.stringify(body.order_id ?? null)}: send {"order_id": <order ID>, "status": "shipped"}`,
					});
				if (typeof body.status !== 'string' || body.status.trim() === '')
					return reply(400, { message: 'status must be a non-empty text, e.g. "shipped"' });
				order.status = body.status.trim();
				return reply(200, copy(order));
			},
			/** a new client, created now (or `count` of them, as orders) */
			'POST /clients': (body) =>
				reply(
					201,
					burst(body, (fields, date) => addClient(state, fields, date)),
				),
		},
		secrets: () => [KEYS.valigara.accessKey],
	};
}

module.exports = { name: 'valigara', prefix: '/valigara', create, CODES };
