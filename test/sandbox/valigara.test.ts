import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runNode } from '../kit/engine';
import { KEYS, call, useSandbox, valigaraCalls } from './sandbox-kit';

const sandbox = useSandbox();

const run = (
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	credentials = sandbox.credentials(),
) =>
	runNode(
		{
			type: 'valigara',
			credentials: { valigaraApi: credentials.valigaraApi },
			parameters,
			onError: 'continue',
		},
		input,
	);

const json = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json);

describe('Valigara node against the sandbox', () => {
	it('imports, finds, exports, sells and deletes a product; the log shows what was sent', async () => {
		const imported = await run({
			resource: 'product',
			operation: 'import',
			productFields: {
				title: 'Sandbox Ring',
				type: 'Ring',
				price: 300,
				quantity: 2,
				catalog_code: 'SBX-1',
			},
			metals: { metal: [{ name: 'Gold', purity: '14K', weight: 2 }] },
		});
		expect(imported.error).toBeUndefined();
		const productId = imported.items[0].json.product_id;
		expect(productId).toEqual(expect.any(Number));

		const found = await run({
			resource: 'product',
			operation: 'search',
			filters: { sku: 'SBX-1' },
			returnAll: true,
		});
		expect(json(found.items)).toEqual([{ product_id: productId }]);
		// the sandbox ignores the guessed paging keys (Valigara documents none): the node notices and
		// says that a search it cannot read in parts may have been cut
		expect(found.hints).toEqual([
			expect.stringMatching(
				/^Valigara's product_search reply held 1 records and may have been cut: it does not page \(the paging keys were ignored\)/,
			),
		]);

		const exported = await run({
			resource: 'product',
			operation: 'export',
			productId: String(productId),
		});
		expect(exported.items[0].json).toMatchObject({
			product_id: productId,
			title: 'Sandbox Ring',
			price: 300,
			catalog_code: 'SBX-1',
			metals: [{ name: 'Gold', purity: '14K', weight: 2 }],
		});

		const sold = await run({
			resource: 'product',
			operation: 'reportSold',
			productId: String(productId),
			quantitySold: 2,
			soldAction: 'revise',
		});
		// "revise … when the product’s quantity is less than 1, you will receive a 201 error"
		expect(sold.items[0].json.error).toMatch(/^Valigara error 201 \(Action Failed\)/);

		const deleted = await run({
			resource: 'product',
			operation: 'delete',
			productIds: String(productId),
		});
		expect(deleted.items[0].json).toEqual({
			deleted: true,
			product_id: [productId],
			response: null,
		});
		const gone = await run({
			resource: 'product',
			operation: 'export',
			productId: String(productId),
		});
		expect(gone.items[0].json.error).toBe(
			`Valigara error 201 (Action Failed): Product ${productId} not found`,
		);

		const log = sandbox.current.log('valigara');
		expect(valigaraCalls(log)).toEqual([
			{
				action: 'product_import',
				data: {
					title: 'Sandbox Ring',
					type: 'Ring',
					price: 300,
					quantity: 2,
					catalog_code: 'SBX-1',
					metals: [{ name: 'Gold', purity: '14K', weight: 2 }],
				},
			},
			{ action: 'product_search', data: { sku: 'SBX-1', page: 1, limit: 100 } },
			{ action: 'product_search', data: { sku: 'SBX-1', page: 2, limit: 1 } },
			{ action: 'product_search', data: { sku: 'SBX-1', page: 3, limit: 1 } },
			{ action: 'product_export', data: { product_id: productId } },
			{
				action: 'product_sold',
				data: { product_id: productId, quantity: 2, sold_action: 'revise' },
			},
			{ action: 'product_delete', data: { product_id: [productId], channels: false } },
			{ action: 'product_export', data: { product_id: productId } },
		]);
		// every call: POST, form-encoded, the key in the query (and never in the log)
		for (const entry of log) {
			expect(entry).toMatchObject({
				method: 'POST',
				path: '/valigara/client/V1/',
				query: { auth: '***' },
				status: 200,
			});
			expect(entry.headers['content-type']).toBe('application/x-www-form-urlencoded');
		}
		expect(JSON.stringify(log)).not.toContain(KEYS.valigara.accessKey);
	});

	it('answers message codes in a 200 reply, with X-DEBUG-UID, and the node names them', async () => {
		const wrongKey = await run({ resource: 'product', operation: 'listFields' }, [{}], {
			...sandbox.credentials(),
			valigaraApi: { ...sandbox.credentials().valigaraApi, apiKey: 'not-the-key' },
		});
		expect(wrongKey.items[0].json.error).toBe(
			'Valigara error 102 (Authentication Failed): Wrong access key',
		);

		const unknownAction = await run({
			resource: 'order',
			operation: 'exportOrders',
			options: { actionName: 'orders_get' },
		});
		expect(unknownAction.items[0].json.error).toBe(
			'Valigara error 200 (Action Not Found): no action named "orders_get"',
		);

		const badGem = await run({
			resource: 'gemstone',
			operation: 'import',
			dataMode: 'json',
			dataJson: '{"title": "Opal", "code": "OP-1"}',
		});
		expect(badGem.items[0].json.error).toBe(
			'Valigara error 302 (Partial Content in Data): type is missing',
		);

		const raw = await fetch(`${sandbox.current.urls.valigara}?auth=${KEYS.valigara.accessKey}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'action=product_import&data={not json',
		});
		expect(raw.headers.get('x-debug-uid')).toMatch(/^[0-9a-f]{16}$/);
		expect(await raw.json()).toEqual({ status: 301, data: 'data is not valid JSON' });
	});

	it('refuses the fifth product_update_listings within an hour with code 105', async () => {
		const update = () =>
			run({ resource: 'product', operation: 'updateListings', productIds: '1001, 1002' });
		for (let n = 0; n < 4; n++) expect((await update()).items[0].json.error).toBeUndefined();
		const limited = await update();
		expect(limited.items[0].json.error).toMatch(/^Valigara error 105 \(Rate limit exceeded\)/);
		// Retry-After (about an hour) is beyond the node's retry budget: one request, no waiting
		expect(
			valigaraCalls(sandbox.current.log('valigara')).filter(
				(call) => call.action === 'product_update_listings',
			),
		).toHaveLength(5);
		expect(sandbox.current.log('valigara').at(-1)?.reply).toEqual({
			status: 105,
			data: 'product_update_listings allows 4 requests per hour',
		});
	});

	it('exports orders from a date and sets tracking numbers', async () => {
		const orders = await run({ resource: 'order', operation: 'exportOrders', returnAll: true });
		expect(orders.items.length).toBe(4);
		const [first] = json(orders.items);
		expect(first.order_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

		const tracked = await run({
			resource: 'order',
			operation: 'setTrackingNumber',
			orderId: String(first.order_id),
			trackingNumber: '1Z999',
			additionalFields: { carrier: 'UPS' },
		});
		expect(tracked.items[0].json).toEqual({
			order_id: first.order_id,
			tracking_number: '1Z999',
			carrier: 'UPS',
		});

		const recent = await run({
			resource: 'order',
			operation: 'exportOrders',
			dataMode: 'json',
			dataJson: JSON.stringify({ date_from: first.order_date }),
		});
		expect(json(recent.items).map((order) => order.order_id)).toContain(first.order_id);
		expect(json(recent.items).find((order) => order.order_id === first.order_id)).toMatchObject({
			tracking_number: '1Z999',
			carrier: 'UPS',
		});
	});
});

describe('Valigara Trigger against the sandbox', () => {
	it('notes a baseline, then emits exactly the order added through the control route, once', async () => {
		const poller = new ActivePoller({
			type: 'valigaraTrigger',
			credentials: { valigaraApi: sandbox.credentials().valigaraApi },
			parameters: { event: 'newOrder', options: {} },
		});
		expect(await poller.poll()).toBeNull();

		const added = await call(`${sandbox.current.urls.control}valigara/orders`, 'POST', {
			total: 777,
		});
		expect(added.status).toBe(201);

		const emitted = await poller.poll();
		expect(emitted?.map((item) => item.json)).toEqual([added.json]);
		expect(await poller.poll()).toBeNull();
		expect(
			valigaraCalls(sandbox.current.log('valigara')).every(
				(call) => call.action === 'orders_export',
			),
		).toBe(true);
	});
});
