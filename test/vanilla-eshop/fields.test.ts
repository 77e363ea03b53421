import {
	expectRequests,
	ok,
	orderBody,
	orderFields,
	productBody,
	productFields,
	productReply,
	run,
} from './fixtures';

// How the fields behave beyond the one request per route: path keys, JSON from expressions, dates.
describe('Vanilla eShop fields', () => {
	it('Product Update can name the product by its Magento entity ID instead of the SKU', async () => {
		const api = expectRequests([
			{ method: 'PUT', path: '/v1/in/products/77', body: productBody, reply: ok(productReply) },
		]);

		const { error } = await run({
			resource: 'product',
			operation: 'update',
			productKey: 'entityId',
			productEntityId: '77',
			...productFields,
		});

		expect(error).toBeUndefined();
		api.done();
	});

	it('Product Delete can name the product by its SKU instead of the entity ID', async () => {
		const api = expectRequests([
			{ method: 'DELETE', path: '/v1/in/products/RING-1', reply: ok(null) },
		]);

		const { items } = await run({
			resource: 'product',
			operation: 'delete',
			productKey: 'sku',
			productSku: 'RING-1',
		});

		api.done();
		expect(items).toEqual([
			{ json: { deleted: true, sku: 'RING-1', response: null }, pairedItem: { item: 0 } },
		]);
	});

	it('order lines and totals can come as JSON from an expression, per item', async () => {
		const lines = [
			{
				sku: 'RING-2',
				name: 'Silver ring',
				quantity: '1',
				price: '30',
				cost: 10,
				total: 30,
				tax: 0,
			},
		];
		const api = expectRequests([
			{
				method: 'POST',
				path: '/v1/in/order',
				body: {
					order_id: 500124,
					...orderBody,
					products: [
						{
							sku: 'RING-2',
							name: 'Silver ring',
							quantity: 1,
							price: 30,
							cost: 10,
							total: 30,
							tax: 0,
						},
					],
					totals: orderBody.totals,
				},
				reply: ok({ order_id: 500124 }),
			},
		]);

		const { error } = await run(
			{
				resource: 'order',
				operation: 'create',
				...orderFields,
				order_id: '={{ $json.id }}',
				products_input: 'json',
				products_json: '={{ $json.lines }}',
				totals_input: 'json',
				totals_json: JSON.stringify(orderBody.totals),
			},
			[{ id: 500124, lines }],
		);

		expect(error).toBeUndefined();
		api.done();
	});

	it('order promotions are a list of IDs', async () => {
		const api = expectRequests([
			{
				method: 'POST',
				path: '/v1/in/order',
				body: { order_id: 500125, ...orderBody, promotions: ['3', '9'] },
				reply: ok({}),
			},
		]);

		await run({
			resource: 'order',
			operation: 'create',
			...orderFields,
			order_id: '500125',
			additionalFields: {
				...(orderFields.additionalFields as object),
				promotions: { entry: [{ id: '3' }, { id: 9 }] },
			},
		});

		api.done();
	});

	it('dates are sent as the doc writes them, in the workflow’s time zone', async () => {
		const api = expectRequests([
			{
				method: 'POST',
				path: '/v1/in/pricing',
				body: { entity_id: '77', price: 45, date_start: '2026-12-01', date_end: '2027-01-01' },
				reply: ok({}),
			},
			{
				method: 'POST',
				path: '/v1/in/products',
				body: {
					sku: 'RING-1',
					...productBody,
					date_available: '2026-12-02',
					special: [
						{ price: 40, date_start: '2026-12-01 03:00:00', date_end: '2026-12-31 23:59:59' },
					],
				},
				reply: ok(productReply),
			},
		]);
		const timezone = 'Asia/Riyadh'; // UTC+3

		await run(
			{
				resource: 'price',
				operation: 'add',
				entity_id: '77',
				price: 45,
				date_start: '2026-12-01',
				date_end: '2026-12-31T22:30:00Z',
			},
			[{}],
			{ timezone },
		);
		await run(
			{
				resource: 'product',
				operation: 'create',
				...productFields,
				sku: 'RING-1',
				additionalFields: {
					date_available: '2026-12-01T21:00:00.000Z',
					special_json:
						'={{ [{ price: 40, date_start: "2026-12-01T00:00:00Z", date_end: "2026-12-31 23:59:59" }] }}',
				},
			},
			[{}],
			{ timezone },
		);

		api.done();
	});
});
