/**
 * Every operation of every node, once, with parameters that make a valid request: the table the
 * bad-input, fault and secret suites walk. `coverage()` checks it against the nodes' own
 * descriptions, so an operation (or a required field) added to a node without a row here fails
 * those suites.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { nodeTypes, PACKAGE_NAME } from '../kit/registry';
import { orderBody, productBody, productFields } from '../vanilla-eshop/fixtures';

export type NodeName = 'valigara' | 'vanillaEshop' | 'gigrove' | 'guaranteedReviews';

/** How a required field is meant to be filled: it decides which bad values it must refuse. */
export type FieldKind =
	/** a store ID made of digits, in a path or a body */
	| 'numericId'
	/** an identifier that may be any text (a SKU, Valigara's IDs, an order reference) */
	| 'textId'
	/** several IDs: "1, 2" or a list */
	| 'idList'
	/** several store IDs made of digits */
	| 'numericIdList'
	/** words a person writes: names, notes, comments, titles */
	| 'text'
	| 'email'
	| 'date'
	| 'number'
	/** a JSON object typed into the node */
	| 'jsonObject'
	/** Valigara's `data`: a JSON object or list */
	| 'jsonData'
	/** a JSON list typed into the node */
	| 'jsonList'
	/** a required group of sub-fields (an address, tracking numbers) */
	| 'collection';

export interface NodeSpec {
	name: NodeName;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** the base URL's path below the origin */
	basePath: string;
	/** scheme and host every request of the node goes to, with the test credentials */
	origin: string;
	/** a reply for any request the node makes: the service's "OK" */
	ok: unknown;
}

export interface OperationCase {
	node: NodeSpec;
	resource: string;
	operation: string;
	/** which input mode the parameters use (fields, JSON), when the operation has several */
	mode?: string;
	parameters: INodeParameters;
	/** a success reply, when the node's generic one does not fit; a function makes it from the request's body */
	reply?: unknown;
	/** items are sent together, this many per request (a bulk endpoint, default options) */
	batchSize?: number;
	/** the Options field that sets it, when not `batchSize` */
	batchOption?: string;
}

/** products_export's answer: a record for each ID the call asked for (a form body with `data` as JSON) */
function exportedProducts(body: string): unknown {
	const data = JSON.parse(new URLSearchParams(body).get('data') ?? '{}') as {
		product_id?: unknown[];
	};
	return { status: 100, data: (data.product_id ?? []).map((id) => ({ product_id: id })) };
}

/** The success reply a case's service gives to a request with this body. */
export function replyOf(c: OperationCase, body: string): unknown {
	return typeof c.reply === 'function'
		? (c.reply as (body: string) => unknown)(body)
		: (c.reply ?? c.node.ok);
}

// ── the nodes and their test credentials ─────────────────────────────────────────────────────

export const VALIGARA_KEY = 'vk7Q2m9XrT4pL8sZ3nB6';
export const GIGROVE_TOKEN = 'gr-seller-token-7f3a9c1e5b7d2468';
export const GIGROVE_KEY = 'gk_live_0f3a9c1e5b7d2468ace0';
export const GIGROVE_SECRET = 'gs_live_b7d2468ace0f3a9c1e5';
export const VANILLA_HEADER = 'hdr-0f3a9c1e5b7d2468';
export const VANILLA_QUERY = 'qry-ace0f3a9c1e5b7d2';
export const GR_KEY = '12345/en/0f3a9c1e5b7d2468ace0f3a9c1e5b7d2';
export const GR_PUBLIC_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export const valigara: NodeSpec = {
	name: 'valigara',
	credentials: {
		valigaraApi: { apiKey: VALIGARA_KEY, baseUrl: 'https://api.valigara.com/client/V1/' },
	},
	basePath: '/client/V1/',
	origin: 'https://api.valigara.com',
	ok: { status: 100, data: { id: 1 } },
};

export const vanillaEshop: NodeSpec = {
	name: 'vanillaEshop',
	credentials: {
		vanillaEshopApi: {
			baseUrl: 'http://api.vanillaeshop.com',
			headerName: 'X-Shop-Key',
			headerSecret: VANILLA_HEADER,
			queryName: 'api_token',
			querySecret: VANILLA_QUERY,
		},
	},
	basePath: '',
	origin: 'http://api.vanillaeshop.com',
	ok: { status: 200, success: true, data: { id: 1 } },
};

export const gigrove: NodeSpec = {
	name: 'gigrove',
	credentials: {
		gigroveApi: {
			authentication: 'accessToken',
			accessToken: GIGROVE_TOKEN,
			apiKey: '',
			apiSecret: '',
			tokenUrl: 'https://gigrove.com/api/wp/v2/token',
			sessionToken: '',
			baseUrl: 'https://gigrove.com/api/request/v1/',
		},
	},
	basePath: '/api/request/v1/',
	origin: 'https://gigrove.com',
	ok: { id: 1 },
};

export const guaranteedReviews: NodeSpec = {
	name: 'guaranteedReviews',
	credentials: {
		guaranteedReviewsApi: {
			apiKey: GR_KEY,
			publicKey: GR_PUBLIC_KEY,
			baseUrl: 'https://api.guaranteed-reviews.com',
		},
	},
	basePath: '',
	origin: 'https://api.guaranteed-reviews.com',
	ok: { success: 1, orders_count: 1, orders_imported: 1, message: null, ratings: {}, reviews: [] },
};

export const NODES = [valigara, vanillaEshop, gigrove, guaranteedReviews];

/** The node's credentials, pointed at another origin (a loopback stand-in). */
export function credentialsAt(
	node: NodeSpec,
	origin: string,
): Record<string, ICredentialDataDecryptedObject> {
	return Object.fromEntries(
		Object.entries(node.credentials).map(([type, data]) => [
			type,
			{ ...data, baseUrl: `${origin}${node.basePath}` },
		]),
	);
}

// ── every operation ──────────────────────────────────────────────────────────────────────────

const v = (
	resource: string,
	operation: string,
	parameters: INodeParameters = {},
	mode?: string,
): OperationCase => ({
	node: valigara,
	resource,
	operation,
	mode,
	parameters,
});
const vJson = (resource: string, operation: string, data = '{"id": 1}') =>
	v(resource, operation, { dataMode: 'json', dataJson: data }, 'json');

const valigaraCases: OperationCase[] = [
	v('product', 'import', { productFields: { title: 'Rose Ring' } }, 'fields'),
	vJson('product', 'import'),
	v('product', 'update', { productId: '501', updateFields: { price: 99 } }, 'fields'),
	vJson('product', 'update'),
	v('product', 'search', { filters: { sku: 'RR-1' } }, 'fields'),
	vJson('product', 'search'),
	v('product', 'reportSold', { productId: '501', quantitySold: 2, soldAction: 'revise' }, 'fields'),
	vJson('product', 'reportSold'),
	v('product', 'delete', { productIds: '501, 502' }, 'fields'),
	vJson('product', 'delete'),
	v('product', 'listFields'),
	v('product', 'getListingAccounts'),
	v(
		'product',
		'updateListings',
		{ productIds: '501', accountsScope: 'selected', accountIds: ['1001', '3001'] },
		'fields',
	),
	vJson('product', 'updateListings'),
	// several items go to products_export together (Products Per Request)
	{
		...v('product', 'export', { productId: '501' }, 'fields'),
		batchSize: 100,
		batchOption: 'exportBatchSize',
		reply: exportedProducts,
	},
	vJson('product', 'export'),
	v('product', 'exportMany', { productIds: '501, 502' }, 'fields'),
	vJson('product', 'exportMany'),
	v('product', 'listPostTemplates'),
	v('product', 'postToChannels', { productIds: '501 502', templateId: '7' }, 'fields'),
	vJson('product', 'postToChannels'),
	v('product', 'reviseInventory', { productIds: '501' }, 'fields'),
	vJson('product', 'reviseInventory'),
	v('gemstone', 'import', { title: 'Blue Sapphire', code: 'BS-001', type: 'Sapphire' }, 'fields'),
	vJson('gemstone', 'import'),
	v('gemstone', 'update', { gemstoneId: '77', updateFields: { quantity: 3 } }, 'fields'),
	vJson('gemstone', 'update'),
	v('gemstone', 'search', { filters: { code: 'BS-001' } }, 'fields'),
	vJson('gemstone', 'search'),
	v('gemstone', 'delete', { gemstoneIds: '77' }, 'fields'),
	vJson('gemstone', 'delete'),
	v('gemstone', 'listFields'),
	v('order', 'exportOrders', { filters: { status: 'paid' } }, 'fields'),
	vJson('order', 'exportOrders'),
	v('order', 'exportClients', { filters: { date_to: '2026-11-30 23:59:59' } }, 'fields'),
	vJson('order', 'exportClients'),
	v('order', 'setTrackingNumber', { orderId: '9001', trackingNumber: '1Z999' }, 'fields'),
	vJson('order', 'setTrackingNumber'),
	v(
		'order',
		'setSeparateTrackingNumbers',
		{ orderId: '9001', trackingNumbers: { item: [{ item_id: '1', tracking_number: 'A1' }] } },
		'fields',
	),
	vJson('order', 'setSeparateTrackingNumbers'),
];

const ok = (data: unknown) => ({ status: 200, success: true, data });
const address = {
	address: {
		firstname: 'Sara',
		lastname: 'Ali',
		address_1: 'King Fahd Road 12',
		address_2: 'Floor 3',
		city: 'Riyadh',
		postcode: '12211',
		country_id: 'SA',
		zone_id: 'RIY',
		address_lat: '',
		address_lng: '',
		telephone: '0551234567',
	},
};
const orderFields: INodeParameters = {
	inputMode: 'fields',
	store_id: 0,
	firstname: 'Sara',
	lastname: 'Ali',
	email: 'sara@example.com',
	telephone: '0551234567',
	paymentAddress: address,
	shippingAddress: address,
	products_input: 'fields',
	products: {
		product: [
			{ sku: 'RING-1', name: 'Gold ring', quantity: 2, price: 50, cost: 20, total: 100, tax: 15 },
		],
	},
	totals_input: 'fields',
	totals: {
		total: [
			{ code: 'sub_total', title: 'Sub-Total', value: 100 },
			{ code: 'shipping', title: 'Shipping', value: 10 },
			{ code: 'total', title: 'Total', value: 110 },
		],
	},
};
const orderJson = JSON.stringify(orderBody);
const productsJson = JSON.stringify(orderBody.products);
const totalsJson = JSON.stringify(orderBody.totals);
const productJson = JSON.stringify(productBody);
const newProductJson = JSON.stringify({ sku: 'RING-1', ...productBody });
const price = { entity_id: '77', price: 45.5, date_start: '2026-12-01', date_end: '2026-12-31' };

const ve = (
	resource: string,
	operation: string,
	parameters: INodeParameters,
	extra: Partial<OperationCase> = {},
): OperationCase => ({
	node: vanillaEshop,
	resource,
	operation,
	parameters,
	...extra,
});

const vanillaCases: OperationCase[] = [
	ve('customer', 'create', {
		firstname: 'Ada',
		email: 'ada@example.com',
		telephone: '0500000001',
		password: 'pw-1234',
	}),
	ve('customer', 'update', {
		customerId: '7',
		firstname: 'Ada',
		email: 'ada@example.com',
		telephone: '0500000001',
		password: '',
	}),
	ve('customer', 'delete', { customerId: '7' }),
	ve('manufacturer', 'create', { manufacturerName: 'Lazurde', entityId: '12' }),
	ve('manufacturer', 'update', { entityId: '12', manufacturerName: 'Lazurde Gold' }),
	ve('optionValue', 'create', { option_id: '2', ar_name: 'أحمر', en_name: 'Red' }),
	ve('optionValue', 'update', {
		optionValueId: '23',
		option_id: '2',
		ar_name: 'أحمر',
		en_name: 'Red',
	}),
	ve('order', 'create', { ...orderFields, order_id: '500123' }, { mode: 'fields' }),
	ve(
		'order',
		'create',
		{
			...orderFields,
			order_id: '500123',
			products_input: 'json',
			products_json: productsJson,
			totals_input: 'json',
			totals_json: totalsJson,
		},
		{ mode: 'fields, JSON lists' },
	),
	ve(
		'order',
		'create',
		{ inputMode: 'json', bodyJson: JSON.stringify({ order_id: 500123, ...orderBody }) },
		{ mode: 'json' },
	),
	ve('order', 'get', { orderId: '500123' }),
	ve('order', 'update', { ...orderFields, orderId: '500123' }, { mode: 'fields' }),
	ve(
		'order',
		'update',
		{ orderId: '500123', inputMode: 'json', bodyJson: orderJson },
		{ mode: 'json' },
	),
	ve('order', 'updateAddress', {
		orderId: '500123',
		paymentAddress: address,
		shippingAddress: address,
	}),
	ve('order', 'changeStatus', { orderId: '500123', order_status_code: 'shipped' }),
	ve('order', 'addComment', { orderId: '500123', comment: 'Customer called' }),
	ve('price', 'add', price),
	ve('price', 'addMany', price, { batchSize: 10, reply: ok(null) }),
	ve('product', 'create', { ...productFields, sku: 'RING-1' }, { mode: 'fields' }),
	ve('product', 'create', { inputMode: 'json', bodyJson: newProductJson }, { mode: 'json' }),
	ve(
		'product',
		'update',
		{ productKey: 'sku', productSku: 'RING-1', ...productFields },
		{ mode: 'sku, fields' },
	),
	ve(
		'product',
		'update',
		{ productKey: 'entityId', productEntityId: '77', inputMode: 'json', bodyJson: productJson },
		{ mode: 'entity ID, json' },
	),
	ve('product', 'delete', { productKey: 'sku', productSku: 'RING-1' }, { mode: 'sku' }),
	ve('product', 'delete', { productKey: 'entityId', productEntityId: '77' }, { mode: 'entity ID' }),
	ve('product', 'changeSku', { sku: 'RING-1', new_sku: 'RING-001' }),
	ve(
		'product',
		'createOrUpdateMany',
		{ ...productFields, sku: 'RING-1' },
		{ mode: 'fields', batchSize: 10, reply: ok(null) },
	),
	ve(
		'product',
		'createOrUpdateMany',
		{ inputMode: 'json', bodyJson: newProductJson },
		{ mode: 'json', batchSize: 10, reply: ok(null) },
	),
];

const notes = [{ id: 12, content: 'Shipped today', customer_note: true }];
const g = (
	resource: string,
	operation: string,
	parameters: INodeParameters = {},
	extra: Partial<OperationCase> = {},
): OperationCase => ({
	node: gigrove,
	resource,
	operation,
	parameters,
	...extra,
});
const list = (record: IDataObject) => ({ reply: [record] });

const gigroveCases: OperationCase[] = [
	g('booking', 'get', { bookingId: '31' }),
	g('booking', 'getMany', { limit: 10 }, list({ id: 31 })),
	g('booking', 'update', {
		bookingId: '31',
		start: '2026-12-24T09:30:00',
		end: '2026-12-26T11:00:00',
	}),
	g('booking', 'updateStatus', { bookingId: '31', status: 'cancelled' }),
	g('delivery', 'get', { deliveryId: '55' }, { reply: { delivery_id: '55' } }),
	g('delivery', 'getMany', { limit: 10 }, list({ delivery_id: '55' })),
	g('delivery', 'updateStatus', { deliveryId: '55' }, list({ delivery_id: '55' })),
	g('notification', 'getMany', { limit: 10 }, list({ ID: '1' })),
	g(
		'order',
		'addNote',
		{ orderId: '5694447', note: 'Shipped today', noteType: 'customer' },
		{ reply: notes },
	),
	g('order', 'addShipmentTracking', { orderId: '5694447', productId: '5694269', itemId: '1226' }),
	g('order', 'get', { orderId: '5694447' }),
	g('order', 'getMany', { limit: 10 }, list({ id: 1 })),
	g('order', 'getNotes', { orderId: '5694447', limit: 10 }, { reply: notes }),
	g('order', 'updateStatus', { orderId: '5694447', status: 'completed' }),
	g('product', 'create', { name: 'Linen Shirt', categoryIds: '15, 23' }, { mode: 'fields' }),
	g(
		'product',
		'create',
		{ inputMode: 'json', productJson: '{"name": "Mug", "categories": [{"id": 9}]}' },
		{ mode: 'json' },
	),
	g('product', 'createVariation', {
		productId: '901',
		attributesUi: { attributesValues: [{ id: 0, name: 'Size', option: 'M' }] },
	}),
	g('product', 'delete', { productId: '901' }),
	g('product', 'deleteVariation', { productId: '901', variationId: '77' }),
	g('product', 'get', { productId: '901' }),
	g('product', 'getMany', { limit: 10 }, list({ id: 901 })),
	g(
		'product',
		'getVariations',
		{ productId: '901', limit: 10 },
		{ reply: { variations: [{ variation_id: 77 }] } },
	),
	g('product', 'quickEdit', {
		productId: '901',
		productType: 'simple',
		quickEditFields: { regular_price: '21.00' },
	}),
	g(
		'product',
		'update',
		{ productId: '901', updateFields: { name: 'Linen Shirt II' } },
		{ mode: 'fields' },
	),
	g(
		'product',
		'update',
		{ productId: '901', inputMode: 'json', productJson: '{"name": "Mug"}' },
		{ mode: 'json' },
	),
	g('product', 'updateVariation', {
		productId: '901',
		variationId: '77',
		updateFields: { salePrice: '17.50' },
	}),
];

const grOrder: INodeParameters = {
	inputMode: 'fields',
	orderId: 'A-1',
	orderDate: '2026-11-20 10:15:00',
	firstName: 'Ada',
	lastName: 'Lovelace',
	email: 'ada@example.com',
	productsSource: 'none',
};
const gr = (
	resource: string,
	operation: string,
	parameters: INodeParameters,
	extra: Partial<OperationCase> = {},
): OperationCase => ({
	node: guaranteedReviews,
	resource,
	operation,
	parameters,
	...extra,
});

const guaranteedReviewsCases: OperationCase[] = [
	gr('order', 'send', grOrder, { mode: 'fields', batchSize: 100 }),
	gr(
		'order',
		'send',
		{
			inputMode: 'json',
			orderJson:
				'{"id_order": "A-1", "order_date": "2026-11-20 10:15:00", "firstname": "Ada", "lastname": "L", "email": "ada@example.com"}',
		},
		{ mode: 'json', batchSize: 100 },
	),
	gr('review', 'getMany', { scope: 'product', productId: '100', limit: 5 }, { mode: 'product' }),
	gr('review', 'getMany', { scope: 'site', limit: 5 }, { mode: 'site' }),
	gr('review', 'getManyPrivate', { reviewType: 'site', limit: 5 }, { reply: { reviews: [] } }),
	gr('review', 'getRatingSummary', { scope: 'product', productId: '100' }, { mode: 'product' }),
	gr('review', 'getStats', { scope: 'product', productId: '100' }, { mode: 'product' }),
];

export const OPERATIONS: OperationCase[] = [
	...valigaraCases,
	...vanillaCases,
	...gigroveCases,
	...guaranteedReviewsCases,
];

export const titleOf = (c: OperationCase) =>
	`${c.node.name} › ${c.resource} › ${c.operation}${c.mode ? ` (${c.mode})` : ''}`;

// ── what the descriptions say ────────────────────────────────────────────────────────────────

function description(node: NodeName) {
	return nodeTypes[`${PACKAGE_NAME}.${node}`].description;
}

/** Every resource › operation a node offers. */
export function offeredOperations(node: NodeName): string[] {
	const properties = description(node).properties;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as Array<{ value: string }>).map(
				(option) => `${(property.displayOptions?.show?.resource as string[])[0]} › ${option.value}`,
			),
		);
}

/** The required fields shown for the case's parameters (with n8n's own display rules). */
export function requiredFields(c: OperationCase): INodeProperties[] {
	const type = description(c.node.name);
	const values = NodeHelpers.getNodeParameters(
		type.properties,
		{ resource: c.resource, operation: c.operation, ...c.parameters },
		true,
		false,
		null,
		type,
	) as INodeParameters;
	return type.properties.filter(
		(property) =>
			property.required === true &&
			property.type !== 'notice' &&
			property.type !== 'boolean' &&
			NodeHelpers.displayParameter(values, property, null, type),
	);
}
