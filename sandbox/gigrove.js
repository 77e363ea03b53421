'use strict';
// Gigrove stand-in: a WooCommerce + WCFM Marketplace store as Gigrove exposes it.
//   POST /api/wp/v2/token             API key + secret → {access_token} (as a public Zapier client uses it)
//   /api/request/v1/…                 products, orders, notifications, bookings, deliveries (Bearer token)
// WordPress conventions throughout: errors are {code, message, data: {status}}, lists take
// per_page (1–100) and page, and only products send X-WP-Total / X-WP-TotalPages / Link (WCFM's
// behaviour). Docs: 003_f542a6303f29e685.txt (https://gigrove.com/api-docs/), notes/gigrove.md.

const { randomBytes } = require('node:crypto');

const { KEYS } = require('./config');
const { reply, wallClock, wpDate, ago, copy, isObject, money } = require('./util');
const { serveList, burst } = require('./behaviour');

const TOKEN_LIFETIME_S = 3600;
const SELLER_ID = 7;
const DELIVERY_PERSON_ID = 12;

const ORDER_STATUSES = [
	'pending',
	'processing',
	'on-hold',
	'completed',
	'cancelled',
	'refunded',
	'failed',
];
const BOOKING_STATUSES = [
	'unpaid',
	'pending-confirmation',
	'confirmed',
	'paid',
	'cancelled',
	'complete',
	'in-cart',
	'was-in-cart',
];
const CATEGORIES = { 9: 'Home', 15: 'Clothing', 23: 'Summer', 30: 'Prints' };
const TAGS = { 41: 'art', 42: 'summer', 43: 'linen' };
const SHIPPING_CLASSES = { 4: 'light', 5: 'bulky' };

const wpError = (status, code, message, extra = {}) =>
	reply(status, { code, message, data: { status, ...extra } });

/** A WordPress error, thrown from anywhere in a route and answered by `handle`. */
class Failure extends Error {
	constructor(answer) {
		super(answer.body.message);
		this.reply = answer;
	}
}
const fail = (...args) => {
	throw new Failure(wpError(...args));
};
const missing = (names) =>
	fail(400, 'rest_missing_callback_param', `Missing parameter(s): ${names.join(', ')}`, {
		params: names,
	});
const invalidParam = (name, why) =>
	fail(400, 'rest_invalid_param', `Invalid parameter(s): ${name}`, { params: { [name]: why } });
const slugify = (text) =>
	String(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
const truthy = (value) =>
	value === true || value === 1 || value === '1' || value === 'true' || value === 'yes';
const idsOf = (value) =>
	(Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((entry) => Number(isObject(entry) ? entry.id : entry))
		.filter((id) => Number.isInteger(id) && id > 0);

// ── Products: WooCommerce's record, filled from what WCFM's product form reads ───────────

function dates(date) {
	return {
		date_created: wpDate(date),
		date_created_gmt: wpDate(date),
		date_modified: wpDate(date),
		date_modified_gmt: wpDate(date),
	};
}

function blankProduct(id, now) {
	return {
		id,
		name: '',
		slug: '',
		permalink: '',
		...dates(now),
		type: 'simple',
		status: 'publish',
		featured: false,
		catalog_visibility: 'visible',
		description: '',
		short_description: '',
		sku: '',
		price: '',
		regular_price: '',
		sale_price: '',
		date_on_sale_from: null,
		date_on_sale_from_gmt: null,
		date_on_sale_to: null,
		date_on_sale_to_gmt: null,
		price_html: '',
		on_sale: false,
		purchasable: true,
		total_sales: 0,
		virtual: false,
		downloadable: false,
		downloads: [],
		download_limit: -1,
		download_expiry: -1,
		external_url: '',
		button_text: '',
		tax_status: 'taxable',
		tax_class: '',
		manage_stock: false,
		stock_quantity: null,
		stock_status: 'instock',
		in_stock: true,
		backorders: 'no',
		backorders_allowed: false,
		backordered: false,
		sold_individually: false,
		weight: '',
		dimensions: { length: '', width: '', height: '' },
		shipping_required: true,
		shipping_taxable: true,
		shipping_class: '',
		shipping_class_id: 0,
		reviews_allowed: true,
		average_rating: '0.00',
		rating_count: 0,
		related_ids: [],
		upsell_ids: [],
		cross_sell_ids: [],
		parent_id: 0,
		purchase_note: '',
		categories: [],
		tags: [],
		images: [],
		attributes: [],
		default_attributes: [],
		variations: [],
		grouped_products: [],
		menu_order: 0,
		meta_data: [],
		store: { id: SELLER_ID, name: 'Print & Linen Studio', shop_name: 'Print & Linen Studio' },
	};
}

/** Applies a create/update body: WCFM's names first (what its product form reads), WooCommerce's beside them. */
function applyProduct(product, body, state) {
	const has = (key) => body[key] !== undefined;
	for (const key of [
		'name',
		'slug',
		'type',
		'featured',
		'catalog_visibility',
		'description',
		'short_description',
		'sku',
		'regular_price',
		'sale_price',
		'tax_status',
		'tax_class',
		'backorders',
		'weight',
		'purchase_note',
		'button_text',
		'menu_order',
		'download_limit',
		'download_expiry',
		'downloadable',
		'sold_individually',
		'manage_stock',
		'stock_quantity',
		'status',
	]) {
		if (has(key)) product[key] = body[key];
	}
	for (const key of ['featured', 'downloadable', 'sold_individually', 'manage_stock'])
		product[key] = truthy(product[key]);
	if (has('stock_quantity'))
		product.stock_quantity = body.stock_quantity === null ? null : Number(body.stock_quantity);
	if (has('is_virtual') || has('virtual'))
		product.virtual = truthy(body.is_virtual ?? body.virtual);
	if (has('name') && !has('slug')) product.slug = slugify(body.name);
	product.permalink = `https://gigrove.com/product/${product.slug}/`;
	if (has('sale_date_from') || has('date_on_sale_from'))
		product.date_on_sale_from = product.date_on_sale_from_gmt = dateOnly(
			body.sale_date_from ?? body.date_on_sale_from,
		);
	if (has('sale_date_upto') || has('date_on_sale_to'))
		product.date_on_sale_to = product.date_on_sale_to_gmt = dateOnly(
			body.sale_date_upto ?? body.date_on_sale_to,
		);
	if (has('stock_status')) product.stock_status = body.stock_status;
	else if (has('in_stock')) product.stock_status = truthy(body.in_stock) ? 'instock' : 'outofstock';
	product.in_stock = product.stock_status !== 'outofstock';
	if (has('length') || has('width') || has('height') || isObject(body.dimensions)) {
		const source = isObject(body.dimensions) ? body.dimensions : {};
		for (const side of ['length', 'width', 'height'])
			product.dimensions[side] = String(
				body[side] ?? source[side] ?? product.dimensions[side] ?? '',
			);
	}
	if (has('shipping_class')) {
		// WCFM reads a class ID; WooCommerce a slug: both are understood.
		const id = Number(body.shipping_class);
		const slug =
			SHIPPING_CLASSES[id] ??
			(Object.values(SHIPPING_CLASSES).includes(body.shipping_class) ? body.shipping_class : '');
		product.shipping_class = slug;
		product.shipping_class_id = Number(
			Object.keys(SHIPPING_CLASSES).find((key) => SHIPPING_CLASSES[key] === slug) ?? 0,
		);
	}
	if (has('upsell_ids')) product.upsell_ids = idsOf(body.upsell_ids);
	if (has('crosssell_ids') || has('cross_sell_ids'))
		product.cross_sell_ids = idsOf(body.crosssell_ids ?? body.cross_sell_ids);
	if (has('product_url') || has('external_url'))
		product.external_url = String(body.product_url ?? body.external_url);
	if (has('categories'))
		product.categories = idsOf(body.categories)
			.filter((id) => CATEGORIES[id])
			.map((id) => ({ id, name: CATEGORIES[id], slug: slugify(CATEGORIES[id]) }));
	// Tags as the doc has them, `[{id}]` (a tag's name is read-only); unknown IDs are skipped, as WordPress does.
	if (has('tags'))
		product.tags = (Array.isArray(body.tags) ? body.tags : [])
			.filter(isObject)
			.map((tag) => Number(tag.id))
			.filter((id) => TAGS[id])
			.map((id) => ({ id, name: TAGS[id], slug: slugify(TAGS[id]) }));
	if (has('featured_image') || has('gallery_images') || has('images'))
		product.images = imagesOf(state, body);
	if (has('attributes') && Array.isArray(body.attributes)) {
		product.attributes = body.attributes.map((attribute, index) => ({
			id: Number(attribute.id ?? 0),
			name: String(attribute.name ?? ''),
			position: Number(attribute.position ?? index),
			visible: truthy(attribute.is_visible ?? attribute.visible),
			variation: truthy(attribute.is_variation ?? attribute.variation),
			options: Array.isArray(attribute.options)
				? attribute.options.map(String)
				: String(attribute.value ?? '')
						.split('|')
						.map((o) => o.trim())
						.filter(Boolean),
		}));
	}
	if (has('default_attributes')) {
		// WCFM's form sends {"attribute_size": "M"}; WooCommerce [{name, option}].
		const list = Array.isArray(body.default_attributes)
			? body.default_attributes
			: Object.entries(body.default_attributes ?? {}).map(([key, option]) => ({
					name: key.replace(/^attribute_/, ''),
					option,
				}));
		product.default_attributes = list.map((entry) => ({
			id: Number(entry.id ?? 0),
			name: String(entry.name ?? ''),
			option: String(entry.option ?? ''),
		}));
	}
	if (has('meta_data') && Array.isArray(body.meta_data))
		product.meta_data = body.meta_data.map((entry) => ({
			id: state.nextMetaId++,
			key: String(entry.key),
			value: entry.value,
		}));
	refreshPrice(product);
	product.date_modified = product.date_modified_gmt = wpDate(new Date());
	return product;
}

function refreshPrice(product) {
	product.on_sale =
		product.sale_price !== '' &&
		product.sale_price !== undefined &&
		Number(product.sale_price) < Number(product.regular_price || Infinity);
	product.price = String(product.on_sale ? product.sale_price : (product.regular_price ?? ''));
	product.price_html = product.price ? `<span class="amount">$${money(product.price)}</span>` : '';
}

const dateOnly = (value) => (value ? `${String(value).slice(0, 10)}T00:00:00` : null);

function imagesOf(state, body) {
	const list =
		body.featured_image !== undefined || body.gallery_images !== undefined
			? [body.featured_image, ...(body.gallery_images ?? [])].filter(Boolean)
			: (body.images ?? []);
	const now = wpDate(new Date());
	return list.map((image, position) => {
		const src = isObject(image)
			? (image.src ?? `https://gigrove.com/wp-content/uploads/image-${image.id}.jpg`)
			: String(image);
		return {
			id: Number(image.id ?? state.nextImageId++),
			date_created: now,
			date_created_gmt: now,
			date_modified: now,
			date_modified_gmt: now,
			src,
			name: image.name ?? src.split('/').pop(),
			alt: image.alt ?? '',
			position,
		};
	});
}

function variationOf(state, body, existing = {}) {
	const variation = {
		id: existing.id ?? state.nextVariationId++,
		date_created: existing.date_created ?? wpDate(new Date()),
		// WCFM sets every field of a variation on each update: what is not sent falls back to its default.
		sku: String(body.sku ?? ''),
		regular_price: String(body.regular_price ?? ''),
		sale_price: String(body.sale_price ?? ''),
		status: body.status === 'private' ? 'private' : 'publish',
		manage_stock: body.manage_stock !== undefined, // WCFM reads any manage_stock as yes
		stock_quantity: body.stock_quantity === undefined ? null : Number(body.stock_quantity),
		stock_status: body.stock_status ?? 'instock',
		attributes: (Array.isArray(body.attributes) ? body.attributes : []).map((a) => ({
			id: Number(a.id ?? 0),
			name: String(a.name ?? ''),
			option: String(a.option ?? ''),
		})),
		image: isObject(body.image)
			? { id: Number(body.image.id ?? 0), src: body.image.src ?? '' }
			: null,
	};
	refreshPrice(variation);
	return variation;
}

// ── Orders, notes, notifications, bookings, deliveries ───────────────────────────────────

function buildOrder(state, id, product, customer, created) {
	const quantity = 1 + (id % 2);
	const price = Number(product.price || product.regular_price || 10);
	const total = money(price * quantity);
	return {
		id,
		parent_id: 0,
		number: String(id),
		order_key: `wc_order_${randomBytes(6).toString('hex')}`,
		created_via: 'checkout',
		version: '3.6.4',
		status: 'processing',
		currency: 'USD',
		...dates(created),
		discount_total: '0.00',
		discount_tax: '0.00',
		shipping_total: '0.00',
		shipping_tax: '0.00',
		cart_tax: '0.00',
		total,
		total_tax: '0.00',
		prices_include_tax: false,
		customer_id: customer.id,
		customer_ip_address: '203.0.113.7',
		customer_user_agent: 'Mozilla/5.0',
		customer_note: '',
		billing: {
			first_name: customer.first,
			last_name: customer.last,
			company: '',
			address_1: customer.address,
			address_2: '',
			city: customer.city,
			state: '',
			postcode: customer.postcode,
			country: customer.country,
			email: customer.email,
			phone: customer.phone,
		},
		shipping: {
			first_name: customer.first,
			last_name: customer.last,
			company: '',
			address_1: customer.address,
			address_2: '',
			city: customer.city,
			state: '',
			postcode: customer.postcode,
			country: customer.country,
		},
		payment_method: 'cod',
		payment_method_title: 'Cash on delivery',
		transaction_id: '',
		date_paid: null,
		date_paid_gmt: null,
		date_completed: null,
		date_completed_gmt: null,
		cart_hash: randomBytes(16).toString('hex'),
		meta_data: [{ id: state.nextMetaId++, key: '_wcfmmp_order_processed', value: 'yes' }],
		line_items: [
			{
				id: state.nextItemId++,
				name: product.name,
				product_id: product.id,
				variation_id: 0,
				quantity,
				tax_class: '',
				subtotal: total,
				subtotal_tax: '0.00',
				total,
				total_tax: '0.00',
				taxes: [],
				meta_data: [{ id: state.nextMetaId++, key: '_vendor_id', value: String(SELLER_ID) }],
				sku: product.sku,
				price,
				store_name: 'Print & Linen Studio',
			},
		],
		tax_lines: [],
		shipping_lines: [],
		fee_lines: [],
		coupon_lines: [],
		refunds: [],
		shipment_tracking: {
			each_data: [],
			mark_all: false,
			delivery_boys: [{ id: DELIVERY_PERSON_ID, name: 'Sam Courier' }],
		},
	};
}

const CUSTOMERS = [
	{
		id: 0,
		first: 'Ada',
		last: 'Lovelace',
		email: 'ada@example.com',
		phone: '+44 20 7946 0000',
		address: '12 St James Square',
		city: 'London',
		postcode: 'SW1Y 4JH',
		country: 'UK',
	},
	{
		id: 41,
		first: 'Grace',
		last: 'Hopper',
		email: 'grace@example.com',
		phone: '+1 212 555 0100',
		address: '1 Navy Way',
		city: 'New York',
		postcode: '10001',
		country: 'US',
	},
	{
		id: 42,
		first: 'Alan',
		last: 'Turing',
		email: 'alan@example.com',
		phone: '+44 161 555 0123',
		address: '5 Bletchley Road',
		city: 'Manchester',
		postcode: 'M1 1AA',
		country: 'UK',
	},
];

function addNotification(state, fields, created = new Date()) {
	const notification = {
		ID: state.nextNotificationId++,
		message: 'A new message',
		message_type: 'message',
		created: wallClock(created),
		is_read: false,
		...fields,
	};
	state.notifications.push(notification);
	return notification;
}

const notificationReply = ({ ID, message, message_type, created }) => ({
	ID: String(ID),
	message,
	message_type,
	created,
});

function addNote(state, order, content, customerNote, addedBy = 'Print & Linen Studio') {
	const note = {
		id: state.nextNoteId++,
		author: addedBy,
		date_created: wpDate(new Date()),
		date_created_gmt: wpDate(new Date()),
		content,
		customer_note: customerNote,
		added_by: addedBy,
	};
	(state.notes[order.id] ??= []).push(note);
	return note;
}

/** An order moves to `status` as WooCommerce moves it: a system note, `date_modified`, `date_completed`. */
function changeOrderStatus(state, order, status) {
	const title = (s) => s.charAt(0).toUpperCase() + s.slice(1).replace('-', ' ');
	if (status !== order.status)
		addNote(
			state,
			order,
			`Order status changed from ${title(order.status)} to ${title(status)}.`,
			false,
			'system',
		);
	Object.assign(order, {
		status,
		date_modified: wpDate(new Date()),
		date_modified_gmt: wpDate(new Date()),
	});
	if (status === 'completed') order.date_completed = order.date_completed_gmt = wpDate(new Date());
}

/** A new order with the notification WCFM sends the vendor for it. */
function addOrder(state, fields = {}, created = new Date()) {
	const products = [...state.products.values()].filter((p) => p.status === 'publish');
	const product = products[state.orders.size % products.length];
	const customer = CUSTOMERS[state.orders.size % CUSTOMERS.length];
	const id = state.nextOrderId++;
	const order = { ...buildOrder(state, id, product, customer, created), ...fields };
	state.orders.set(id, order);
	const notification = addNotification(
		state,
		{ message: `You have received an Order #${id} for ${product.name}`, message_type: 'order' },
		created,
	);
	return { order, notification };
}

// ── Seed ─────────────────────────────────────────────────────────────────────────────────

function seed(now) {
	const state = {
		products: new Map(),
		variations: {},
		orders: new Map(),
		notes: {},
		notifications: [],
		bookings: new Map(),
		deliveries: new Map(),
		tokens: new Map(),
		nextProductId: 5694300,
		nextVariationId: 5694400,
		nextOrderId: 5694440,
		nextItemId: 1220,
		nextNoteId: 300,
		nextNotificationId: 2160,
		nextMetaId: 9000,
		nextImageId: 700,
		nextBookingId: 34,
		nextDeliveryId: 58,
	};
	const add = (id, fields, daysAgo) => {
		const product = applyProduct(blankProduct(id, ago(now, { days: daysAgo })), fields, state);
		Object.assign(product, dates(ago(now, { days: daysAgo })));
		state.products.set(id, product);
		return product;
	};
	// The doc's own example product ID first.
	add(
		5694268,
		{
			name: 'Design Print',
			sku: 'DP-A2',
			regular_price: '25.00',
			categories: [30],
			tags: [{ id: 41 }],
			images: [
				{ src: 'https://gigrove.com/wp-content/uploads/design-print.jpg', alt: 'Design Print' },
			],
		},
		90,
	);
	const shirt = add(
		5694269,
		{
			name: 'Linen Shirt',
			type: 'variable',
			sku: 'LS-1',
			regular_price: '19.99',
			categories: [15, 23],
			attributes: [{ name: 'Size', options: ['S', 'M', 'L'], visible: true, variation: true }],
		},
		60,
	);
	add(
		5694270,
		{
			name: 'Ceramic Mug',
			sku: 'MUG-1',
			regular_price: '12.50',
			sale_price: '9.90',
			manage_stock: true,
			stock_quantity: 40,
			categories: [9],
		},
		45,
	);
	add(
		5694271,
		{
			name: 'Canvas Tote',
			sku: 'TOTE-1',
			regular_price: '15.00',
			status: 'draft',
			categories: [9],
		},
		20,
	);
	for (let n = 1; n <= 8; n++)
		add(
			5694271 + n,
			{ name: `Poster A3 #${n}`, sku: `POSTER-${n}`, regular_price: '8.00', categories: [30] },
			30 - n,
		);
	state.variations[shirt.id] = ['S', 'M', 'L'].map((size, index) =>
		variationOf(state, {
			sku: `LS-1-${size}`,
			regular_price: (19.99 + index * 2).toFixed(2),
			attributes: [{ id: 0, name: 'Size', option: size }],
			manage_stock: true,
			stock_quantity: 5,
		}),
	);
	shirt.variations = state.variations[shirt.id].map((v) => v.id);

	// Orders of the last week, the doc's 5694445–5694447 among them, each with its notification.
	for (let days = 7; days >= 0; days--) {
		if (days === 2)
			addNotification(
				state,
				{
					message: 'Your withdrawal request #12 has been approved',
					message_type: 'withdraw-request',
				},
				ago(now, { days, hours: 5 }),
			);
		addOrder(state, {}, ago(now, { days, hours: 2 }));
	}
	[...state.orders.values()].slice(0, 5).forEach((order) => (order.status = 'completed'));
	addNote(
		state,
		state.orders.get(5694447),
		'Payment to be made upon delivery. Order status changed from Pending payment to Processing.',
		false,
		'system',
	);
	// The oldest notifications have been read; WCFM lists unread ones unless asked for read ones.
	state.notifications.slice(0, 3).forEach((n) => (n.is_read = true));

	const created = ago(now, { days: 5 });
	const day = (offset, hour) =>
		new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset, hour));
	[
		booking(31, 'confirmed', 5694268, day(3, 9), 2, CUSTOMERS[1], created),
		booking(32, 'paid', 5694268, day(5, 14), 3, CUSTOMERS[2], created),
		booking(33, 'pending-confirmation', 5694268, day(9, 10), 2, CUSTOMERS[0], created),
	].forEach((b) => state.bookings.set(b.id, b));

	const deliveredOn = wallClock(ago(now, { days: 1 }));
	[
		delivery(state, 55, 5694447, 'pending', deliveredOn),
		delivery(state, 56, 5694446, 'pending', deliveredOn),
		delivery(state, 57, 5694445, 'delivered', deliveredOn),
	].forEach((d) => state.deliveries.set(d.delivery_id, d));
	return state;
}

function booking(id, status, product, start, hours, customer, created) {
	return {
		id,
		all_day: false,
		cost: '45.00',
		customer_id: customer.id,
		...dates(created),
		start: wpDate(start),
		start_gmt: wpDate(start),
		end: wpDate(new Date(start.getTime() + hours * 3600_000)),
		end_gmt: wpDate(new Date(start.getTime() + hours * 3600_000)),
		google_calendar_event_id: '',
		order_id: 5694445,
		order_item_id: 1225,
		parent_id: 0,
		person_counts: {},
		product_id: product,
		resource_id: 0,
		status,
		local_timezone: 'UTC',
		product_title: 'Screen Printing Workshop',
		customer_name: `${customer.first} ${customer.last}`,
		customer_email: customer.email,
	};
}

function delivery(state, id, orderId, status, deliveredOn) {
	const order = state.orders.get(orderId);
	const item = order.line_items[0];
	return {
		delivery_id: String(id),
		order_id: String(orderId),
		delivery_status: status,
		delivery_boy: DELIVERY_PERSON_ID,
		payment_method: order.payment_method_title,
		payment_remaining: order.total,
		currency: 'USD',
		item: { name: `${item.quantity} x ${item.name}` },
		items: [{ name: item.name, quantity: item.quantity, sku: item.sku }],
		store: {
			name: 'Print & Linen Studio',
			address_string: 'https://maps.google.com/?q=51.5072,-0.1276',
			address_coordinate: { store_lat: '51.5072', store_lng: '-0.1276' },
			address: { street_1: '1 Market Row', city: 'London', zip: 'E1 6AA', country: 'UK' },
		},
		customer: {
			name: `${order.billing.first_name} ${order.billing.last_name}`,
			email: order.billing.email,
			phone: order.billing.phone,
			address_singleline: `${order.billing.address_1}, ${order.billing.city}`,
			address_coordinate: { lat: '51.50', lng: '-0.12' },
		},
		shipping_address: { ...order.shipping },
		delivered_on: status === 'delivered' ? deliveredOn : '',
	};
}

// ── Records that arrive while a client pages (behaviour duringPaging) ────────────────────

function arriveProduct(state) {
	const product = applyProduct(
		blankProduct(state.nextProductId++, new Date()),
		{
			name: `New Poster ${state.nextProductId - 1}`,
			sku: `NEW-${state.nextProductId - 1}`,
			regular_price: '8.00',
			categories: [30],
		},
		state,
	);
	state.products.set(product.id, product);
}

function arriveBooking(state) {
	const now = new Date();
	const id = state.nextBookingId++;
	state.bookings.set(
		id,
		booking(
			id,
			'unpaid',
			5694268,
			new Date(now.getTime() + 7 * 86_400_000),
			2,
			CUSTOMERS[id % CUSTOMERS.length],
			now,
		),
	);
}

function arriveDelivery(state) {
	const [order] = [...state.orders.values()].slice(-1);
	const id = state.nextDeliveryId++;
	state.deliveries.set(String(id), delivery(state, id, order.id, 'pending', ''));
}

// ── Lists ────────────────────────────────────────────────────────────────────────────────

/**
 * per_page / page as WordPress checks them; products alone get the total headers (WCFM). The
 * behaviour (settings) may sort, cap the page and add or take records after it: behaviour.js.
 * `toReply` turns a stored record into what the reply holds; `age`, `arrive`, `leave` as serveList.
 */
function page(req, settings, list, { headers = false, toReply = copy, age, arrive, leave }) {
	const perPage = req.query.per_page === undefined ? 10 : Number(req.query.per_page);
	const pageNo = req.query.page === undefined ? 1 : Number(req.query.page);
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100)
		invalidParam('per_page', 'per_page must be between 1 (inclusive) and 100 (inclusive)');
	if (!Number.isInteger(pageNo) || pageNo < 1)
		invalidParam('page', 'page must be greater than or equal to 1');
	const render = (records, window) => {
		const items = records.map((record) => toReply(record));
		if (!headers || !window.totals) return reply(200, items);
		const link = (n) => {
			const query = new URLSearchParams({ ...req.query, page: String(n) });
			return `<http://${req.headers.host}/gigrove/api/request/v1${req.route}?${query}>`;
		};
		const links = [
			pageNo > 1 && `${link(pageNo - 1)}; rel="prev"`,
			pageNo < window.totalPages && `${link(pageNo + 1)}; rel="next"`,
		].filter(Boolean);
		return reply(200, items, {
			'X-WP-Total': String(window.total),
			'X-WP-TotalPages': String(window.totalPages),
			...(links.length ? { Link: links.join(', ') } : {}),
		});
	};
	return serveList(settings, list, {
		paging: { size: perPage, page: pageNo },
		render,
		age,
		arrive,
		leave,
	});
}

const byCreation = [(record) => record.date_created, (record) => record.id];

function sortBy(list, key, order = 'desc') {
	const direction = String(order).toLowerCase() === 'asc' ? 1 : -1;
	return [...list].sort((a, b) => (a[key] < b[key] ? -direction : a[key] > b[key] ? direction : 0));
}

function productList(state, q) {
	const statuses = String(q.post_status ?? q.status ?? 'publish,pending,draft').split(',');
	const include = q.include ? idsOf(q.include) : undefined;
	const exclude = q.exclude ? idsOf(q.exclude) : [];
	let list = [...state.products.values()].filter(
		(p) =>
			(statuses.includes('any') || statuses.includes(p.status)) &&
			(!include || include.includes(p.id)) &&
			!exclude.includes(p.id) &&
			(!q.search ||
				`${p.name} ${p.description} ${p.sku}`
					.toLowerCase()
					.includes(String(q.search).toLowerCase())) &&
			(!q.type || p.type === q.type) &&
			(!q.sku || p.sku === q.sku) &&
			(!q.slug || p.slug === q.slug) &&
			(!q.category || p.categories.some((c) => idsOf(q.category).includes(c.id))) &&
			(!q.tag || p.tags.some((t) => idsOf(q.tag).includes(t.id))) &&
			(!q.parent || idsOf(q.parent).includes(p.parent_id)) &&
			(!q.after || p.date_created > q.after) &&
			(!q.before || p.date_created < q.before) &&
			(q.min_price === undefined || Number(p.price) >= Number(q.min_price)) &&
			(q.max_price === undefined || Number(p.price) <= Number(q.max_price)),
	);
	const key =
		{ date: 'date_created', modified: 'date_modified', id: 'id', title: 'name', slug: 'slug' }[
			q.orderby ?? 'date'
		] ?? 'date_created';
	list = sortBy(list, key, q.order ?? 'desc');
	return list;
}

// ── The service ──────────────────────────────────────────────────────────────────────────

function create(now, { behaviour }) {
	const state = seed(now);

	function who(req) {
		const match = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
		const token = match?.[1].trim();
		if (token === KEYS.gigrove.sellerToken) return 'seller';
		if (token === KEYS.gigrove.deliveryToken) return 'delivery';
		const issued = token && state.tokens.get(token);
		return issued && issued.expires > Date.now() ? 'seller' : undefined;
	}

	function exchangeToken(req) {
		const params = { ...req.query, ...(isObject(req.body) ? req.body : {}) };
		const key = params.api_key ?? req.headers['x-api-key'];
		const secret = params.api_secret ?? req.headers['x-api-secret'];
		if (!key || !secret) missing(['api_key', 'api_secret'].filter((name) => !params[name]));
		if (key !== KEYS.gigrove.apiKey || secret !== KEYS.gigrove.apiSecret)
			return wpError(401, 'invalid_api_credentials', 'Invalid API key or API secret.');
		const token = `gst_${randomBytes(16).toString('hex')}`;
		state.tokens.set(token, { expires: Date.now() + TOKEN_LIFETIME_S * 1000 });
		return reply(200, { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S });
	}

	// WCFM's own 404s for an unknown ID
	const productOr404 = (id) =>
		state.products.get(Number(id)) ?? fail(404, 'wcfmapi_rest_invalid_product_id', 'Invalid ID.');
	const orderOr404 = (id) =>
		state.orders.get(Number(id)) ?? fail(404, 'wcfmapi_rest_invalid_shop_order_id', 'Invalid ID');
	const bookingOr404 = (id) =>
		state.bookings.get(Number(id)) ?? fail(404, 'wcfmapi_rest_invalid_wc_booking_id', 'Invalid ID');
	const variationIndex = (list, id) => {
		const index = list.findIndex((v) => v.id === Number(id));
		return index >= 0
			? index
			: fail(404, 'wcfmapi_rest_invalid_product_variation_id', 'Invalid variation ID.');
	};

	// [methods, route pattern, role allowed, handler(req, params) → reply]
	const routes = [
		[
			'GET',
			/^products\/?$/,
			'seller',
			(req) =>
				page(req, behaviour(), productList(state, req.query), {
					headers: true,
					age: byCreation,
					arrive: () => arriveProduct(state),
					leave: (product) => state.products.delete(product.id),
				}),
		],
		[
			'POST',
			/^products\/?$/,
			'seller',
			(req, _, body) => {
				const absent = ['name', 'categories'].filter(
					(key) =>
						body[key] === undefined ||
						body[key] === '' ||
						(Array.isArray(body[key]) && body[key].length === 0),
				);
				if (absent.length) missing(absent);
				if (body.sku && [...state.products.values()].some((p) => p.sku === body.sku))
					fail(400, 'product_invalid_sku', 'Invalid or duplicated SKU.');
				const product = applyProduct(blankProduct(state.nextProductId++, new Date()), body, state);
				state.products.set(product.id, product);
				return reply(201, copy(product));
			},
		],
		[
			'GET',
			/^products\/(\d+)\/?$/,
			'seller',
			(req, [id]) => {
				const product = productOr404(id);
				return reply(200, copy(product));
			},
		],
		[
			['PUT', 'POST', 'PATCH'],
			/^products\/(\d+)\/?$/,
			'seller',
			(req, [id], body) => {
				const product = productOr404(id);
				if (
					body.sku &&
					[...state.products.values()].some((p) => p.sku === body.sku && p.id !== product.id)
				)
					fail(400, 'product_invalid_sku', 'Invalid or duplicated SKU.');
				return reply(200, copy(applyProduct(product, body, state)));
			},
		],
		[
			'DELETE',
			/^products\/(\d+)\/?$/,
			'seller',
			(req, [id]) => {
				const product = productOr404(id);
				// WCFM deletes for good, `force` or not, and answers with the product as it was.
				state.products.delete(product.id);
				return reply(200, copy(product));
			},
		],
		[
			['PUT', 'POST', 'PATCH'],
			/^products\/quick-edit\/(\d+)\/?$/,
			'seller',
			(req, [id], body) => {
				const product = productOr404(id);
				const allowed = [
					'name',
					'featured',
					'sku',
					'catalog_visibility',
					'images',
					'regular_price',
					'sale_price',
					'date_on_sale_from',
					'date_on_sale_to',
					'in_stock',
					'stock_status',
					'manage_stock',
					'backorders',
					'stock_quantity',
					'categories',
					'type',
				];
				const changes = Object.fromEntries(
					Object.entries(body).filter(([key]) => allowed.includes(key)),
				);
				if (body.inventory_delta !== undefined)
					changes.stock_quantity =
						Number(product.stock_quantity ?? 0) + Number(body.inventory_delta);
				return reply(200, copy(applyProduct(product, changes, state)));
			},
		],
		[
			'GET',
			/^products\/(\d+)\/variations\/?$/,
			'seller',
			(req, [id]) => {
				const product = productOr404(id);
				return reply(200, copy(state.variations[product.id] ?? []));
			},
		],
		[
			'POST',
			/^products\/(\d+)\/variations\/?$/,
			'seller',
			(req, [id], body) => {
				const product = productOr404(id);
				const variation = variationOf(state, body);
				(state.variations[product.id] ??= []).push(variation);
				product.variations = state.variations[product.id].map((v) => v.id);
				return reply(201, copy(variation));
			},
		],
		[
			['PUT', 'POST', 'PATCH'],
			/^products\/(\d+)\/variations\/(\d+)\/?$/,
			'seller',
			(req, [id, variationId], body) => {
				const product = productOr404(id);
				const list = state.variations[product.id] ?? [];
				const index = variationIndex(list, variationId);
				list[index] = variationOf(state, body, list[index]);
				return reply(200, copy(list[index]));
			},
		],
		[
			'DELETE',
			/^products\/(\d+)\/variations\/(\d+)\/?$/,
			'seller',
			(req, [id, variationId]) => {
				const product = productOr404(id);
				const list = state.variations[product.id] ?? [];
				variationIndex(list, variationId);
				state.variations[product.id] = list.filter((v) => v.id !== Number(variationId));
				product.variations = state.variations[product.id].map((v) => v.id);
				return reply(200, { product_id: product.id, variation_id: Number(variationId) });
			},
		],

		[
			'GET',
			/^orders\/?$/,
			'seller',
			(req) => {
				const q = req.query;
				// trashed orders (behaviour duringPaging) leave the list, as WooCommerce's
				let list = [...state.orders.values()].filter((o) => o.status !== 'trash');
				if (q.search) {
					const text = String(q.search).toLowerCase();
					list = list.filter((o) =>
						`${o.id} ${o.billing.first_name} ${o.billing.last_name} ${o.billing.email}`
							.toLowerCase()
							.includes(text),
					);
				} else if (q.after && q.before) {
					// WCFM filters by creation day, and only when both dates are given
					list = list.filter(
						(o) =>
							o.date_created.slice(0, 10) >= String(q.after).slice(0, 10) &&
							o.date_created.slice(0, 10) <= String(q.before).slice(0, 10),
					);
				}
				list = sortBy(list, q.orderby === 'created' ? 'date_created' : 'id', q.order ?? 'desc');
				return page(req, behaviour(), list, {
					age: byCreation,
					arrive: () => addOrder(state),
					leave: (order) => (order.status = 'trash'),
				});
			},
		],
		[
			'PUT',
			/^orders\/shipment_tracking\/?$/,
			'seller',
			(req, _, body) => {
				const absent = ['order_id', 'product_id', 'item_id'].filter((key) => !body[key]);
				if (absent.length) missing(absent);
				const order = orderOr404(body.order_id);
				const item = order.line_items.find(
					(line) => line.id === Number(body.item_id) && line.product_id === Number(body.product_id),
				);
				if (!item) fail(404, 'wcfmapi_rest_invalid_order_item_id', 'Invalid order item.');
				const tracking = {
					item_id: item.id,
					product_id: item.product_id,
					product_name: item.name,
					sku: item.sku,
					tracking_code: String(body.tracking_code ?? ''),
					tracking_url: String(body.tracking_url ?? ''),
					delivery_boy: Number(body.delivery_boy ?? 0),
					delivery_status: 'pending',
					mark_shipped: true,
				};
				order.shipment_tracking.each_data = [
					...order.shipment_tracking.each_data.filter((t) => t.item_id !== item.id),
					tracking,
				];
				addNote(
					state,
					order,
					`Product <b>${item.name}</b> has been shipped to the customer. Tracking code: ${tracking.tracking_code}`,
					true,
				);
				return reply(200, {
					order_id: order.id,
					order_status: order.status,
					tracking_data: {
						wcfm_tracking_code: tracking.tracking_code,
						wcfm_tracking_url: tracking.tracking_url,
						wcfm_delivery_boy: tracking.delivery_boy,
					},
				});
			},
		],
		[
			'GET',
			/^orders\/note\/(\d+)\/?$/,
			'seller',
			(req, [id]) => {
				const order = orderOr404(id);
				return reply(200, copy([...(state.notes[order.id] ?? [])].reverse()));
			},
		],
		[
			['PUT', 'POST', 'PATCH'],
			/^orders\/note\/(\d+)\/?$/,
			'seller',
			(req, [id], body) => {
				const order = orderOr404(id);
				if (!body.note) missing(['note']);
				addNote(state, order, String(body.note), body.note_type === 'customer');
				// WCFM answers with every note of the order, newest first
				return reply(200, copy([...state.notes[order.id]].reverse()));
			},
		],
		[
			'GET',
			/^orders\/(\d+)\/?$/,
			'seller',
			(req, [id]) => {
				const order = orderOr404(id);
				return reply(200, copy(order));
			},
		],
		[
			['PUT', 'POST', 'PATCH'],
			/^orders\/(\d+)\/?$/,
			'seller',
			(req, [id], body) => {
				const order = orderOr404(id);
				if (!body.status) missing(['status']);
				const status = String(body.status).replace(/^wc-/, '');
				if (!ORDER_STATUSES.includes(status))
					invalidParam('status', `status is not one of ${ORDER_STATUSES.join(', ')}.`);
				changeOrderStatus(state, order, status);
				return reply(200, copy(order));
			},
		],

		[
			'GET',
			/^notifications\/?$/,
			'any',
			(req) => {
				const q = req.query;
				const read = q.notification_status === 'read';
				const type =
					q.notification_type && q.notification_type !== 'all' ? q.notification_type : undefined;
				const list = state.notifications.filter(
					(n) => n.is_read === read && (!type || n.message_type === type),
				);
				return page(
					req,
					behaviour(),
					sortBy(list, q.orderby === 'created' ? 'created' : 'ID', q.order ?? 'desc'),
					{
						toReply: notificationReply,
						age: [(n) => n.created, (n) => n.ID],
						arrive: () => addNotification(state, { message_type: type ?? 'message' }),
						// an unread notification leaves its list by being read; a read one by being deleted
						leave: (n) =>
							read
								? state.notifications.splice(state.notifications.indexOf(n), 1)
								: (n.is_read = true),
					},
				);
			},
		],

		[
			'GET',
			/^bookings\/?$/,
			'seller',
			(req) => {
				const q = req.query;
				const list = [...state.bookings.values()].filter(
					(b) =>
						(!q.booking_status || b.status === q.booking_status) &&
						(!q.booking_filter || b.product_id === Number(q.booking_filter)) &&
						(!q.search ||
							`${b.customer_name} ${b.customer_email} ${b.product_title}`
								.toLowerCase()
								.includes(String(q.search).toLowerCase())) &&
						(!q.after || b.start >= String(q.after)) &&
						(!q.before || b.start <= String(q.before)),
				);
				return page(req, behaviour(), sortBy(list, 'start', 'asc'), {
					age: byCreation,
					arrive: () => arriveBooking(state),
					leave: (b) => state.bookings.delete(b.id),
				});
			},
		],
		[
			['PUT', 'POST', 'PATCH'],
			/^bookings\/update-status\/(\d+)\/?$/,
			'seller',
			(req, [id], body) => {
				const booking = bookingOr404(id);
				if (!body.status) missing(['status']);
				if (!BOOKING_STATUSES.includes(body.status))
					invalidParam('status', `status is not one of ${BOOKING_STATUSES.join(', ')}.`);
				booking.status = body.status;
				return reply(200, copy(booking));
			},
		],
		[
			'GET',
			/^bookings\/(\d+)\/?$/,
			'seller',
			(req, [id]) => {
				const booking = bookingOr404(id);
				return reply(200, copy(booking));
			},
		],
		[
			['PUT', 'POST', 'PATCH'],
			/^bookings\/(\d+)\/?$/,
			'seller',
			(req, [id], body) => {
				const booking = bookingOr404(id);
				const date = /^\d{4}-\d{2}-\d{2}$/;
				const time = /^\d{2}:\d{2}$/;
				for (const [key, pattern] of [
					['start_date', date],
					['end_date', date],
					['start_time', time],
					['end_time', time],
				]) {
					if (body[key] !== undefined && !pattern.test(String(body[key])))
						invalidParam(key, `${key} must be ${pattern === date ? 'Y-m-d' : 'H:i'}.`);
				}
				const allDay = truthy(body.all_day);
				const start = `${body.start_date ?? booking.start.slice(0, 10)}T${allDay ? '00:00' : (body.start_time ?? booking.start.slice(11, 16))}:00`;
				const end = `${body.end_date ?? booking.end.slice(0, 10)}T${allDay ? '23:59' : (body.end_time ?? booking.end.slice(11, 16))}:00`;
				if (end < start) invalidParam('end_date', 'The booking cannot end before it starts.');
				Object.assign(booking, {
					start,
					start_gmt: start,
					end,
					end_gmt: end,
					all_day: allDay,
					date_modified: wpDate(new Date()),
				});
				return reply(200, copy(booking));
			},
		],

		[
			'GET',
			/^deliveries\/?$/,
			'delivery',
			(req) => {
				const q = req.query;
				const person = Number(q.wcfm_delivery_boy ?? DELIVERY_PERSON_ID);
				const list = [...state.deliveries.values()].filter(
					(d) =>
						d.delivery_boy === person &&
						(!q.delivery_status || d.delivery_status === q.delivery_status),
				);
				return page(req, behaviour(), list, {
					age: [() => '', (d) => d.delivery_id],
					arrive: () => arriveDelivery(state),
					leave: (d) => state.deliveries.delete(d.delivery_id),
				});
			},
		],
		[
			'GET',
			/^deliveries\/([\d,]+)\/?$/,
			'delivery',
			(req, [id]) => {
				const delivery = state.deliveries.get(id);
				return delivery
					? reply(200, copy(delivery))
					: fail(404, 'wcfmapi_rest_invalid_delivery_id', 'Invalid ID');
			},
		],
		[
			'POST',
			/^deliveries\/([\d,]+)\/?$/,
			'delivery',
			(req, [ids]) => {
				const list = ids
					.split(',')
					.filter(Boolean)
					.map((id) => state.deliveries.get(id));
				if (list.length === 0 || list.some((d) => !d))
					fail(404, 'wcfmapi_rest_invalid_delivery_id', 'Invalid ID');
				const deliveredOn = wallClock(new Date());
				list.forEach((d) =>
					Object.assign(d, { delivery_status: 'delivered', delivered_on: deliveredOn }),
				);
				// WCFM marks each one delivered and merges them into one reply
				return reply(200, [
					{
						...copy(list[0]),
						delivery_id: ids,
						delivery_status: 'delivered',
						delivered_on: deliveredOn,
					},
				]);
			},
		],
	];

	function handle(req) {
		try {
			return answer(req);
		} catch (error) {
			if (error instanceof Failure) return error.reply;
			throw error;
		}
	}

	function answer(req) {
		if (/^\/api\/wp\/v2\/token\/?$/.test(req.path)) {
			return req.method === 'POST'
				? exchangeToken(req)
				: wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
		}
		const match = /^\/api\/request\/v1\/(.*)$/.exec(req.path);
		const noRoute = wpError(
			404,
			'rest_no_route',
			'No route was found matching the URL and request method.',
		);
		if (!match) return noRoute;
		const role = who(req);
		// WordPress: 401 when nobody is logged in, 403 when the account may not do this.
		if (!role) return wpError(401, 'rest_forbidden', 'Sorry, you are not allowed to do that.');
		if (req.jsonError) return wpError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
		for (const [methods, pattern, allowed, action] of routes) {
			const params = pattern.exec(match[1]);
			if (!params || ![].concat(methods).includes(req.method)) continue;
			if (allowed !== 'any' && allowed !== role)
				return wpError(403, 'rest_forbidden', 'Sorry, you are not allowed to do that.');
			// "All parameters … are accepted as query parameters": the query, then the body on top.
			const body = { ...req.query, ...(isObject(req.body) ? req.body : {}) };
			return action({ ...req, route: `/${match[1]}` }, params.slice(1), body);
		}
		return noRoute;
	}

	return {
		handle,
		controls: {
			/** a new order dated now, and the vendor notification WCFM sends for it */
			// `count` records at once, dated back over `spreadSeconds`, `lateSeconds` before now: behaviour.js burst
			'POST /orders': (body) =>
				reply(
					201,
					burst(body, (fields, date) => {
						const { order, notification } = addOrder(state, fields, date);
						return { order: copy(order), notification: notificationReply(notification) };
					}),
				),
			/** an order's status changes (`{id, status}`), as Update Status changes it: the Order Status Changed trigger's next poll emits it */
			'POST /orders/status': (body) => {
				const order = state.orders.get(Number(body.id));
				if (!order || order.status === 'trash')
					return reply(404, {
						message: `No order ${JSON.stringify(body.id ?? null)}: send {"id": <order ID>, "status": "completed"}`,
					});
				const status = String(body.status ?? '').replace(/^wc-/, '');
				if (!ORDER_STATUSES.includes(status))
					return reply(400, { message: `status must be one of ${ORDER_STATUSES.join(', ')}` });
				changeOrderStatus(state, order, status);
				return reply(200, copy(order));
			},
			/** a new unread notification, dated now (or `count` of them, as orders) */
			'POST /notifications': (body) =>
				reply(
					201,
					burst(body, (fields, date) =>
						notificationReply(addNotification(state, { ...fields, is_read: false }, date)),
					),
				),
			/** every token issued by the token URL stops working (the node fetches a new one on the 401) */
			'POST /expire-tokens': () => {
				const count = state.tokens.size;
				state.tokens.clear();
				return reply(200, { expired: count });
			},
		},
		secrets: () => [
			KEYS.gigrove.sellerToken,
			KEYS.gigrove.deliveryToken,
			KEYS.gigrove.apiKey,
			KEYS.gigrove.apiSecret,
			...state.tokens.keys(),
		],
	};
}

module.exports = { name: 'gigrove', prefix: '/gigrove', create };
