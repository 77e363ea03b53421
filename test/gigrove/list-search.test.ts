import nock from 'nock';

import {
	LIST_PAGE_SIZE,
	searchBookings,
	searchDeliveries,
	searchOrders,
	searchOrderItems,
	searchProducts,
	searchVariations,
} from '../../nodes/Gigrove/methods/listSearch';
import { editorContext } from '../kit/contexts';
import { API, TOKEN, bearerCredentials, order, product, stub } from './fixtures';

// The lists behind the resource locators' From List, called as the editor calls them: through
// n8n-core's LoadOptionsContext, with the credential's real authenticate, against nock.

const AUTH = `Bearer ${TOKEN}`;
const PAGE = String(LIST_PAGE_SIZE);

function context(resource: string, field: string) {
	return editorContext(
		'gigrove',
		bearerCredentials,
		{ resource, operation: 'get' },
		`parameters.${field}`,
	);
}

const asked = (path: string, query: Record<string, string>) => ({
	method: 'GET',
	path: `${API}/${path}`,
	query,
	body: undefined,
	authorization: AUTH,
});

describe('Gigrove › From List (listSearch)', () => {
	afterEach(() => nock.cleanAll());

	it('products: the store searches (search=), names show the SKU or the ID, links hold the ID, the totals headers page', async () => {
		const recorded = stub('GET', `${API}/products/`, [
			{
				body: [
					product(5694268, {
						name: 'Blue Mug',
						sku: 'MUG-1',
						permalink: 'https://gigrove.com/product/blue-mug/',
					}),
					product(5694269, {
						name: 'Blue Mug',
						sku: '',
						permalink: 'https://gigrove.com/product/blue-mug-2/',
					}),
					product(5694270, { name: '', sku: 'POSTER' }),
				],
				headers: { 'X-WP-Total': '120', 'X-WP-TotalPages': '3' },
			},
			{
				body: [product(5694300, { name: 'Blue Cap', sku: 'CAP' })],
				headers: { 'X-WP-Total': '120', 'X-WP-TotalPages': '3' },
			},
		]);

		const first = await searchProducts.call(context('product', 'productId'), ' blue ');
		const last = await searchProducts.call(
			context('product', 'productId'),
			'blue',
			first.paginationToken as string,
		);

		expect(recorded).toEqual([
			asked('products/', { search: 'blue', per_page: PAGE, page: '1' }),
			asked('products/', { search: 'blue', per_page: PAGE, page: '2' }),
		]);
		expect(first).toEqual({
			results: [
				{
					name: 'Blue Mug (SKU MUG-1)',
					value: '5694268',
					url: 'https://gigrove.com/?post_type=product&p=5694268',
				},
				{
					name: 'Blue Mug (ID 5694269)',
					value: '5694269',
					url: 'https://gigrove.com/?post_type=product&p=5694269',
				},
				{ name: 'Product 5694270 (SKU POSTER)', value: '5694270' },
			],
			paginationToken: '2',
		});
		expect(last).toEqual({
			results: [{ name: 'Blue Cap (SKU CAP)', value: '5694300' }],
			paginationToken: '3',
		});
	});

	it('products: no search term sends no search; the last page by the headers has no token', async () => {
		const recorded = stub('GET', `${API}/products/`, [
			{ body: [product(7)], headers: { 'X-WP-TotalPages': '4' } },
		]);

		const result = await searchProducts.call(context('product', 'productId'), '', '4');

		expect(recorded).toEqual([asked('products/', { per_page: PAGE, page: '4' })]);
		expect(result).toEqual({ results: [{ name: 'Product 7 (ID 7)', value: '7' }] });
	});

	it('orders: number, customer and date; without headers the next page is offered until one is empty', async () => {
		const recorded = stub('GET', `${API}/orders/`, [
			{
				body: [
					order(5694447, {
						number: '5694447',
						billing: { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' },
					}),
					order(5694446, {
						number: 'GG-1001',
						billing: { first_name: '', last_name: '', company: 'Acme Ltd' },
						date_created: '2026-11-19T08:00:00',
					}),
					order(5694445, { billing: { email: 'guest@example.com' }, date_created: null }),
				],
			},
			{ body: [] },
		]);

		const first = await searchOrders.call(context('order', 'orderId'), 'jane');
		const end = await searchOrders.call(
			context('order', 'orderId'),
			'jane',
			first.paginationToken as string,
		);

		expect(recorded).toEqual([
			asked('orders/', { search: 'jane', per_page: PAGE, page: '1' }),
			asked('orders/', { search: 'jane', per_page: PAGE, page: '2' }),
		]);
		expect(first).toEqual({
			results: [
				{ name: '#5694447 · Jane Doe · 2026-11-20', value: '5694447' },
				{ name: '#GG-1001 · Acme Ltd · 2026-11-19', value: '5694446' },
				{ name: '#5694445 · guest@example.com', value: '5694445' },
			],
			paginationToken: '2',
		});
		expect(end).toEqual({ results: [] });
	});

	it('bookings: the store searches; product, customer and start (text or Unix time)', async () => {
		const recorded = stub('GET', `${API}/bookings/`, [
			{
				body: [
					{
						id: 31,
						product_title: 'Screen Printing Workshop',
						customer_name: 'Jane Doe',
						start: '2026-12-03T09:00:00',
					},
					{
						id: 32,
						product_title: 'Screen Printing Workshop',
						customer_name: 'Guest',
						start: 1796288400,
					},
					{ product_title: 'no ID: left out' },
				],
			},
		]);

		const result = await searchBookings.call(context('booking', 'bookingId'), 'workshop');

		expect(recorded).toEqual([
			asked('bookings/', { search: 'workshop', per_page: PAGE, page: '1' }),
		]);
		expect(result).toEqual({
			results: [
				{ name: '#31 · Screen Printing Workshop · Jane Doe · 2026-12-03 09:00', value: '31' },
				{ name: '#32 · Screen Printing Workshop · Guest · 2026-12-03 09:00', value: '32' },
			],
			paginationToken: '2',
		});
	});

	it('deliveries: no search in the store, so pages are read until one shows a match, and the token goes on from there', async () => {
		const delivery = (id: number, orderId: number, name: string, status = 'pending') => ({
			delivery_id: String(id),
			order_id: String(orderId),
			delivery_status: status,
			customer: { name },
		});
		const recorded = stub('GET', `${API}/deliveries`, [
			{ body: [delivery(55, 5694447, 'Jane Doe'), delivery(56, 5694446, 'Omar Haddad')] },
			{ body: [delivery(57, 5694445, 'Li Wei', 'delivered'), delivery(58, 5694444, 'Jane Roe')] },
			{ body: [delivery(55, 5694447, 'Jane Doe')] },
		]);

		const found = await searchDeliveries.call(context('delivery', 'deliveryId'), 'li wei');
		const unfiltered = await searchDeliveries.call(context('delivery', 'deliveryId'), undefined);

		expect(recorded).toEqual([
			asked('deliveries', { per_page: PAGE, page: '1' }),
			asked('deliveries', { per_page: PAGE, page: '2' }),
			asked('deliveries', { per_page: PAGE, page: '1' }),
		]);
		expect(found).toEqual({
			results: [{ name: 'Delivery 57 · order #5694445 · Li Wei · delivered', value: '57' }],
			paginationToken: '3',
		});
		expect(unfiltered).toEqual({
			results: [{ name: 'Delivery 55 · order #5694447 · Jane Doe · pending', value: '55' }],
			paginationToken: '2',
		});
	});

	it('deliveries: a search that finds nothing stops at the end of the list, or after a few pages with a token to go on', async () => {
		const full = Array.from({ length: LIST_PAGE_SIZE }, (_, n) => ({
			delivery_id: String(n + 1),
			customer: { name: 'Jane Doe' },
		}));
		const recorded = stub('GET', `${API}/deliveries`, [
			...Array.from({ length: 5 }, () => ({ body: full })),
			{ body: [{ delivery_id: '9' }] },
			{ body: [] },
		]);

		const capped = await searchDeliveries.call(context('delivery', 'deliveryId'), 'nobody');
		const ended = await searchDeliveries.call(
			context('delivery', 'deliveryId'),
			'nobody',
			capped.paginationToken as string,
		);

		expect(recorded.map(({ query }) => query.page)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
		expect(capped).toEqual({ results: [], paginationToken: '6' });
		expect(ended).toEqual({ results: [] });
	});

	it('a refusal is the transport’s error, read and without the token', async () => {
		stub('GET', `${API}/orders/`, [
			{
				status: 401,
				body: {
					code: 'rest_forbidden',
					message: `Sorry, you are not allowed to do that. ${TOKEN}`,
					data: { status: 401 },
				},
			},
		]);

		const failure = (await searchOrders
			.call(context('order', 'orderId'))
			.catch((error: Error) => error)) as Error & {
			description?: string;
		};

		expect(failure.message).toContain('Sorry, you are not allowed to do that. ***');
		expect(JSON.stringify([failure.message, failure.description])).not.toContain(TOKEN);
		expect(failure.description).toContain('delivery person');
	});

	const variationContext = (productId: unknown) =>
		editorContext(
			'gigrove',
			bearerCredentials,
			{ resource: 'product', operation: 'updateVariation', productId } as never,
			'parameters.variationId',
		);

	it('variations: those of the product picked (list, URL or ID), named by attributes, SKU and price, searched here', async () => {
		const variations = [
			{
				id: 5694400,
				sku: 'LS-901-M',
				price: '19.99',
				attributes: [{ id: 0, name: 'Size', option: 'M' }],
			},
			{ id: 5694401, sku: '', regular_price: '21.00', attributes: [{ name: 'Size', option: 'L' }] },
		];
		const recorded = stub(
			'GET',
			`${API}/products/901/variations/`,
			Array.from({ length: 3 }, () => ({ body: { variations, attributes: [] } })),
		);

		const all = await searchVariations.call(
			variationContext({ __rl: true, mode: 'list', value: '901' }),
		);
		const found = await searchVariations.call(
			variationContext({
				__rl: true,
				mode: 'url',
				value: 'https://gigrove.com/store-manager/products-manage/901/',
			}),
			' size: l ',
		);
		const byId = await searchVariations.call(variationContext('901'), 'LS-901');

		expect(recorded).toEqual([
			asked('products/901/variations/', {}),
			asked('products/901/variations/', {}),
			asked('products/901/variations/', {}),
		]);
		expect(all).toEqual({
			results: [
				{ name: 'Size: M (SKU LS-901-M) · 19.99', value: '5694400' },
				{ name: 'Size: L (ID 5694401) · 21.00', value: '5694401' },
			],
		});
		expect(found.results.map(({ value }) => value)).toEqual(['5694401']);
		expect(byId.results.map(({ value }) => value)).toEqual(['5694400']);
	});

	it('variations before a product is picked, or with an expression in Product: a clear message, no request', async () => {
		for (const productId of [{ __rl: true, mode: 'list', value: '' }, '={{ $json.id }}']) {
			await expect(searchVariations.call(variationContext(productId))).rejects.toThrow(
				'Pick the product first: its variations are listed from its ID',
			);
		}
	});

	it('order items: the lines of the order picked, named by product, quantity and SKU, searched here', async () => {
		const recorded = stub('GET', `${API}/orders/5694447`, [
			{
				body: {
					...order(5694447),
					line_items: [
						{ id: 1226, name: 'Linen Shirt', product_id: 901, quantity: 2, sku: 'LS-1' },
						{ id: 1227, name: 'Ceramic Mug', product_id: 902, quantity: 1, sku: '' },
					],
				},
			},
			{ body: { ...order(5694447), line_items: [] } },
		]);
		const itemContext = (orderId: unknown) =>
			editorContext(
				'gigrove',
				bearerCredentials,
				{ resource: 'order', operation: 'addShipmentTracking', orderId } as never,
				'parameters.itemId',
			);

		const found = await searchOrderItems.call(
			itemContext({ __rl: true, mode: 'list', value: '5694447' }),
		);
		const none = await searchOrderItems.call(itemContext('5694447'), 'mug');

		expect(recorded).toEqual([asked('orders/5694447', {}), asked('orders/5694447', {})]);
		expect(found).toEqual({
			results: [
				{ name: 'Linen Shirt × 2 (SKU LS-1) · item 1226', value: '1226' },
				{ name: 'Ceramic Mug × 1 · item 1227', value: '1227' },
			],
		});
		expect(none).toEqual({ results: [] });
		await expect(
			searchOrderItems.call(itemContext({ __rl: true, mode: 'list', value: '' })),
		).rejects.toThrow('Pick the order first: its items are listed from its ID');
	});
});
