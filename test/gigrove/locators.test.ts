import nock from 'nock';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { nodeTypes } from '../kit/registry';
import { PACKAGE_NAME } from '../kit/registry';
import { API, TOKEN, order, product, runGigrove, stub } from './fixtures';

// The Gigrove operations that take one product, order, booking or delivery pick it with a
// resource locator (From List, By URL, By ID); a workflow saved with a typed ID still runs.

const gigrove = nodeTypes[`${PACKAGE_NAME}.gigrove`];
const rl = (mode: string, value: string) =>
	({ __rl: true, mode, value }) as INodeParameters[string];

/** Where each locator is shown: `resource › operation › field`. */
function locators(): string[] {
	return gigrove.description.properties
		.filter((property) => property.type === 'resourceLocator')
		.flatMap((property: INodeProperties) => {
			const show = property.displayOptions?.show ?? {};
			const resources = (show.resource ?? []) as string[];
			const operations = (show.operation ?? []) as string[];
			return resources.flatMap((resource) =>
				operations.map((operation) => `${resource} › ${operation} › ${property.name}`),
			);
		})
		.sort();
}

describe('Gigrove › resource locators', () => {
	afterEach(() => nock.cleanAll());

	it('every operation that takes one product, variation, order, order item, booking or delivery picks it with a locator', () => {
		expect(locators()).toEqual(
			[
				'booking › get › bookingId',
				'booking › update › bookingId',
				'booking › updateStatus › bookingId',
				'delivery › get › deliveryId',
				'delivery › updateStatus › deliveryId',
				'order › addNote › orderId',
				'order › addShipmentTracking › itemId',
				'order › addShipmentTracking › orderId',
				'order › get › orderId',
				'order › getNotes › orderId',
				'order › updateStatus › orderId',
				'product › createVariation › productId',
				'product › delete › productId',
				'product › deleteVariation › productId',
				'product › deleteVariation › variationId',
				'product › get › productId',
				'product › getVariations › productId',
				'product › quickEdit › productId',
				'product › update › productId',
				'product › updateVariation › productId',
				'product › updateVariation › variationId',
			].sort(),
		);
	});

	it('each From List names a list the node registers', () => {
		const registered = Object.keys(gigrove.methods?.listSearch ?? {}).sort();
		const named = new Set(
			gigrove.description.properties
				.filter((property) => property.type === 'resourceLocator')
				.map(
					(property) =>
						property.modes?.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod,
				),
		);
		expect(registered).toEqual([
			'searchBookings',
			'searchDeliveries',
			'searchOrderItems',
			'searchOrders',
			'searchProducts',
			'searchVariations',
		]);
		expect([...named].sort()).toEqual(registered);
	});

	it('a product picked from the list, by URL, by ID, or saved as a plain ID before: the same request', async () => {
		const recorded = stub(
			'GET',
			/\/products\/\d+\/$/,
			Array.from({ length: 5 }, () => ({ body: product(901) })),
		);
		const values = [
			rl('list', '901'),
			rl('url', 'https://gigrove.com/store-manager/products-manage/901/'),
			rl('url', 'https://gigrove.com/?post_type=product&p=901'),
			rl('id', '901'),
			'901',
		];

		for (const productId of values) {
			const { items, error } = await runGigrove({
				resource: 'product',
				operation: 'get',
				productId,
			});
			expect(error).toBeUndefined();
			expect(items).toEqual([{ json: product(901), pairedItem: { item: 0 } }]);
		}
		expect(recorded).toEqual(
			values.map(() => ({
				method: 'GET',
				path: `${API}/products/901/`,
				query: {},
				body: undefined,
				authorization: `Bearer ${TOKEN}`,
			})),
		);
	});

	it('an order and a booking by the URL of their page in the seller’s dashboard', async () => {
		const orders = stub('PUT', `${API}/orders/5694447`, [
			{ body: order(5694447, { status: 'completed' }) },
		]);
		const bookings = stub('GET', `${API}/bookings/31`, [{ body: { id: 31 } }]);

		const updated = await runGigrove({
			resource: 'order',
			operation: 'updateStatus',
			orderId: rl('url', 'https://gigrove.com/store-manager/orders-details/5694447/'),
			status: 'completed',
		});
		const got = await runGigrove({
			resource: 'booking',
			operation: 'get',
			bookingId: rl('url', 'https://gigrove.com/store-manager/bookings-details/31/'),
		});

		expect([updated.error, got.error]).toEqual([undefined, undefined]);
		expect(orders.map(({ path, body }) => ({ path, body }))).toEqual([
			{ path: `${API}/orders/5694447`, body: { status: 'completed' } },
		]);
		expect(bookings.map(({ path }) => path)).toEqual([`${API}/bookings/31`]);
	});

	it('deliveries: one from the list, or several by ID separated by commas', async () => {
		const recorded = stub('POST', /\/deliveries\/[\d,]+$/, [
			{ body: [{ delivery_id: '55' }] },
			{ body: [{ delivery_id: '55,56' }] },
		]);

		await runGigrove({
			resource: 'delivery',
			operation: 'updateStatus',
			deliveryId: rl('list', '55'),
		});
		await runGigrove({
			resource: 'delivery',
			operation: 'updateStatus',
			deliveryId: rl('id', '55, 56'),
		});

		expect(recorded.map(({ path }) => path)).toEqual([
			`${API}/deliveries/55`,
			`${API}/deliveries/55,56`,
		]);
	});

	it('a URL from an expression without the ID fails its item only, naming the field, with no request', async () => {
		const recorded = stub('GET', /\/products\/\d+\/$/, [{ body: product(901) }]);

		const { items } = await runGigrove(
			{ resource: 'product', operation: 'get', productId: rl('url', '={{ $json.url }}') },
			[
				{ url: 'https://gigrove.com/store-manager/products-manage/901/' },
				{ url: 'https://gigrove.com/product/linen-shirt/' },
			],
			{ onError: 'continue' },
		);

		expect(recorded.map(({ path }) => path)).toEqual([`${API}/products/901/`]);
		expect(
			items.map(({ json, pairedItem }) => ({ json: json.error ?? json.id, pairedItem })),
		).toEqual([
			{ json: 901, pairedItem: { item: 0 } },
			{
				json: 'Invalid input: "Product" must be the URL of a product, with its ID (e.g. https://gigrove.com/store-manager/products-manage/5694268/) [item 1]',
				pairedItem: { item: 1 },
			},
		]);
	});
});
