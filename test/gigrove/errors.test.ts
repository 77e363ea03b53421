import nock from 'nock';

import { API, TOKEN, product, runGigrove, stub, visible } from './fixtures';

const getProduct = { resource: 'product', operation: 'get', productId: '42' };
const createProduct = { resource: 'product', operation: 'create', name: 'Mug', categoryIds: '9' };

describe('Gigrove › errors', () => {
	it('a WordPress error {code, message, data.status} gives its message, code, status and item', async () => {
		stub('GET', `${API}/products/`, [
			{
				status: 400,
				body: {
					code: 'rest_invalid_param',
					message: 'Invalid parameter(s): per_page',
					data: { status: 400 },
				},
			},
		]);
		const { error } = await runGigrove({ resource: 'product', operation: 'getMany', limit: 5 });
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Invalid parameter(s): per_page',
			httpCode: '400',
			context: { itemIndex: 0, serviceCode: 'rest_invalid_param' },
		});
	});

	it('a 404 names what was not found', async () => {
		stub('GET', `${API}/products/42/`, [
			{
				status: 404,
				body: {
					code: 'wcfmapi_rest_invalid_product_id',
					message: 'Invalid ID',
					data: { status: 404 },
				},
			},
		]);
		const { error } = await runGigrove(getProduct);
		expect(error).toMatchObject({
			message: 'Product 42 was not found: Invalid ID',
			httpCode: '404',
			context: { serviceCode: 'wcfmapi_rest_invalid_product_id' },
		});
		expect(error?.description).toContain('belongs to the account of the credential');
	});

	it('a 404 whose message says the same says it once', async () => {
		stub('GET', `${API}/products/42/`, [
			{
				status: 404,
				body: {
					code: 'wcfmapi_rest_invalid_product_id',
					message: 'Product 42 was not found.',
					data: { status: 404 },
				},
			},
		]);
		const { error } = await runGigrove(getProduct);
		expect(error?.message).toBe('Product 42 was not found');
	});

	it('a 404 on a variation names the variation and its product', async () => {
		stub('PUT', `${API}/products/901/variations/77/`, [
			{ status: 404, body: { code: 'wcfmapi_rest_invalid_product_id', message: 'Invalid ID' } },
		]);
		const { error } = await runGigrove({
			resource: 'product',
			operation: 'updateVariation',
			productId: '901',
			variationId: '77',
			updateFields: { sku: 'X' },
		});
		expect(error?.message).toBe('Variation 77 of product 901 was not found: Invalid ID');
	});

	it('a route the store does not offer says the operation depends on the store’s API', async () => {
		stub('PUT', `${API}/products/quick-edit/42/`, [
			{
				status: 404,
				body: {
					code: 'rest_no_route',
					message: 'No route was found matching the URL and request method.',
					data: { status: 404 },
				},
			},
		]);
		const { error } = await runGigrove({
			resource: 'product',
			operation: 'quickEdit',
			productId: '42',
			productType: 'simple',
			quickEditFields: { regular_price: '5' },
		});
		expect(error).toMatchObject({
			message: 'This store’s API has no route for PUT products/quick-edit/42/',
			httpCode: '404',
		});
		expect(error?.description).toContain('depends on the store’s API');
	});

	it('a 401 explains seller token versus delivery token', async () => {
		stub('GET', `${API}/deliveries`, [
			{
				status: 401,
				body: {
					code: 'rest_forbidden',
					message: 'Sorry, you are not allowed to do that.',
					data: { status: 401 },
				},
			},
		]);
		const run = await runGigrove({ resource: 'delivery', operation: 'getMany', returnAll: true });
		expect(run.error).toMatchObject({
			message: 'Sorry, you are not allowed to do that.',
			httpCode: '401',
		});
		expect(run.error?.description).toMatch(
			/^Deliveries need the token of a delivery person’s account/,
		);
		expect(visible(run)).not.toContain(TOKEN);
	});

	it('a 403 (bookings without the bookings plugin) gives the store’s message and code', async () => {
		stub('GET', `${API}/bookings/`, [
			{
				status: 403,
				body: {
					code: 'wcfmapi_rest_forbidden',
					message: 'Booking plugin is not active',
					data: { status: 403 },
				},
			},
		]);
		const { error } = await runGigrove({
			resource: 'booking',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error).toMatchObject({
			message: 'Booking plugin is not active',
			httpCode: '403',
			context: { serviceCode: 'wcfmapi_rest_forbidden' },
		});
	});

	it('an empty 200 reply (null) where a product is expected is an error, with the likely cause', async () => {
		stub('POST', `${API}/products/`, [{ body: 'null' }]);
		const { error, items } = await runGigrove(createProduct);
		expect(items).toEqual([]);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Gigrove sent an empty reply where the new product was expected',
		});
		expect(error?.description).toContain('product form refuses the data');
	});

	it('an empty object or an empty body is an error too', async () => {
		stub('GET', `${API}/products/42/`, [{ body: {} }]);
		expect((await runGigrove(getProduct)).error?.message).toBe(
			'Gigrove sent an empty reply where the product 42 was expected',
		);
		stub('GET', `${API}/products/42/`, [{ body: '' }]);
		expect((await runGigrove(getProduct)).error?.message).toBe(
			'Gigrove sent an empty reply where data was expected',
		);
	});

	it('WCFM’s product form refusal {status: false, message} inside a 200 is an error', async () => {
		stub('POST', `${API}/products/`, [
			{ body: { status: false, message: 'SKU must be unique.', id: '5' } },
		]);
		const { error } = await runGigrove(createProduct);
		expect(error).toMatchObject({ name: 'NodeApiError', message: 'SKU must be unique.' });
	});

	it('an HTML error page becomes a short, readable error', async () => {
		stub('GET', `${API}/products/42/`, [
			{
				status: 502,
				body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
				headers: { 'Content-Type': 'text/html' },
			},
		]);
		const { error } = await runGigrove(getProduct);
		expect(error).toMatchObject({
			message: 'Gigrove answered HTTP 502',
			description: '502 Bad Gateway',
		});
	});

	it('a list endpoint answering one record is an error, not a list of its fields', async () => {
		stub('GET', `${API}/orders/`, [{ body: { id: 1, status: 'processing' } }]);
		const { error } = await runGigrove({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
		});
		expect(error?.message).toBe('Gigrove sent one record where a list was expected');
	});

	it('Get Notes and Get Variations answering one record: the same error as any list, with the request', async () => {
		stub('GET', `${API}/orders/note/5`, [{ body: { id: 1, note: 'Paid' } }]);
		const notes = await runGigrove({
			resource: 'order',
			operation: 'getNotes',
			orderId: '5',
			returnAll: true,
		});
		expect(notes.error).toMatchObject({
			message: 'Gigrove sent one record where a list was expected',
			description: 'GET orders/note/5',
			httpCode: '200',
		});

		stub('GET', `${API}/products/7/variations/`, [{ body: { id: 7, type: 'variable' } }]);
		const variations = await runGigrove({
			resource: 'product',
			operation: 'getVariations',
			productId: '7',
			returnAll: true,
		});
		expect(variations.error).toMatchObject({
			message: 'Gigrove sent one record where a list was expected',
			description: 'GET products/7/variations/',
		});
	});

	it('an Add Note answered with no notes says the note may not be saved', async () => {
		stub('PUT', `${API}/orders/note/5`, [{ body: [] }]);
		const { error, items } = await runGigrove({
			resource: 'order',
			operation: 'addNote',
			orderId: '5',
			note: 'Shipped',
		});
		expect(items).toEqual([]);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			message: 'Gigrove sent no notes back for order 5: the note may not be saved',
			context: { itemIndex: 0 },
		});
	});

	it('an Update Status of a delivery that returns nothing is an error naming the ID', async () => {
		stub('POST', `${API}/deliveries/55`, [{ body: [] }]);
		const { error } = await runGigrove({
			resource: 'delivery',
			operation: 'updateStatus',
			deliveryId: '55',
		});
		expect(error?.message).toBe('Gigrove sent no delivery for ID 55');
	});

	it('with “continue on fail”, a failed item becomes an error item paired to it and the others go on', async () => {
		stub('GET', /\/products\/\d+\/$/, [
			{ body: product(1) },
			{ status: 404, body: { code: 'wcfmapi_rest_invalid_product_id', message: 'Invalid ID' } },
			{ body: product(3) },
		]);
		const { items, errorItems } = await runGigrove(
			{ resource: 'product', operation: 'get', productId: '={{ $json.id }}' },
			[{ id: 1 }, { id: 2 }, { id: 3 }],
			{ onError: 'errorOutput' },
		);
		expect(items).toEqual([
			{ json: product(1), pairedItem: { item: 0 } },
			{ json: product(3), pairedItem: { item: 2 } },
		]);
		expect(errorItems).toHaveLength(1);
		expect(errorItems[0]).toMatchObject({
			json: { error: 'Product 2 was not found: Invalid ID' },
			pairedItem: { item: 1 },
		});
	});
});

describe('Gigrove › input is validated before any request, naming the field and the item', () => {
	afterEach(() => expect(nock.pendingMocks()).toEqual([]));

	it.each([
		[
			'a price that is not a number',
			{ ...createProduct, additionalFields: { regularPrice: '12,50' } },
			'Invalid input: "Regular Price" must be a price such as 19.99 [item 0]',
		],
		[
			'a create without categories',
			{ ...createProduct, categoryIds: '={{ "" }}' },
			'Invalid input: "Category IDs" is required [item 0]',
		],
		[
			'a category ID that is not a number',
			{ ...createProduct, categoryIds: '9, shoes' },
			'Invalid input: "Category IDs (#2)" must be a comma-separated list of IDs [item 0]',
		],
		[
			'an image without a URL',
			{ ...createProduct, imagesUi: { imagesValues: [{ src: 'front.jpg' }] } },
			'Invalid input: "Images › Source URL (#1)" must be a URL [item 0]',
		],
		[
			'a tag ID that is not a number (tags are given by ID)',
			{ ...createProduct, additionalFields: { tagIds: '41, summer' } },
			'Invalid input: "Tag IDs (#2)" must be a comma-separated list of IDs [item 0]',
		],
		[
			'a sale date that is not a date',
			{ ...createProduct, additionalFields: { dateOnSaleFrom: 'soon' } },
			'Invalid input: "Sale Price From" must be a date [item 0]',
		],
		[
			'an update with nothing to change',
			{ resource: 'product', operation: 'update', productId: '42' },
			'Nothing to update: add at least one field to change [item 0]',
		],
		[
			'JSON that does not parse',
			{ resource: 'product', operation: 'create', inputMode: 'json', productJson: '{"name": ' },
			'"Product JSON" is not valid JSON [item 0]',
		],
		[
			'a JSON create without a name',
			{
				resource: 'product',
				operation: 'create',
				inputMode: 'json',
				productJson: '{"categories": [9]}',
			},
			'Invalid input: "Name" is required [item 0]',
		],
		[
			'a product ID that is not a number',
			{ resource: 'product', operation: 'get', productId: 'abc' },
			'Invalid input: "Product" must be a whole number (the ID shown in the store) [item 0]',
		],
		[
			'Stock Quantity and Stock Change together',
			{
				resource: 'product',
				operation: 'quickEdit',
				productId: '42',
				quickEditFields: { stock_quantity: 3, inventory_delta: -1 },
			},
			'Invalid input: "Stock Change" cannot be used together with Stock Quantity: set one of them [item 0]',
		],
		[
			'a quick edit with nothing to change',
			{ resource: 'product', operation: 'quickEdit', productId: '42' },
			'Nothing to change: add at least one field [item 0]',
		],
		[
			'an order date filter that is not a date',
			{ resource: 'order', operation: 'getMany', filters: { after: 'yesterday-ish' } },
			'Invalid input: "Created After" must be a date [item 0]',
		],
		[
			'an empty note',
			{ resource: 'order', operation: 'addNote', orderId: '1', note: '  ' },
			'Invalid input: "Note" must not be empty [item 0]',
		],
		[
			'a tracking URL that is not a URL',
			{
				resource: 'order',
				operation: 'addShipmentTracking',
				orderId: '1',
				productId: '2',
				itemId: '3',
				additionalFields: { tracking_url: 'track me' },
			},
			'Invalid input: "Tracking URL" must be a URL [item 0]',
		],
		[
			'a booking that ends before it starts',
			{
				resource: 'booking',
				operation: 'update',
				bookingId: '31',
				start: '2026-12-24T10:00:00',
				end: '2026-12-24T09:00:00',
			},
			'Invalid input: "End" must not be before the start [item 0]',
		],
		[
			'a stock quantity of true from an expression (refused, not sent as 1)',
			{ ...createProduct, additionalFields: { stockQuantity: '={{ true }}' } },
			'Invalid input: "Stock Quantity" must be a whole number, not a boolean (true) [item 0]',
		],
		[
			'a menu order of [12] from an expression (refused, not sent as 12)',
			{ ...createProduct, additionalFields: { menuOrder: '={{ [12] }}' } },
			'Invalid input: "Menu Order" must be a whole number, not a list [item 0]',
		],
		[
			'a shipping class ID given as text from an expression',
			{ ...createProduct, additionalFields: { shippingClassId: '={{ "4" }}' } },
			'Invalid input: "Shipping Class ID" must be a whole number, not text ("4") [item 0]',
		],
		[
			'a booking without a start',
			{
				resource: 'booking',
				operation: 'update',
				bookingId: '31',
				start: '={{ "" }}',
				end: '2026-12-24T09:00:00',
			},
			'Invalid input: "Start" is required [item 0]',
		],
		[
			'a delivery ID list with a word in it',
			{ resource: 'delivery', operation: 'updateStatus', deliveryId: '55, next' },
			'Invalid input: "Delivery" must be a delivery ID, or several separated by commas [item 0]',
		],
		// labels from the properties, choices from the options lists
		[
			'a product type from an expression that is no type',
			{
				resource: 'product',
				operation: 'quickEdit',
				productId: '42',
				productType: '={{ "bundle" }}',
				quickEditFields: { regular_price: '10' },
			},
			'Invalid input: "Product Type" must be one of current (Its Current Type (Read First)), external, grouped, simple, variable [item 0]',
		],
		[
			'a product status from an expression that is no status',
			{ ...createProduct, additionalFields: { status: '={{ "live" }}' } },
			'Invalid input: "Status" must be one of draft, pending (Pending Review), publish (Published) [item 0]',
		],
		[
			'an order sort from an expression that is no sort',
			{ resource: 'order', operation: 'getMany', sort: { orderby: '={{ "total" }}' } },
			'Invalid input: "Order By" must be one of created (Date Created), order_id (Order ID) [item 0]',
		],
		[
			'a note visibility from an expression that is no choice',
			{
				resource: 'order',
				operation: 'addNote',
				orderId: '1',
				note: 'Shipped',
				noteType: '={{ "public" }}',
			},
			'Invalid input: "Visible To" must be one of customer, private (Store Only) [item 0]',
		],
		[
			'a variation image ID below 1',
			{
				resource: 'product',
				operation: 'createVariation',
				productId: '42',
				additionalFields: { imageId: -1 },
			},
			'Invalid input: "Image ID" must be 1 or more [item 0]',
		],
		[
			'a delivery person ID that is not an ID',
			{
				resource: 'order',
				operation: 'addShipmentTracking',
				orderId: '1',
				productId: '2',
				itemId: '3',
				additionalFields: { delivery_boy: 'Sam' },
			},
			'Invalid input: "Delivery Person ID" must be a whole number (the ID shown in the store) [item 0]',
		],
		[
			'a message type with spaces',
			{
				resource: 'notification',
				operation: 'getMany',
				filters: { notification_type: 'new order' },
			},
			'Invalid input: "Message Type" must be one type name, such as order [item 0]',
		],
	])('%s', async (_name, parameters, message) => {
		const { error } = await runGigrove(parameters);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
	});

	it('a name or attribute typed as a number from an expression is sent as text (required text, as every node reads it)', async () => {
		const recorded = stub('POST', `${API}/products/`, [{ body: product(5) }]);
		const { error } = await runGigrove({
			...createProduct,
			name: '={{ 1984 }}',
			attributesUi: { attributesValues: [{ name: '={{ 42 }}', options: 'S, M' }] },
		});
		expect(error).toBeUndefined();
		expect(recorded[0].body).toMatchObject({
			name: '1984',
			attributes: [expect.objectContaining({ name: '42', options: ['S', 'M'] })],
		});
	});

	it('a booking with a start that is not a date reports only that, not also “End must not be before the start”', async () => {
		const { error } = await runGigrove({
			resource: 'booking',
			operation: 'update',
			bookingId: '31',
			start: 'next tuesday',
			end: '2026-12-24T09:00:00',
		});
		expect(error?.message).toBe('Invalid input: "Start" must be a date [item 0]');
		expect(error?.description ?? '').not.toContain('End');
	});
});
