import nock from 'nock';

import { API, order, product, runGigrove, stub } from './fixtures';

// The two bugs n8n fixed in its WooCommerce node (a `qs` shared across items turned Gets into
// lists; an empty ID listed everything), and their neighbours.

describe('Gigrove › WooCommerce regressions', () => {
	it('3 Get items give 3 outputs, one record each, paired to their item (not lists)', async () => {
		const recorded = stub('GET', /\/orders\/\d+$/, [
			{ body: order(11) },
			{ body: order(12) },
			{ body: order(13) },
		]);
		const { items, error } = await runGigrove(
			{ resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			[{ id: 11 }, { id: 12 }, { id: 13 }],
		);
		expect(error).toBeUndefined();
		expect(recorded.map(({ path, query }) => [path, query])).toEqual([
			[`${API}/orders/11`, {}],
			[`${API}/orders/12`, {}],
			[`${API}/orders/13`, {}],
		]);
		expect(items).toEqual([
			{ json: order(11), pairedItem: { item: 0 } },
			{ json: order(12), pairedItem: { item: 1 } },
			{ json: order(13), pairedItem: { item: 2 } },
		]);
	});

	it('a Get Many before Gets leaves no page or filter behind (queries are never shared)', async () => {
		const recorded = stub('GET', `${API}/products/`, [
			{ body: [product(1), product(2)] },
			{ body: [product(3), product(4)] },
		]);
		const { items } = await runGigrove(
			{
				resource: 'product',
				operation: 'getMany',
				limit: 2,
				filters: { search: '={{ $json.search }}' },
			},
			[{ search: 'ring' }, { search: '' }],
		);
		expect(recorded.map(({ query }) => query)).toEqual([
			{ per_page: '2', page: '1', search: 'ring' },
			{ per_page: '2', page: '1' },
		]);
		expect(items.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	it.each([
		['an empty ID', '={{ "" }}'],
		['a blank ID', '   '],
		['a missing ID', '={{ $json.nothing }}'],
	])(
		'%s is an error naming the field and item, and no request is sent',
		async (_name, productId) => {
			const { error, items } = await runGigrove(
				{ resource: 'product', operation: 'get', productId },
				[{}],
			);
			expect(error).toMatchObject({
				name: 'NodeOperationError',
				message: 'Invalid input: "Product" must not be empty [item 0]',
			});
			expect(items).toEqual([]);
			// nock refuses every request no test declared: a list call would have failed differently.
			expect(nock.pendingMocks()).toEqual([]);
		},
	);

	it('with “continue on fail”, an empty ID fails only its item; the others are fetched', async () => {
		const recorded = stub('GET', /\/bookings\/\d+$/, [{ body: { id: 1 } }, { body: { id: 3 } }]);
		const { items } = await runGigrove(
			{ resource: 'booking', operation: 'get', bookingId: '={{ $json.id }}' },
			[{ id: 1 }, { id: '' }, { id: 3 }],
			{ onError: 'continue' },
		);
		expect(recorded.map(({ path }) => path)).toEqual([`${API}/bookings/1`, `${API}/bookings/3`]);
		expect(items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{
				json: { error: 'Invalid input: "Booking" must not be empty [item 1]', itemIndex: 1 },
				pairedItem: { item: 1 },
			},
			{ json: { id: 3 }, pairedItem: { item: 2 } },
		]);
	});

	it('each created product carries only its own fields', async () => {
		const recorded = stub('POST', `${API}/products/`, [{ body: product(1) }, { body: product(2) }]);
		await runGigrove(
			{
				resource: 'product',
				operation: 'create',
				name: '={{ $json.name }}',
				categoryIds: '9',
				additionalFields: { sku: '={{ $json.sku }}' },
			},
			[{ name: 'Ring', sku: 'R-1' }, { name: 'Mug' }],
		);
		expect(recorded.map(({ body }) => body)).toEqual([
			{ name: 'Ring', categories: [9], sku: 'R-1' },
			{ name: 'Mug', categories: [9] },
		]);
	});
});

// WCFM's quick edit rebuilds the product as the type it is sent: a type left at a default would
// turn a variable product into a simple one, its variations lost.
describe('Gigrove › Product › Quick Edit keeps the product’s type', () => {
	const quickEdit = { resource: 'product', operation: 'quickEdit', productId: '901' };

	it('Product Type left at its default: the type is read from the store, then sent', async () => {
		const read = stub('GET', `${API}/products/901/`, [
			{ body: { ...product(901), type: 'variable' } },
		]);
		const edited = stub('PUT', `${API}/products/quick-edit/901/`, [{ body: product(901) }]);
		const { items, error } = await runGigrove({
			...quickEdit,
			quickEditFields: { regular_price: '21.00' },
		});
		expect(error).toBeUndefined();
		expect(read).toHaveLength(1);
		expect(edited.map(({ body }) => body)).toEqual([{ type: 'variable', regular_price: '21.00' }]);
		expect(items).toEqual([{ json: product(901), pairedItem: { item: 0 } }]);
	});

	it('a reply without a known type stops before the edit, saying nothing was changed', async () => {
		stub('GET', `${API}/products/901/`, [{ body: { id: 901, name: 'Linen Shirt' } }]);
		const edited = stub('PUT', `${API}/products/quick-edit/901/`, [{ body: product(901) }]);
		const { error } = await runGigrove({ ...quickEdit, quickEditFields: { regular_price: '1' } });
		expect(error?.message).toBe(
			'Gigrove did not say which type product 901 is (its reply has type null): nothing was changed',
		);
		expect(edited).toHaveLength(0);
		nock.cleanAll();
	});

	it('a type picked is sent as picked, without reading the product', async () => {
		const edited = stub('PUT', `${API}/products/quick-edit/901/`, [{ body: product(901) }]);
		const { error } = await runGigrove({
			...quickEdit,
			productType: 'simple',
			quickEditFields: { regular_price: '1' },
		});
		expect(error).toBeUndefined();
		expect(edited.map(({ body }) => body)).toEqual([{ type: 'simple', regular_price: '1' }]);
	});
});

// WCFM's shipment tracking takes the line's product; a merchant picks the line, the node finds it.
describe('Gigrove › Order › Add Shipment Tracking, the product left empty', () => {
	const tracking = {
		resource: 'order',
		operation: 'addShipmentTracking',
		orderId: '5694447',
		itemId: { __rl: true, mode: 'list', value: '1227' },
		additionalFields: { tracking_code: 'TRK1' },
	};
	const withLines = {
		...order(5694447),
		line_items: [
			{ id: 1226, product_id: 901 },
			{ id: 1227, product_id: 902 },
		],
	};

	it('is read from the order’s line, then sent', async () => {
		const read = stub('GET', `${API}/orders/5694447`, [{ body: withLines }]);
		const sent = stub('PUT', `${API}/orders/shipment_tracking/`, [
			{ body: { order_id: 5694447, order_status: 'processing', tracking_data: [] } },
		]);
		const { error } = await runGigrove(tracking);
		expect(error).toBeUndefined();
		expect(read).toHaveLength(1);
		expect(sent.map(({ body }) => body)).toEqual([
			{ order_id: '5694447', product_id: '902', item_id: '1227', tracking_code: 'TRK1' },
		]);
	});

	it('a line the order does not have stops before the change, naming the lines it has', async () => {
		stub('GET', `${API}/orders/5694447`, [{ body: withLines }]);
		const sent = stub('PUT', `${API}/orders/shipment_tracking/`, [{ body: {} }]);
		const { error } = await runGigrove({
			...tracking,
			itemId: { __rl: true, mode: 'id', value: '77' },
		});
		expect(error?.message).toBe('Order 5694447 has no item 77: nothing was changed');
		expect(error?.description).toContain('Its items are 1226, 1227');
		expect(sent).toHaveLength(0);
		nock.cleanAll();
	});
});
