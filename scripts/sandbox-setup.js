'use strict';
// What `npm start` imports into n8n beside the local sandbox (sandbox/server.js):
//   sandboxCredentials(baseUrl)  one credential per service, its Base URL pointing at the sandbox
//   exampleWorkflows()           one example per node: Manual Trigger → a chain of its operations,
//                                and one workflow per trigger
// Both return plain JSON as `n8n import:credentials` / `n8n import:workflow` take it (ids ≤ 16 chars).
// To use the real services instead, open a credential in n8n, put the service's own key and
// address in it (the Base URL's default is the real service), and the same workflows run there.

const { createHash } = require('node:crypto');

const { KEYS, serviceUrls } = require('../sandbox/config');

const PACKAGE = 'n8n-nodes-commerce-pack';

const CREDENTIALS = {
	valigaraApi: { id: 'sbxValigaraCred', name: 'Valigara (sandbox)' },
	vanillaEshopApi: { id: 'sbxVanillaCred', name: 'Vanilla eShop (sandbox)' },
	gigroveApi: { id: 'sbxGigroveCred', name: 'Gigrove (sandbox)' },
	guaranteedReviewsApi: { id: 'sbxGuarRevCred', name: 'Guaranteed Reviews (sandbox)' },
};

/** One credential per service, pointing at the sandbox at `baseUrl` (e.g. http://127.0.0.1:5680). */
function sandboxCredentials(baseUrl) {
	const urls = serviceUrls(baseUrl);
	const data = {
		valigaraApi: { apiKey: KEYS.valigara.accessKey, baseUrl: urls.valigara },
		vanillaEshopApi: {
			baseUrl: urls.vanillaEshop,
			headerName: KEYS.vanillaEshop.headerName,
			headerSecret: KEYS.vanillaEshop.headerValue,
			queryName: '',
			querySecret: '',
		},
		gigroveApi: {
			authentication: 'accessToken',
			accessToken: KEYS.gigrove.sellerToken,
			apiKey: '',
			apiSecret: '',
			tokenUrl: urls.gigroveToken,
			baseUrl: urls.gigrove,
		},
		guaranteedReviewsApi: {
			apiKey: KEYS.guaranteedReviews.privateKey,
			publicKey: KEYS.guaranteedReviews.publicKey,
			baseUrl: urls.guaranteedReviews,
		},
	};
	return Object.entries(CREDENTIALS).map(([type, { id, name }]) => ({
		id,
		name,
		type,
		data: data[type],
	}));
}

// ── Workflows ────────────────────────────────────────────────────────────────────────────

const MANUAL = 'When clicking ‘Execute workflow’';

/** A node ID shaped like the UUIDs n8n gives nodes, the same on every import. */
function nodeId(workflowId, index) {
	const hex = createHash('sha1').update(`${workflowId}/${index}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `$('Node').first().json.field` as an n8n expression. */
const from = (node, field) => `={{ $('${node}').first().json.${field} }}`;
// A resource locator's value as the editor saves one typed into By ID (an expression included).
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * Manual Trigger → steps, each step one node of `type` run once (Execute Once), so a list from one
 * step does not multiply the calls of the next. Steps: [name, parameters].
 */
function chain({ id, name, type, credential, steps }) {
	const nodes = [
		{
			id: nodeId(id, 0),
			name: MANUAL,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	steps.forEach(([stepName, parameters], index) => {
		nodes.push({
			id: nodeId(id, index + 1),
			name: stepName,
			type: `${PACKAGE}.${type}`,
			typeVersion: 1,
			position: [240 * (index + 1), 0],
			parameters,
			credentials: { [credential]: CREDENTIALS[credential] },
			executeOnce: true,
		});
	});
	const connections = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

/** A polling trigger (every minute) → a No Operation node, for watching new events arrive. */
function triggerWorkflow({ id, name, type, credential, parameters, next }) {
	return {
		id,
		name,
		nodes: [
			{
				id: nodeId(id, 0),
				name: 'Trigger',
				type: `${PACKAGE}.${type}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
				credentials: { [credential]: CREDENTIALS[credential] },
			},
			{
				id: nodeId(id, 1),
				name: next,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: { Trigger: { main: [[{ node: next, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

// Values that must be new on every run (SKUs, gem codes, order numbers), so a workflow runs again
// and again against the same sandbox without "already taken" errors.
const RUN_STAMP = '$now.toMillis()';

const valigara = chain({
	id: 'sbxWfValigara',
	name: 'Sandbox: Valigara (products, gemstones, orders)',
	type: 'valigara',
	credential: 'valigaraApi',
	steps: [
		['List Product Fields', { resource: 'product', operation: 'listFields' }],
		[
			'Import Product',
			{
				resource: 'product',
				operation: 'import',
				productFields: {
					title: 'Sandbox Solitaire Ring',
					type: 'Ring',
					price: 450,
					quantity: 3,
					catalog_code: `={{ 'SBX-' + ${RUN_STAMP} }}`,
					collection: 'Bridal',
				},
				metals: { metal: [{ name: 'Gold', purity: '14K', weight: 2.4 }] },
			},
		],
		[
			'Search Rings',
			{ resource: 'product', operation: 'search', filters: { type: 'Ring' }, returnAll: true },
		],
		[
			'Export Product',
			{
				resource: 'product',
				operation: 'export',
				productId: byId(from('Import Product', 'product_id')),
			},
		],
		[
			'Report Sold',
			{
				resource: 'product',
				operation: 'reportSold',
				productId: byId(from('Import Product', 'product_id')),
				quantitySold: 1,
				soldAction: 'no_action',
			},
		],
		['Get Listing Accounts', { resource: 'product', operation: 'getListingAccounts' }],
		[
			'Import Gemstone',
			{
				resource: 'gemstone',
				operation: 'import',
				title: 'Sandbox Emerald',
				code: `={{ 'EM-' + ${RUN_STAMP} }}`,
				type: 'Emerald',
				additionalFields: { carat: 0.8, hue: 'Green' },
			},
		],
		[
			'Search Gemstones',
			{ resource: 'gemstone', operation: 'search', filters: { type: 'Emerald' }, returnAll: true },
		],
		['Export Orders', { resource: 'order', operation: 'exportOrders', returnAll: true }],
		[
			'Set Tracking Number',
			{
				resource: 'order',
				operation: 'setTrackingNumber',
				orderId: from('Export Orders', 'order_id'),
				trackingNumber: '1Z999AA10123456784',
				additionalFields: { carrier: 'UPS' },
			},
		],
		[
			'Delete Product',
			{
				resource: 'product',
				operation: 'delete',
				productIds: from('Import Product', 'product_id'),
			},
		],
	],
});

// The Vanilla sample order and product the node tests use too (test/vanilla-eshop/fixtures.ts).
const vanillaSample = require('../test/vanilla-eshop/sample.json');
const vanillaProduct = {
	...vanillaSample.product,
	ar_name: 'خاتم تجريبي',
	en_name: 'Sandbox ring',
	product_link: 'https://magento.example.com/sandbox-ring',
};

const vanilla = chain({
	id: 'sbxWfVanilla',
	name: 'Sandbox: Vanilla eShop (customers, products, prices, orders)',
	type: 'vanillaEshop',
	credential: 'vanillaEshopApi',
	steps: [
		[
			'Create Customer',
			{
				resource: 'customer',
				operation: 'create',
				firstname: 'Sara',
				email: `={{ 'sara+' + ${RUN_STAMP} + '@example.com' }}`,
				telephone: '0551234567',
				password: 'sandbox-pass-1',
			},
		],
		[
			'Update Customer',
			{
				resource: 'customer',
				operation: 'update',
				customerId: from('Create Customer', 'customer_id'),
				firstname: 'Sara A.',
				email: `={{ 'sara.a+' + ${RUN_STAMP} + '@example.com' }}`,
				telephone: '0551234567',
				password: '',
			},
		],
		[
			'Create Product',
			{
				resource: 'product',
				operation: 'create',
				...vanillaProduct,
				sku: `={{ 'SBX-' + ${RUN_STAMP} }}`,
			},
		],
		[
			'Add Price',
			{
				resource: 'price',
				operation: 'add',
				entity_id: '77',
				price: 45.5,
				date_start: '2026-12-01',
				date_end: '2026-12-31',
			},
		],
		[
			'Create Order',
			{
				resource: 'order',
				operation: 'create',
				// a number of its own on every run: the API takes the caller's order ID, at least 500000
				order_id: `={{ 500001 + ${RUN_STAMP} % 400000000 }}`,
				...vanillaSample.order,
				language: 'en',
				is_gift: false,
				is_mobile_order: false,
			},
		],
		[
			'Change Order Status',
			{
				resource: 'order',
				operation: 'changeStatus',
				orderId: from('Create Order', 'order_id'),
				order_status_code: 'processing',
			},
		],
		[
			'Add Order Comment',
			{
				resource: 'order',
				operation: 'addComment',
				orderId: from('Create Order', 'order_id'),
				comment: 'Packed and ready for the courier',
			},
		],
		[
			'Get Order',
			{ resource: 'order', operation: 'get', orderId: from('Create Order', 'order_id') },
		],
	],
});

const gigrove = chain({
	id: 'sbxWfGigrove',
	name: 'Sandbox: Gigrove (products, orders, notifications, bookings)',
	type: 'gigrove',
	credential: 'gigroveApi',
	steps: [
		[
			'Create Product',
			{
				resource: 'product',
				operation: 'create',
				name: 'Sandbox Poster',
				categoryIds: '30',
				additionalFields: { regularPrice: '12.00', sku: `={{ 'SBX-' + ${RUN_STAMP} }}` },
			},
		],
		[
			'Get Product',
			{ resource: 'product', operation: 'get', productId: byId(from('Create Product', 'id')) },
		],
		[
			'Quick Edit Price and Stock',
			{
				resource: 'product',
				operation: 'quickEdit',
				productId: byId(from('Create Product', 'id')),
				productType: 'simple',
				quickEditFields: { regular_price: '10.00', manage_stock: true, stock_quantity: 25 },
			},
		],
		['Get Many Products', { resource: 'product', operation: 'getMany', limit: 5 }],
		['Get Many Orders', { resource: 'order', operation: 'getMany', limit: 5 }],
		[
			'Add Order Note',
			{
				resource: 'order',
				operation: 'addNote',
				orderId: byId(from('Get Many Orders', 'id')),
				note: 'Packed and handed to the courier',
				noteType: 'private',
			},
		],
		['Get Notifications', { resource: 'notification', operation: 'getMany', limit: 10 }],
		['Get Bookings', { resource: 'booking', operation: 'getMany', limit: 10 }],
		[
			'Delete Product',
			{ resource: 'product', operation: 'delete', productId: byId(from('Create Product', 'id')) },
		],
	],
});

const guaranteedReviews = chain({
	id: 'sbxWfGuarRev',
	name: 'Sandbox: Guaranteed Reviews (orders, reviews, stats)',
	type: 'guaranteedReviews',
	credential: 'guaranteedReviewsApi',
	steps: [
		[
			'Send Order',
			{
				resource: 'order',
				operation: 'send',
				inputMode: 'fields',
				// A fixed order: imported on the first run, "alreadySent" (not an error) on the next ones.
				orderId: 'SANDBOX-1001',
				orderDate: '={{ $now.toISO() }}',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				productsSource: 'fields',
				products: {
					product: [{ id: 100, name: 'Rose Gold Solitaire Ring', qty: 1, unit_price: 1290 }],
				},
			},
		],
		['Get Shop Reviews', { resource: 'review', operation: 'getMany', scope: 'site', limit: 10 }],
		[
			'Get Product Rating',
			{ resource: 'review', operation: 'getRatingSummary', scope: 'product', productId: '100' },
		],
		[
			'Get Stats',
			{ resource: 'review', operation: 'getStats', scope: 'site', includePublicKey: true },
		],
		[
			'Get Private Reviews',
			{ resource: 'review', operation: 'getManyPrivate', reviewType: 'both', limit: 20 },
		],
	],
});

/**
 * The pack's services joined: a Gigrove order becomes completed → Guaranteed Reviews asks its
 * customer for a review of what they bought. The order's customer and items are mapped to the
 * review service's order fields in one JSON expression (its product IDs are the store's, its
 * date the store's wall clock). Watch it with the sandbox: POST /_control/gigrove/orders/status
 * {"id": 5694447, "status": "completed"}, and the next poll sends that order.
 */
const REVIEW_REQUEST = [
	'={{ JSON.stringify({',
	'  id_order: String($json.id),',
	"  order_date: String($json.date_created).slice(0, 19).replace('T', ' '),",
	'  firstname: $json.billing.first_name,',
	'  lastname: $json.billing.last_name,',
	'  email: $json.billing.email,',
	'  products: $json.line_items.map((item) => ({ id: item.product_id, name: item.name, qty: item.quantity, unit_price: Number(item.price) })),',
	'}) }}',
].join('\n');

const reviewAfterCompletion = {
	id: 'sbxWfGigToGR',
	name: 'Sandbox: Gigrove order completed → Guaranteed Reviews review request',
	nodes: [
		{
			id: nodeId('sbxWfGigToGR', 0),
			name: 'Trigger',
			type: `${PACKAGE}.gigroveTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'orderStatusChanged',
				statuses: ['completed'],
				options: {},
			},
			credentials: { gigroveApi: CREDENTIALS.gigroveApi },
		},
		{
			id: nodeId('sbxWfGigToGR', 1),
			name: 'Ask for a Review',
			type: `${PACKAGE}.guaranteedReviews`,
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				resource: 'order',
				operation: 'send',
				inputMode: 'json',
				orderJson: REVIEW_REQUEST,
			},
			credentials: { guaranteedReviewsApi: CREDENTIALS.guaranteedReviewsApi },
		},
	],
	connections: { Trigger: { main: [[{ node: 'Ask for a Review', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	active: false,
};

/** The example workflows: one per action node, one per trigger event worth watching, and the pack joined. */
function exampleWorkflows() {
	return [
		valigara,
		vanilla,
		gigrove,
		guaranteedReviews,
		triggerWorkflow({
			id: 'sbxWfValTrig',
			name: 'Sandbox: Valigara Trigger (new orders)',
			type: 'valigaraTrigger',
			credential: 'valigaraApi',
			parameters: { event: 'newOrder', options: {} },
			next: 'New Valigara Order',
		}),
		triggerWorkflow({
			id: 'sbxWfGigTrig',
			name: 'Sandbox: Gigrove Trigger (new notifications)',
			type: 'gigroveTrigger',
			credential: 'gigroveApi',
			parameters: { event: 'newNotification', options: {} },
			next: 'New Gigrove Notification',
		}),
		triggerWorkflow({
			id: 'sbxWfValStatus',
			name: 'Sandbox: Valigara Trigger (order shipped)',
			type: 'valigaraTrigger',
			credential: 'valigaraApi',
			parameters: { event: 'orderStatusChanged', statuses: 'shipped', options: {} },
			next: 'Valigara Order Shipped',
		}),
		reviewAfterCompletion,
	].map((workflow) => JSON.parse(JSON.stringify(workflow)));
}

module.exports = { sandboxCredentials, exampleWorkflows };
