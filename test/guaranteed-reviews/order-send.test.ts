import nock from 'nock';

import { runNode } from '../kit/engine';
import { API_KEY, BASE, apiOrder, credentials, order, orderFields } from './fixtures';

describe('Guaranteed Reviews › Order › Send', () => {
	it('sends the mapped order as JSON with the private key in the body, and reports it imported', async () => {
		const scope = nock(BASE)
			.post('/private/v3/orders', {
				api_key: API_KEY,
				orders: [
					{
						id_order: 'A-1',
						order_date: '2026-11-20 10:15:00',
						firstname: 'Ada',
						lastname: 'Lovelace',
						email: 'ada@example.com',
						reference: 'REF-1',
						products: [{ id: 100, name: 'Ring', qty: 2, unit_price: 25.9, sku: 'SKU100' }],
					},
				],
			})
			.matchHeader('content-type', 'application/json')
			.reply(200, { success: 1, orders_count: 1, orders_imported: 1, message: null });

		const { items, error } = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				parameters: {
					...orderFields,
					productsSource: 'fields',
					products: {
						product: [
							{
								id: 100,
								name: 'Ring',
								qty: 2,
								unit_price: 25.9,
								sku: 'SKU100',
								category_id: '',
								url: '',
							},
						],
					},
					additionalFields: { reference: 'REF-1' },
				},
			},
			[
				{
					id: 'A-1',
					date: '2026-11-20 10:15:00',
					first: 'Ada',
					last: 'Lovelace',
					email: 'ada@example.com',
				},
			],
		);

		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([
			{
				json: {
					orderId: 'A-1',
					reference: 'REF-1',
					imported: true,
					status: 'imported',
					message: null,
					request: { ordersCount: 1, ordersImported: 1 },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('batches many input orders into one request per 100 by default', async () => {
		const bodies: unknown[] = [];
		const scope = nock(BASE)
			.post('/private/v3/orders', (body) => (bodies.push(body), true))
			.times(3)
			.reply(200, (_uri, body) => {
				const count = (body as { orders: unknown[] }).orders.length;
				return { success: 1, orders_count: count, orders_imported: count, message: null };
			});

		const input = Array.from({ length: 250 }, (_, n) => order(n));
		const { items, error } = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: orderFields },
			input,
		);

		expect(error).toBeUndefined();
		scope.done();
		expect(bodies.map((body) => (body as { orders: unknown[] }).orders.length)).toEqual([
			100, 100, 50,
		]);
		expect((bodies[2] as { orders: unknown[] }).orders[49]).toEqual(apiOrder(249));
		expect(items).toHaveLength(250);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.orderId).toBe(`A-${index}`);
			expect(item.json.imported).toBe(true);
		});
	});
});

describe('Guaranteed Reviews › Order › Send › modes and results', () => {
	const reply = (imported: number, count: number, message: string | null = null) => ({
		success: imported > 0 ? 1 : 0,
		orders_count: count,
		orders_imported: imported,
		message,
	});

	it('JSON mode sends the order as given, extra fields kept, and the date rewritten in the workflow time zone', async () => {
		const scope = nock(BASE)
			.post('/private/v3/orders', {
				api_key: API_KEY,
				orders: [
					{
						id_order: '77',
						order_date: '2026-11-20 11:15:00',
						firstname: 'Ada',
						lastname: 'Lovelace',
						email: 'ada@example.com',
						source: 'n8n',
						products: [{ id: 5, name: 'Ring', variant_id: 9 }],
					},
				],
			})
			.reply(200, reply(1, 1));

		const { items, error } = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				timezone: 'Europe/Paris',
				parameters: {
					resource: 'order',
					operation: 'send',
					inputMode: 'json',
					orderJson: '={{ $json.order }}',
				},
			},
			[
				{
					order: {
						id_order: 77,
						order_date: '2026-11-20T10:15:00.000Z',
						firstname: 'Ada',
						lastname: 'Lovelace',
						email: 'ada@example.com',
						source: 'n8n',
						products: [{ id: '5', name: 'Ring', variant_id: 9 }],
					},
				},
			],
		);
		expect(error).toBeUndefined();
		scope.done();
		expect(items[0].json).toMatchObject({ orderId: '77', imported: true, status: 'imported' });
	});

	it('takes products from an input field and sends the phone only when switched on', async () => {
		const bodies: Array<{ orders: Array<Record<string, unknown>> }> = [];
		nock(BASE)
			.post('/private/v3/orders', (body) => (bodies.push(body), true))
			.times(2)
			.reply(200, reply(1, 1));

		const parameters = {
			...orderFields,
			productsSource: 'inputField',
			productsField: 'order.lines',
			additionalFields: { sendPhone: '={{ $json.consent }}', phone: '+33 6 00 00 00 00' },
			options: { batchSize: 1 },
		};
		const lines = [{ id: 3, name: 'Bracelet', qty: 1 }];
		const { error } = await runNode({ type: 'guaranteedReviews', credentials, parameters }, [
			{ ...order(1), order: { lines }, consent: true },
			{ ...order(2), order: { lines }, consent: false },
		]);
		expect(error).toBeUndefined();
		expect(bodies[0].orders[0]).toEqual({
			...apiOrder(1),
			phone: '+33 6 00 00 00 00',
			products: lines,
		});
		expect(bodies[1].orders[0]).toEqual({ ...apiOrder(2), products: lines });
	});

	it('reports orders the service already had as not imported, without failing', async () => {
		nock(BASE)
			.post('/private/v3/orders')
			.reply(
				200,
				reply(
					0,
					2,
					'Some orders were not imported because they had already been sent (see documentation)',
				),
			);
		const { items, error } = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: orderFields },
			[order(1), order(2)],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.imported, item.json.status, item.pairedItem])).toEqual([
			[false, 'alreadySent', { item: 0 }],
			[false, 'alreadySent', { item: 1 }],
		]);
	});

	it('says "importedOrAlreadySent" for each order of a partly imported request whose message says the others were already sent', async () => {
		const message =
			'Some orders were not imported because they had already been sent (see documentation)';
		nock(BASE)
			.post('/private/v3/orders')
			.reply(200, reply(1, 2, message));
		const { items, error } = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: orderFields },
			[order(1), order(2)],
		);
		expect(error).toBeUndefined();
		expect(items).toEqual(
			[1, 2].map((n, index) => ({
				json: {
					orderId: `A-${n}`,
					imported: null,
					status: 'importedOrAlreadySent',
					message,
					request: { ordersCount: 2, ordersImported: 1 },
				},
				pairedItem: { item: index },
			})),
		);
	});

	it.each([
		['no message', null],
		['a message that does not say why', 'Import finished with warnings'],
	])(
		'says "unknown" for each order of a partly imported request with %s',
		async (_name, message) => {
			nock(BASE)
				.post('/private/v3/orders')
				.reply(200, reply(1, 2, message));
			const { items, error } = await runNode(
				{ type: 'guaranteedReviews', credentials, parameters: orderFields },
				[order(1), order(2)],
			);
			expect(error).toBeUndefined();
			expect(
				items.map((item) => [item.json.imported, item.json.status, item.json.message]),
			).toEqual([
				[null, 'unknown', message],
				[null, 'unknown', message],
			]);
			expect(items[0].json.request).toEqual({ ordersCount: 2, ordersImported: 1 });
		},
	);

	it('fails with the service message when nothing was imported for another reason', async () => {
		nock(BASE)
			.post('/private/v3/orders')
			.reply(200, reply(0, 1, 'Missing fields for array'));
		const { error, items } = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: orderFields },
			[order(1)],
		);
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Missing fields for array');
	});

	it('with continueOnFail, a failed request marks exactly its own orders and the other batches go through', async () => {
		nock(BASE)
			.post('/private/v3/orders')
			.reply(200, reply(2, 2))
			.post('/private/v3/orders')
			.reply(500, 'Internal Server Error')
			.post('/private/v3/orders')
			.reply(200, reply(1, 1));
		const { items, error } = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				onError: 'continue',
				parameters: { ...orderFields, options: { batchSize: 2 } },
			},
			[order(0), order(1), order(2), order(3), order(4)],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.pairedItem, item.json.imported ?? item.json.error])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, true],
			[{ item: 2 }, 'Guaranteed Reviews answered HTTP 500'],
			[{ item: 3 }, 'Guaranteed Reviews answered HTTP 500'],
			[{ item: 4 }, true],
		]);
	});

	it('routes failed orders to the error output when the node uses it', async () => {
		nock(BASE).post('/private/v3/orders').reply(200, reply(1, 1));
		const { items, errorItems } = await runNode(
			{ type: 'guaranteedReviews', credentials, onError: 'errorOutput', parameters: orderFields },
			[order(0), { ...order(1), email: 'not-an-email' }],
		);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(errorItems).toHaveLength(1);
		expect(errorItems[0].pairedItem).toEqual({ item: 1 });
		expect(errorItems[0].json.error).toBe(
			'Invalid input: "Email" must be a valid email address [item 1]',
		);
	});
});

describe('Guaranteed Reviews › Order › Send › bad input is refused before any request', () => {
	const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
		['an empty order ID', {}, { id: '  ' }, '"Order ID" must not be empty'],
		['a missing date', {}, { date: '' }, '"Order Date" is required'],
		['an unreadable date', {}, { date: 'next tuesday' }, '"Order Date" must be a date'],
		['an empty first name', {}, { first: '' }, '"First Name" is required'],
		['a blank first name', {}, { first: '   ' }, '"First Name" must not be empty'],
		['an empty last name', {}, { last: '' }, '"Last Name" is required'],
		['a bad email', {}, { email: 'ada@' }, '"Email" must be a valid email address'],
		[
			// (typed into the node, an empty required field stops n8n from running the workflow at all)
			'a product without a name',
			{ productsSource: 'inputField', productsField: 'lines' },
			{ lines: [{ id: 4, name: ' ' }] },
			'"Products › Name (#1)" must not be empty',
		],
		[
			'a product ID that is not a number',
			{ productsSource: 'inputField', productsField: 'lines' },
			{ lines: [{ id: 'ABC', name: 'Ring' }] },
			'"Products › Product ID (#1)" must be a whole number (the ID shown in the store)',
		],
		[
			// (a product row left at its default ID, 0)
			'a product ID of 0',
			{ productsSource: 'inputField', productsField: 'lines' },
			{ lines: [{ id: '0', name: 'Ring' }] },
			'"Products › Product ID (#1)" must be a product ID above 0',
		],
		// values of the wrong type are refused, naming the type: never converted (true was sent as 1, [12] as 12)
		...(
			[
				['qty', true, 'Quantity', 'a whole number', 'a boolean (true)'],
				['qty', [12], 'Quantity', 'a whole number', 'a list'],
				['qty', 'two', 'Quantity', 'a whole number', 'text ("two")'],
				['qty', '', 'Quantity', 'a whole number', 'text ("")'],
				['unit_price', false, 'Unit Price (Tax Included)', 'a number', 'a boolean (false)'],
				['unit_price', { amount: 5 }, 'Unit Price (Tax Included)', 'a number', 'an object'],
				['unit_price', [25.9], 'Unit Price (Tax Included)', 'a number', 'a list'],
			] as const
		).map(
			([key, value, label, expected, received]): [
				string,
				Record<string, unknown>,
				Record<string, unknown>,
				string,
			] => [
				`a product ${key} of ${JSON.stringify(value)}`,
				{ productsSource: 'inputField', productsField: 'lines' },
				{ lines: [{ id: 4, name: 'Ring', [key]: value }] },
				`"Products › ${label} (#1)" must be ${expected}, not ${received}`,
			],
		),
		[
			'a store ID that is a boolean',
			{ additionalFields: { store_id: '={{ $json.store }}' } },
			{ store: true },
			'"Additional Fields › Store ID" must be a whole number, not a boolean (true)',
		],
		[
			'a store ID that is a list',
			{ additionalFields: { store_id: '={{ $json.store }}' } },
			{ store: [3] },
			'"Additional Fields › Store ID" must be a whole number, not a list',
		],
		[
			'products that are not a list',
			{ productsSource: 'inputField', productsField: 'lines' },
			{ lines: 'ring' },
			'The input field "lines" does not hold a list of products',
		],
	];

	it.each(cases)('%s', async (_name, parameters, input, expected) => {
		const { error } = await runNode(
			{ type: 'guaranteedReviews', credentials, parameters: { ...orderFields, ...parameters } },
			[
				{ ...order(0), lines: [{ id: 1, name: 'Ring' }] },
				{ ...order(1), ...input },
			],
		);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain(expected);
		expect(error?.message).toContain('[item 1]');
		// nock has no interceptor: a request would have failed with a network error instead
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('takes numbers written as text in products and the store ID (as shops export prices), and sends them as numbers', async () => {
		const scope = nock(BASE)
			.post('/private/v3/orders', {
				api_key: API_KEY,
				orders: [
					{
						...apiOrder(0),
						store_id: 7,
						products: [{ id: 4, name: 'Ring', qty: 2, unit_price: 25.9 }],
					},
				],
			})
			.reply(200, { success: 1, orders_count: 1, orders_imported: 1, message: null });
		const { error } = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				parameters: {
					...orderFields,
					productsSource: 'inputField',
					productsField: 'lines',
					additionalFields: { store_id: '={{ $json.store }}' },
				},
			},
			[
				{
					...order(0),
					store: ' 7 ',
					lines: [{ id: 4, name: 'Ring', qty: '2', unit_price: '25.90' }],
				},
			],
		);
		expect(error).toBeUndefined();
		scope.done();
	});

	it('refuses JSON that does not parse', async () => {
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: {
				resource: 'order',
				operation: 'send',
				inputMode: 'json',
				orderJson: '{"id_order": 1,',
			},
		});
		expect(error?.message).toBe('"Order JSON" is not valid JSON [item 0]');
	});
});
