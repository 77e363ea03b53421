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
						products: [
							{ id: 100, name: 'Ring', qty: 2, unit_price: 25.9, sku: 'SKU100' },
						],
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
						product: [{ id: 100, name: 'Ring', qty: 2, unit_price: 25.9, sku: 'SKU100', category_id: '', url: '' }],
					},
					additionalFields: { reference: 'REF-1' },
				},
			},
			[{ id: 'A-1', date: '2026-11-20 10:15:00', first: 'Ada', last: 'Lovelace', email: 'ada@example.com' }],
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
		const { items, error } = await runNode({ type: 'guaranteedReviews', credentials, parameters: orderFields }, input);

		expect(error).toBeUndefined();
		scope.done();
		expect(bodies.map((body) => (body as { orders: unknown[] }).orders.length)).toEqual([100, 100, 50]);
		expect((bodies[2] as { orders: unknown[] }).orders[49]).toEqual(apiOrder(249));
		expect(items).toHaveLength(250);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.orderId).toBe(`A-${index}`);
			expect(item.json.imported).toBe(true);
		});
	});
});
