import type { INodeParameters } from 'n8n-workflow';

import {
	searchDeliveries,
	searchOrders,
	searchOrderItems,
	searchProducts,
	searchVariations,
} from '../../nodes/Gigrove/methods/listSearch';
import {
	searchOrders as searchValigaraOrders,
	searchProducts as searchValigaraProducts,
} from '../../nodes/Valigara/methods/listSearch';
import { editorContext } from '../kit/contexts';
import { runNode } from '../kit/engine';
import { KEYS, useSandbox } from './sandbox-kit';

// From List against the sandbox's stand-ins over HTTP (their records as the services shape them),
// then the record picked run through the node, as a user picks and runs it in the editor.

const sandbox = useSandbox();

const gigrove = () => sandbox.credentials().gigroveApi;
const deliveryPerson = () => ({ ...gigrove(), accessToken: KEYS.gigrove.deliveryToken });
const rl = (mode: string, value: string) =>
	({ __rl: true, mode, value }) as INodeParameters[string];

describe('From List against the sandbox, and the record picked run', () => {
	it('Gigrove: a product searched, picked from the list and by its link, gives that product', async () => {
		const context = editorContext(
			'gigrove',
			{ gigroveApi: gigrove() },
			{ resource: 'product', operation: 'get' },
			'parameters.productId',
		);
		const { results } = await searchProducts.call(context, 'poster');
		expect(results.length).toBeGreaterThan(0);
		for (const result of results) expect(result.name).toMatch(/poster/i);
		const [first] = results;

		for (const productId of [rl('list', String(first.value)), rl('url', first.url!)]) {
			const run = await runNode({
				type: 'gigrove',
				credentials: { gigroveApi: gigrove() },
				parameters: { resource: 'product', operation: 'get', productId },
			});
			expect(run.error).toBeUndefined();
			expect(String(run.items[0].json.id)).toBe(first.value);
			expect(first.name.startsWith(String(run.items[0].json.name))).toBe(true);
		}
	});

	it('Gigrove: orders searched by the customer’s name, deliveries by what the list shows', async () => {
		const orders = await searchOrders.call(
			editorContext(
				'gigrove',
				{ gigroveApi: gigrove() },
				{ resource: 'order', operation: 'get' },
				'parameters.orderId',
			),
			'grace',
		);
		expect(orders.results.length).toBeGreaterThan(0);
		for (const result of orders.results)
			expect(result.name).toMatch(/^#\d+ · Grace Hopper · \d{4}-\d{2}-\d{2}$/);

		const deliveries = await searchDeliveries.call(
			editorContext(
				'gigrove',
				{ gigroveApi: deliveryPerson() },
				{ resource: 'delivery', operation: 'get' },
				'parameters.deliveryId',
			),
			'delivered',
		);
		expect(deliveries.results.map(({ name }) => name)).toEqual([
			expect.stringMatching(/^Delivery 57 · order #\d+ · .+ · delivered$/),
		]);
	});

	it('Gigrove: a variation listed from the product picked, then updated', async () => {
		const productId = rl('list', '5694269');
		const { results } = await searchVariations.call(
			editorContext(
				'gigrove',
				{ gigroveApi: gigrove() },
				{ resource: 'product', operation: 'updateVariation', productId },
				'parameters.variationId',
			),
		);
		expect(results.length).toBeGreaterThan(0);
		const [first] = results;

		const run = await runNode({
			type: 'gigrove',
			credentials: { gigroveApi: gigrove() },
			parameters: {
				resource: 'product',
				operation: 'updateVariation',
				productId,
				variationId: rl('list', String(first.value)),
				updateFields: { salePrice: '17.50' },
			},
		});
		expect(run.error).toBeUndefined();
		expect(String(run.items[0].json.id)).toBe(first.value);
	});

	it('Gigrove: an order’s line picked from the order, given tracking without typing its product', async () => {
		const orderId = rl('list', '5694447');
		const { results } = await searchOrderItems.call(
			editorContext(
				'gigrove',
				{ gigroveApi: gigrove() },
				{ resource: 'order', operation: 'addShipmentTracking', orderId },
				'parameters.itemId',
			),
		);
		expect(results.length).toBeGreaterThan(0);
		expect(results[0].name).toMatch(/ × \d+.* · item \d+$/);

		const run = await runNode({
			type: 'gigrove',
			credentials: { gigroveApi: gigrove() },
			parameters: {
				resource: 'order',
				operation: 'addShipmentTracking',
				orderId,
				itemId: rl('list', String(results[0].value)),
				additionalFields: { tracking_code: 'TRK-SBX' },
			},
		});
		expect(run.error).toBeUndefined();
		const sent = sandbox.current.log('gigrove').at(-1);
		expect(sent).toMatchObject({ method: 'PUT', status: 200 });
		expect(sent?.body).toMatchObject({ item_id: String(results[0].value) });
		expect((sent?.body as { product_id?: string }).product_id).toMatch(/^\d+$/);
	});

	it('Valigara: a product searched by SKU and by title, picked and exported', async () => {
		const credentials = { valigaraApi: sandbox.credentials().valigaraApi };
		const context = editorContext(
			'valigara',
			credentials,
			{ resource: 'product', operation: 'export' },
			'parameters.productId',
		);

		const bySku = await searchValigaraProducts.call(context, 'RR-1001');
		const byTitle = await searchValigaraProducts.call(context, 'sapphire');
		expect(bySku.results).toEqual([
			{ name: 'Rose Gold Solitaire Ring (SKU RR-1001)', value: '1001' },
		]);
		expect(byTitle.results).toEqual([
			{ name: 'Sapphire Drop Pendant (SKU SP-1002)', value: '1002' },
		]);

		const run = await runNode({
			type: 'valigara',
			credentials,
			parameters: { resource: 'product', operation: 'export', productId: rl('list', '1002') },
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ product_id: 1002, title: 'Sapphire Drop Pendant' });
	});

	it('Valigara: recent orders listed newest first, searched by client, picked and given a tracking number', async () => {
		const credentials = { valigaraApi: sandbox.credentials().valigaraApi };
		const context = editorContext(
			'valigara',
			credentials,
			{ resource: 'order', operation: 'setTrackingNumber' },
			'parameters.orderId',
		);

		const all = await searchValigaraOrders.call(context);
		expect(all.results.length).toBeGreaterThanOrEqual(4);
		for (const result of all.results)
			expect(result.name).toMatch(/^V-\d+ · .+ · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		const dates = all.results.map(({ name }) => name.slice(-19));
		expect(dates).toEqual([...dates].sort().reverse());

		const client = all.results[0].name.split(' · ')[1];
		const found = await searchValigaraOrders.call(context, client.toLowerCase());
		expect(found.results.length).toBeGreaterThan(0);
		for (const result of found.results) expect(result.name).toContain(client);

		const run = await runNode({
			type: 'valigara',
			credentials,
			parameters: {
				resource: 'order',
				operation: 'setTrackingNumber',
				orderId: rl('list', String(found.results[0].value)),
				trackingNumber: '1Z999AA10123456784',
			},
		});
		expect(run.error).toBeUndefined();
		const sent = sandbox.current.log('valigara').at(-1);
		expect(sent?.status).toBe(200);
		const { action, data } = sent?.body as { action: string; data: string };
		expect(action).toBe('order_set_tracking_number');
		expect(JSON.parse(data)).toMatchObject({ order_id: Number(found.results[0].value) });
	});
});
