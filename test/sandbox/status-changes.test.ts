import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runNode } from '../kit/engine';
import { call, exampleWorkflows, useSandbox } from './sandbox-kit';

const sandbox = useSandbox();
const control = (route: string, body?: unknown) =>
	call(`${sandbox.current.urls.control}${route}`, 'POST', body);
const change = (json: IDataObject) => json.statusChange;

describe('Order Status Changed against the sandbox', () => {
	it('Gigrove: an order completed through the control route, and one created completed, come out once', async () => {
		const poller = new ActivePoller({
			type: 'gigroveTrigger',
			credentials: sandbox.credentials(),
			parameters: { event: 'orderStatusChanged', statuses: ['completed'], options: {} },
		});
		expect(await poller.poll()).toBeNull();

		const completed = await control('gigrove/orders/status', {
			id: 5694447,
			status: 'wc-completed',
		});
		expect(completed).toMatchObject({
			status: 200,
			json: { id: 5694447, status: 'completed', date_completed: expect.any(String) },
		});
		const created = (await control('gigrove/orders', { status: 'completed' })).json
			.order as IDataObject;
		const emitted = (await poller.poll())?.map((item) => item.json);
		expect(emitted?.map((json) => [json.id, change(json)])).toEqual([
			[5694447, { from: 'processing', to: 'completed' }],
			[created.id, { from: null, to: 'completed' }],
		]);
		expect(await poller.poll()).toBeNull();
		// the same change through the API as the node's Update Status makes it: the order's notes say so
		const notes = await runNode({
			type: 'gigrove',
			credentials: sandbox.credentials(),
			parameters: { resource: 'order', operation: 'getNotes', orderId: '5694447' },
		});
		expect(notes.items.map((item) => item.json.content)).toContain(
			'Order status changed from Processing to Completed.',
		);
	});

	it('Gigrove: the control route refuses an unknown order or status, changing nothing', async () => {
		expect(await control('gigrove/orders/status', { id: 1, status: 'completed' })).toMatchObject({
			status: 404,
			json: { message: expect.stringContaining('No order 1') },
		});
		expect(
			await control('gigrove/orders/status', { id: 5694447, status: 'shipped' }),
		).toMatchObject({
			status: 400,
			json: { message: expect.stringContaining('status must be one of pending, processing') },
		});
		const order = await runNode({
			type: 'gigrove',
			credentials: sandbox.credentials(),
			parameters: { resource: 'order', operation: 'get', orderId: '5694447' },
		});
		expect(order.items[0].json.status).toBe('processing');
	});

	it('Valigara: an order shipped through the control route comes out once, with its old status', async () => {
		const poller = new ActivePoller({
			type: 'valigaraTrigger',
			credentials: sandbox.credentials(),
			parameters: { event: 'orderStatusChanged', statuses: 'shipped', options: {} },
		});
		expect(await poller.poll()).toBeNull();
		const seeded = (
			await runNode({
				type: 'valigara',
				credentials: sandbox.credentials(),
				parameters: { resource: 'order', operation: 'exportOrders', returnAll: true },
			})
		).items.map((item) => item.json);
		const paid = seeded.find((order) => order.status === 'paid')!;
		expect(
			await control('valigara/orders/status', { order_id: paid.order_id, status: 'shipped' }),
		).toMatchObject({ status: 200, json: { order_id: paid.order_id, status: 'shipped' } });
		expect(
			await control('valigara/orders/status', { order_id: 1, status: 'shipped' }),
		).toMatchObject({ status: 404 });
		expect(await control('valigara/orders/status', { order_id: paid.order_id })).toMatchObject({
			status: 400,
		});
		const emitted = (await poller.poll())?.map((item) => item.json);
		expect(emitted?.map((json) => [json.order_id, change(json)])).toEqual([
			[paid.order_id, { from: 'paid', to: 'shipped' }],
		]);
		expect(await poller.poll()).toBeNull();
	});

	it('the example "Gigrove order completed → Guaranteed Reviews" sends the completed order, its customer and items', async () => {
		const workflow = exampleWorkflows().find((w) => w.id === 'sbxWfGigToGR')!;
		const [trigger, send] = workflow.nodes;
		const poller = new ActivePoller({
			type: 'gigroveTrigger',
			credentials: sandbox.credentials(),
			parameters: trigger.parameters as INodeParameters,
		});
		expect(await poller.poll()).toBeNull();
		await control('gigrove/orders/status', { id: 5694446, status: 'completed' });
		const items = (await poller.poll())!;
		const order = items[0].json;
		expect(items).toHaveLength(1);

		const sent = await runNode(
			{
				type: 'guaranteedReviews',
				credentials: sandbox.credentials(),
				parameters: send.parameters as INodeParameters,
			},
			[order],
		);
		expect(sent.error).toBeUndefined();
		expect(sent.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ orderId: '5694446', imported: true, status: 'imported' }),
		]);
		const received = sandbox.current.log('guaranteed-reviews').at(-1)!.body as IDataObject;
		const billing = order.billing as IDataObject;
		const [item] = order.line_items as IDataObject[];
		expect(received.orders).toEqual([
			{
				id_order: '5694446',
				order_date: String(order.date_created).replace('T', ' '),
				firstname: billing.first_name,
				lastname: billing.last_name,
				email: billing.email,
				products: [
					{ id: item.product_id, name: item.name, qty: item.quantity, unit_price: item.price },
				],
			},
		]);
	});
});
