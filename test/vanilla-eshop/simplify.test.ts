import type { IDataObject } from 'n8n-workflow';

import { expectRequests, ok, orderReply, run } from './fixtures';

// Order › Get with Simplify (node version 1.1, on by default): the fields a merchant uses; off,
// the raw reply; a version-1 node (every saved workflow) the raw reply as before.

const reply: IDataObject = {
	...orderReply,
	invoice_prefix: 'INV-2026-00',
	store_name: 'Vanilla',
	customer_id: 7,
	lastname: 'Ali',
	telephone: '0551234567',
	payment_city: 'Riyadh',
	payment_method: 'Cash On Delivery',
	payment_code: 'cod',
	shipping_method: 'Flat Shipping Rate',
	currency_code: 'SAR',
	currency_value: '1.00000000',
	date_added: '2026-11-20 10:15:00',
	date_modified: '2026-11-21 08:00:00',
	user_agent: 'Mozilla/5.0',
	products: [
		{
			order_product_id: 1,
			order_id: 500123,
			sku: 'RING-1',
			name: 'Gold ring',
			quantity: 2,
			price: '50.0000',
			cost: '20.0000',
			total: '100.0000',
			tax: '15.0000',
		},
	],
	totals: [{ code: 'total', title: 'Total', value: '110.0000' }],
};
const simplified: IDataObject = {
	order_id: 500123,
	customer_id: 7,
	firstname: 'Sara',
	lastname: 'Ali',
	email: 'sara@example.com',
	telephone: '0551234567',
	order_status_id: 1,
	total: '110.0000',
	currency_code: 'SAR',
	payment_method: 'Cash On Delivery',
	shipping_method: 'Flat Shipping Rate',
	date_added: '2026-11-20 10:15:00',
	date_modified: '2026-11-21 08:00:00',
	products: [{ sku: 'RING-1', name: 'Gold ring', quantity: 2, total: '100.0000' }],
};

const get = { resource: 'order', operation: 'get', orderId: '500123' };
const request = { method: 'GET' as const, path: '/v1/in/order/500123', reply: ok(reply) };

describe('Vanilla eShop › Order › Get › Simplify', () => {
	it('version 1.1, Simplify left on: only the fields a merchant uses', async () => {
		const api = expectRequests([request]);
		const { items, error } = await run(get, [{}], { typeVersion: 1.1 });
		expect(error).toBeUndefined();
		api.done();
		expect(items).toEqual([{ json: simplified, pairedItem: { item: 0 } }]);
	});

	it('version 1.1, Simplify off: the raw reply', async () => {
		const api = expectRequests([request]);
		const { items, error } = await run({ ...get, simple: false }, [{}], { typeVersion: 1.1 });
		expect(error).toBeUndefined();
		api.done();
		expect(items).toEqual([{ json: reply, pairedItem: { item: 0 } }]);
	});

	it('version 1 (saved workflows): the raw reply, as before', async () => {
		const api = expectRequests([request]);
		const { items, error } = await run(get);
		expect(error).toBeUndefined();
		api.done();
		expect(items).toEqual([{ json: reply, pairedItem: { item: 0 } }]);
	});
});
