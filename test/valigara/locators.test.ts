import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME, nodeTypes } from '../kit/registry';
import { expectedRequest, runValigara, valigaraApi } from './fixtures';

// The Valigara operations that take one product pick it with a resource locator (From List, By
// ID); a workflow saved with a typed Product ID still runs.

const valigara = nodeTypes[`${PACKAGE_NAME}.valigara`];
const rl = (mode: string, value: string) =>
	({ __rl: true, mode, value }) as INodeParameters[string];

describe('Valigara › product locator', () => {
	afterEach(() => nock.cleanAll());

	it('Export, Update and Report Sold pick the product, Gemstone › Update the gemstone, the tracking operations the order, with locators whose lists the node registers', () => {
		const shown = valigara.description.properties
			.filter((property) => property.type === 'resourceLocator')
			.flatMap((property) => {
				const show = property.displayOptions?.show ?? {};
				return ((show.operation ?? []) as string[]).map(
					(operation) => `${String(show.resource)} › ${operation} › ${property.name}`,
				);
			})
			.sort();
		const lists = valigara.description.properties
			.filter((property) => property.type === 'resourceLocator')
			.map(
				(property) =>
					property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod,
			);

		expect(shown).toEqual([
			'gemstone › update › gemstoneId',
			'order › setSeparateTrackingNumbers › orderId',
			'order › setTrackingNumber › orderId',
			'product › export › productId',
			'product › reportSold › productId',
			'product › update › productId',
		]);
		expect(Object.keys(valigara.methods?.listSearch ?? {})).toEqual([
			'searchProducts',
			'searchGemstones',
			'searchOrders',
		]);
		expect(new Set(lists)).toEqual(new Set(['searchProducts', 'searchGemstones', 'searchOrders']));
	});

	it('a product from the list, by ID, or saved as a plain ID before: the same request', async () => {
		const values = [rl('list', '501'), rl('id', ' 501 '), '501'];
		const { requests, scope } = valigaraApi(
			...values.map(() => ({ data: { product_id: 501, title: 'Rose Ring' } })),
		);

		for (const productId of values) {
			const run = await runValigara({ resource: 'product', operation: 'export', productId });
			expect(run.error).toBeUndefined();
		}

		scope.done();
		expect(requests).toEqual(
			values.map(() => expectedRequest('product_export', { product_id: 501 })),
		);
	});

	it('several items by ID from an expression go into one products_export, as before', async () => {
		const { requests, scope } = valigaraApi({ data: [{ product_id: 12 }, { product_id: 11 }] });

		const run = await runValigara(
			{ resource: 'product', operation: 'export', productId: rl('id', '={{ $json.id }}') },
			[{ id: 11 }, { id: 12 }],
		);

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests).toEqual([expectedRequest('products_export', { product_id: [11, 12] })]);
	});

	it('Update and Report Sold send the picked product', async () => {
		const { requests, scope } = valigaraApi({ data: { product_id: 501 } }, { data: null });

		const updated = await runValigara({
			resource: 'product',
			operation: 'update',
			productId: rl('list', '501'),
			updateFields: { price: 99 },
		});
		const sold = await runValigara({
			resource: 'product',
			operation: 'reportSold',
			productId: rl('id', '501'),
			quantitySold: 2,
			soldAction: 'revise',
		});

		expect([updated.error, sold.error]).toEqual([undefined, undefined]);
		scope.done();
		expect(requests).toEqual([
			expectedRequest('product_update', { product_id: 501, price: 99 }),
			expectedRequest('product_sold', { product_id: 501, quantity: 2, sold_action: 'revise' }),
		]);
	});

	it('Gemstone › Update sends the gemstone picked from the list, by ID, or saved as a plain ID before', async () => {
		const values = [rl('list', '17'), rl('id', '17'), '17'];
		const { requests, scope } = valigaraApi(...values.map(() => ({ data: { gemstone_id: 17 } })));

		for (const gemstoneId of values) {
			const run = await runValigara({
				resource: 'gemstone',
				operation: 'update',
				gemstoneId,
				updateFields: { title: 'Ruby' },
			});
			expect(run.error).toBeUndefined();
		}

		scope.done();
		expect(requests).toEqual(
			values.map(() => expectedRequest('gemstone_update', { gemstone_id: 17, title: 'Ruby' })),
		);
	});

	it('the tracking operations send the order picked from the list, by ID, or saved as a plain ID before', async () => {
		const values = [rl('list', '9001'), rl('id', '9001'), '9001'];
		const { requests, scope } = valigaraApi(...values.map(() => ({ data: null })), {
			data: null,
		});

		for (const orderId of values) {
			const run = await runValigara({
				resource: 'order',
				operation: 'setTrackingNumber',
				orderId,
				trackingNumber: 'TRK1',
			});
			expect(run.error).toBeUndefined();
		}
		const separate = await runValigara({
			resource: 'order',
			operation: 'setSeparateTrackingNumbers',
			orderId: rl('list', '9001'),
			trackingNumbers: { item: [{ item_id: '7', tracking_number: 'TRK2' }] },
		});
		expect(separate.error).toBeUndefined();

		scope.done();
		expect(requests.map(({ form, data }) => [form.action, data])).toEqual([
			...values.map(() => [
				'order_set_tracking_number',
				{ order_id: 9001, tracking_number: 'TRK1' },
			]),
			['order_set_separate_tracking_numbers', expect.objectContaining({ order_id: 9001 })],
		]);
	});
});
