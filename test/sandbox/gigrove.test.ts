import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runNode } from '../kit/engine';
import { KEYS, call, useSandbox } from './sandbox-kit';

const sandbox = useSandbox();

const seller = () => sandbox.credentials().gigroveApi;
const deliveryPerson = () => ({ ...seller(), accessToken: KEYS.gigrove.deliveryToken });
const keyAndSecret = () => ({
	...seller(),
	authentication: 'apiKey',
	accessToken: '',
	apiKey: KEYS.gigrove.apiKey,
	apiSecret: KEYS.gigrove.apiSecret,
	sessionToken: '',
});

const run = (
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject = seller(),
	input: IDataObject[] = [{}],
) =>
	runNode(
		{ type: 'gigrove', credentials: { gigroveApi: credentials }, parameters, onError: 'continue' },
		input,
	);

const requests = () =>
	sandbox.current.log('gigrove').map((entry) => `${entry.method} ${entry.path} ${entry.status}`);

describe('Gigrove node against the sandbox', () => {
	it('creates, reads, quick-edits and deletes a product, with a Bearer token', async () => {
		const created = await run({
			resource: 'product',
			operation: 'create',
			name: 'Sandbox Poster',
			categoryIds: '30',
			additionalFields: { regularPrice: '12.00', sku: 'SBX-1', tagIds: '41, 42' },
		});
		expect(created.error).toBeUndefined();
		const product = created.items[0].json;
		expect(product).toMatchObject({
			name: 'Sandbox Poster',
			sku: 'SBX-1',
			regular_price: '12.00',
			price: '12.00',
			categories: [{ id: 30, name: 'Prints', slug: 'prints' }],
		});
		expect(product.tags).toEqual([
			{ id: 41, name: 'art', slug: 'art' },
			{ id: 42, name: 'summer', slug: 'summer' },
		]);

		const edited = await run({
			resource: 'product',
			operation: 'quickEdit',
			productId: String(product.id),
			productType: 'simple',
			quickEditFields: { sale_price: '9.00', manage_stock: true, stock_quantity: 7 },
		});
		expect(edited.items[0].json).toMatchObject({
			id: product.id,
			price: '9.00',
			on_sale: true,
			manage_stock: true,
			stock_quantity: 7,
		});

		const deleted = await run({
			resource: 'product',
			operation: 'delete',
			productId: String(product.id),
		});
		expect(deleted.items[0].json).toEqual({
			deleted: true,
			id: product.id,
			response: expect.objectContaining({ id: product.id, name: 'Sandbox Poster' }),
		});
		const gone = await run({
			resource: 'product',
			operation: 'get',
			productId: String(product.id),
		});
		expect(gone.items[0].json.error).toBe(`Product ${product.id} was not found: Invalid ID.`);

		expect(requests()).toEqual([
			'POST /gigrove/api/request/v1/products/ 201',
			`PUT /gigrove/api/request/v1/products/quick-edit/${product.id}/ 200`,
			`DELETE /gigrove/api/request/v1/products/${product.id} 200`,
			`GET /gigrove/api/request/v1/products/${product.id}/ 404`,
		]);
		const log = sandbox.current.log('gigrove');
		expect(log.every((entry) => entry.headers.authorization === 'Bearer ***')).toBe(true);
		expect(log[2].query).toEqual({ force: 'true' });
		expect(JSON.stringify(log)).not.toContain(KEYS.gigrove.sellerToken);
	});

	it('pages products with per_page/page (X-WP-TotalPages on products only) and lists orders and notifications', async () => {
		const products = await run({
			resource: 'product',
			operation: 'getMany',
			returnAll: true,
			filters: { post_status: ['publish'] },
		});
		expect(products.items).toHaveLength(11); // the draft tote is left out
		const orders = await run({ resource: 'order', operation: 'getMany', limit: 3 });
		expect(orders.items.map((item) => item.json.id)).toEqual([5694447, 5694446, 5694445]);
		const notifications = await run({
			resource: 'notification',
			operation: 'getMany',
			returnAll: true,
		});
		const unread = notifications.items.map((item) => item.json);
		expect(unread[0]).toEqual({
			ID: expect.any(String),
			message: expect.stringMatching(/^You have received an Order #5694447 for /),
			message_type: 'order',
			created: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
		expect(unread.map((n) => Number(n.ID))).toEqual(
			[...unread.map((n) => Number(n.ID))].sort((a, b) => b - a),
		); // newest first

		const [productPage, orderPage] = await Promise.all(
			['products/?per_page=5&page=2', 'orders/?per_page=5&page=1'].map((path) =>
				fetch(`${sandbox.current.urls.gigrove}${path}`, {
					headers: { Authorization: `Bearer ${KEYS.gigrove.sellerToken}` },
				}),
			),
		);
		expect(productPage.headers.get('x-wp-totalpages')).toBe('3');
		expect(productPage.headers.get('link')).toContain('rel="next"');
		expect(orderPage.headers.get('x-wp-totalpages')).toBeNull();
	});

	it('adds an order note and tracking; refuses a bad token (401) and a seller on deliveries (403)', async () => {
		const note = await run({
			resource: 'order',
			operation: 'addNote',
			orderId: '5694447',
			note: 'Shipped today',
			noteType: 'customer',
		});
		expect(note.items[0].json).toMatchObject({ content: 'Shipped today', customer_note: true });
		const order = (await run({ resource: 'order', operation: 'get', orderId: '5694447' })).items[0]
			.json;
		const [line] = order.line_items as IDataObject[];
		const tracked = await run({
			resource: 'order',
			operation: 'addShipmentTracking',
			orderId: '5694447',
			productId: String(line.product_id),
			itemId: String(line.id),
			additionalFields: { tracking_code: 'TRK1' },
		});
		expect(tracked.items[0].json).toMatchObject({
			order_id: 5694447,
			tracking_data: { wcfm_tracking_code: 'TRK1' },
		});

		const badToken = await run(
			{ resource: 'order', operation: 'get', orderId: '5694447' },
			{ ...seller(), accessToken: 'expired' },
		);
		expect(badToken.items[0].json.error).toBe('Sorry, you are not allowed to do that.');
		expect(badToken.items[0].json.httpStatus).toBe(401);

		const sellerOnDeliveries = await run({
			resource: 'delivery',
			operation: 'getMany',
			returnAll: true,
		});
		expect(sellerOnDeliveries.items[0].json.httpStatus).toBe(403);
		const deliveries = await run(
			{
				resource: 'delivery',
				operation: 'getMany',
				returnAll: true,
				filters: { delivery_status: 'pending' },
			},
			deliveryPerson(),
		);
		expect(deliveries.items.map((item) => item.json.delivery_id)).toEqual(['55', '56']);
		const delivered = await run(
			{ resource: 'delivery', operation: 'updateStatus', deliveryId: '55, 56' },
			deliveryPerson(),
		);
		expect(delivered.items[0].json).toMatchObject({
			delivery_id: '55,56',
			delivery_status: 'delivered',
		});
	});

	it('exchanges the API key and secret for a token, and fetches a new one when it expires', async () => {
		const first = await run(
			{ resource: 'booking', operation: 'getMany', limit: 3 },
			keyAndSecret(),
		);
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.json.id)).toEqual([31, 32, 33]);
		expect(requests()).toEqual([
			'POST /gigrove/api/wp/v2/token 200',
			'GET /gigrove/api/request/v1/bookings/ 200',
		]);

		// A token saved in the credential by an earlier run, which the store then expires.
		const issued = await fetch(sandbox.current.urls.gigroveToken, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				api_key: KEYS.gigrove.apiKey,
				api_secret: KEYS.gigrove.apiSecret,
			}).toString(),
		});
		const { access_token } = (await issued.json()) as { access_token: string };
		expect((await call(`${sandbox.current.urls.control}gigrove/expire-tokens`)).json).toEqual({
			expired: 2,
		});
		sandbox.current.clearLog();

		const afterExpiry = await run(
			{ resource: 'booking', operation: 'updateStatus', bookingId: '32', status: 'cancelled' },
			{ ...keyAndSecret(), sessionToken: access_token },
		);
		expect(afterExpiry.items[0].json).toMatchObject({ id: 32, status: 'cancelled' });
		expect(requests()).toEqual([
			'PUT /gigrove/api/request/v1/bookings/update-status/32 401',
			'POST /gigrove/api/wp/v2/token 200',
			'PUT /gigrove/api/request/v1/bookings/update-status/32 200',
		]);
		const [, exchange] = sandbox.current.log('gigrove');
		expect(exchange.body).toEqual({ api_key: '***', api_secret: '***' });
		expect(exchange.reply).toMatchObject({ access_token: '***', token_type: 'Bearer' });

		const refused = await run(
			{ resource: 'booking', operation: 'get', bookingId: '31' },
			{ ...keyAndSecret(), apiSecret: 'wrong' },
		);
		expect(refused.items[0].json.error).toBe(
			'Gigrove did not issue a token for the API key and secret (HTTP 401): Invalid API key or API secret.',
		);
	});
});

describe('Gigrove Trigger against the sandbox', () => {
	it('notes a baseline, then emits exactly the notification added through the control route, once', async () => {
		const poller = new ActivePoller({
			type: 'gigroveTrigger',
			credentials: { gigroveApi: seller() },
			parameters: { event: 'newNotification', options: {} },
		});
		expect(await poller.poll()).toBeNull();

		const added = await call(`${sandbox.current.urls.control}gigrove/notifications`, 'POST', {
			message: 'A customer asked about order #5694447',
			message_type: 'enquiry',
		});
		expect(added.status).toBe(201);

		const emitted = await poller.poll();
		expect(emitted?.map((item) => item.json)).toEqual([added.json]);
		expect(await poller.poll()).toBeNull();
	});

	it('New Order emits the order added through the control route', async () => {
		const poller = new ActivePoller({
			type: 'gigroveTrigger',
			credentials: { gigroveApi: seller() },
			parameters: { event: 'newOrder', options: {} },
		});
		expect(await poller.poll()).toBeNull();
		const added = await call(`${sandbox.current.urls.control}gigrove/orders`);
		const emitted = await poller.poll();
		expect(emitted?.map((item) => item.json.id)).toEqual([(added.json.order as IDataObject).id]);
		expect(await poller.poll()).toBeNull();
	});
});
