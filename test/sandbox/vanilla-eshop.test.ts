import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { testCredential } from '../kit/credential-test';
import { runNode } from '../kit/engine';
import { customerFields, productFields as product, sample } from '../vanilla-eshop/fixtures';
import { KEYS, call, useSandbox } from './sandbox-kit';

const sandbox = useSandbox();

const run = (parameters: INodeParameters, input: IDataObject[] = [{}]) =>
	runNode(
		{
			type: 'vanillaEshop',
			credentials: { vanillaEshopApi: sandbox.credentials().vanillaEshopApi },
			parameters,
			onError: 'continue',
		},
		input,
	);

const order: INodeParameters = {
	...sample.order,
	language: 'ar',
	is_gift: false,
	is_mobile_order: true,
};
const { paymentAddress, shippingAddress } = sample.order;

describe('Vanilla eShop node against the sandbox', () => {
	it('the credential Test passes with the shop’s key and fails with another, with no order to name', async () => {
		const credential = sandbox.credentials().vanillaEshopApi;
		expect(await testCredential('vanillaEshopApi', credential)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(
			await testCredential('vanillaEshopApi', { ...credential, headerSecret: 'not-the-key' }),
		).toMatchObject({ status: 'Error' });
	});

	it('creates, updates and deletes a customer; a deleted one is 404', async () => {
		const created = await run({ resource: 'customer', operation: 'create', ...customerFields });
		expect(created.items[0].json).toEqual({ customer_id: 3 });
		const updated = await run({
			resource: 'customer',
			operation: 'update',
			customerId: '3',
			firstname: 'Ada L.',
			email: 'ada@example.com',
			telephone: '0500000001',
			password: '',
		});
		expect(updated.items[0].json).toEqual({ customer_id: 3 });
		const deleted = await run(
			{ resource: 'customer', operation: 'delete', customerId: '={{ $json.id }}' },
			[{ id: 3 }, { id: 3 }],
		);
		expect(deleted.items.map((item) => item.json)).toEqual([
			{ deleted: true, customer_id: '3', response: null },
			expect.objectContaining({ error: 'Customer 3 was not found' }),
		]);

		const log = sandbox.current.log('vanilla-eshop');
		expect(log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
			'POST /vanilla/v1/in/customer 200',
			'PUT /vanilla/v1/in/customer/3 200',
			'DELETE /vanilla/v1/in/customer/3 200',
			'DELETE /vanilla/v1/in/customer/3 404',
		]);
		expect(log[0].body).toEqual({
			firstname: 'Ada',
			email: 'ada@example.com',
			telephone: '0500000001',
			password: '***',
		});
		expect(log[0].headers[KEYS.vanillaEshop.headerName.toLowerCase()]).toBe('***');
	});

	it('creates an order, changes its status, adds a comment and reads it back', async () => {
		const created = await run({
			resource: 'order',
			operation: 'create',
			...order,
			order_id: '500123',
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			order_id: 500123,
			total: '110.0000',
			payment_country_id: 184,
			shipping_zone: 'Riyadh',
			order_status_id: 1,
		});

		const status = await run({
			resource: 'order',
			operation: 'changeStatus',
			orderId: '500123',
			order_status_code: 'shipped',
			options: { user_id: '4' },
		});
		expect(status.items[0].json).toMatchObject({
			order_id: 500123,
			user_id: 4,
			order_status_id: 3,
			date_added: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
		await run({
			resource: 'order',
			operation: 'addComment',
			orderId: '500123',
			comment: 'Customer called',
		});

		const read = await run({ resource: 'order', operation: 'get', orderId: '500123' });
		expect(read.items[0].json).toMatchObject({ order_status_id: 3 });
		expect((read.items[0].json.history as IDataObject[]).map((row) => row.comment)).toEqual([
			'',
			'',
			'Customer called',
		]);

		const again = await run({
			resource: 'order',
			operation: 'create',
			...order,
			order_id: '500123',
		});
		expect(again.items[0].json.error).toBe('The given data was invalid.');
		expect(sandbox.current.log('vanilla-eshop').at(-1)?.reply).toEqual({
			message: 'The given data was invalid.',
			errors: { order_id: ['The order id has already been taken.'] },
		});
	});

	it('turns Laravel’s 422 field errors into the node’s error, field by field', async () => {
		const wrongZone = await run({
			resource: 'order',
			operation: 'updateAddress',
			orderId: '500000',
			paymentAddress: { address: { ...paymentAddress.address, zone_id: 'XX' } },
			shippingAddress,
		});
		expect(wrongZone.items[0].json.error).toBe('The given data was invalid.');
		expect(wrongZone.items[0].json.errorDescription).toContain(
			'payment_zone_id: The selected payment zone id is invalid.',
		);
		expect(wrongZone.items[0].json.httpStatus).toBe(422);
		const [entry] = sandbox.current.log('vanilla-eshop');
		expect(entry.status).toBe(422);
		expect(entry.reply).toEqual({
			message: 'The given data was invalid.',
			errors: { payment_zone_id: ['The selected payment zone id is invalid.'] },
		});
	});

	it('sends 12 products in bulk as 10 + 2 (the route takes at most 10) and pairs each reply', async () => {
		const input = Array.from({ length: 12 }, (_, n) => ({ sku: `BULK-${n + 1}` }));
		const bulk = await run(
			{
				resource: 'product',
				operation: 'createOrUpdateMany',
				...product,
				product_id: '',
				sku: '={{ $json.sku }}',
			},
			input,
		);
		expect(bulk.error).toBeUndefined();
		expect(bulk.items.map((item) => item.json.sku)).toEqual(
			Array.from({ length: 12 }, (_, n) => `van.${87 + n}`),
		);
		expect(bulk.items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		const sizes = sandbox.current
			.log('vanilla-eshop')
			.map((entry) => ((entry.body as IDataObject).products as unknown[]).length);
		expect(sizes).toEqual([10, 2]);

		// Beyond 10 in one request the stand-in answers as Laravel's max:10 rule would.
		const eleven = await call(`${sandbox.current.urls.vanillaEshop}/v1/in/products/bulk`, 'POST', {
			products: Array.from({ length: 11 }, () => ({})),
		});
		expect(eleven.status).toBe(401); // no credential header: refused before validation
		const response = await fetch(`${sandbox.current.urls.vanillaEshop}/v1/in/products/bulk`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Accept: 'application/json',
				[KEYS.vanillaEshop.headerName]: KEYS.vanillaEshop.headerValue,
			},
			body: JSON.stringify({ products: Array.from({ length: 11 }, () => ({})) }),
		});
		expect(response.status).toBe(422);
		expect(
			((await response.json()) as { errors: Record<string, string[]> }).errors.products,
		).toEqual(['The products may not have more than 10 items.']);
	});

	it('updates a product by SKU, adds a price to its entity ID, renames the SKU and deletes it', async () => {
		const updated = await run({
			resource: 'product',
			operation: 'update',
			productSku: 'RING-1',
			...product,
			price: 55,
		});
		expect(updated.items[0].json).toEqual({
			product_id: 85,
			sku: 'van.85',
			quantity: 5,
			price: '55.0000',
			optionValues: [],
		});
		const price = await run({
			resource: 'price',
			operation: 'add',
			entity_id: '77',
			price: 45.5,
			date_start: '2026-12-01',
			date_end: '2026-12-31',
		});
		expect(price.items[0].json).toEqual({
			product_id: 85,
			priority: 1,
			price: '45.5000',
			date_start: '2026-12-01',
			date_end: '2026-12-31',
		});
		const renamed = await run({
			resource: 'product',
			operation: 'changeSku',
			sku: 'RING-1',
			new_sku: 'RING-001',
		});
		expect(renamed.items[0].json).toEqual({ success: true, sku: 'RING-1', new_sku: 'RING-001' });
		const oldSku = await run({
			resource: 'product',
			operation: 'update',
			productSku: 'RING-1',
			...product,
		});
		expect(oldSku.items[0].json.error).toBe('Product with SKU RING-1 was not found');
		const deleted = await run({ resource: 'product', operation: 'delete', productEntityId: '77' });
		expect(deleted.items[0].json).toEqual({ deleted: true, entity_id: '77', response: null });
	});
});
