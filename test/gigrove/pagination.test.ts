import nock from 'nock';

import { API, HOST, order, product, runGigrove, stub } from './fixtures';

const products = (from: number, count: number) => Array.from({ length: count }, (_, n) => product(from + n));
const orders = (from: number, count: number) => Array.from({ length: count }, (_, n) => order(from + n));

const getManyProducts = { resource: 'product', operation: 'getMany' };
const getManyOrders = { resource: 'order', operation: 'getMany' };

function pagesAsked(recorded: Array<{ query: Record<string, string> }>) {
	return recorded.map(({ query }) => `${query.page}/${query.per_page}`);
}

describe('Gigrove › pagination (per_page / page)', () => {
	it('Return All reads 3 pages, following X-WP-TotalPages', async () => {
		const recorded = stub('GET', `${API}/products/`, [
			{ body: products(1, 100), headers: { 'X-WP-Total': '237', 'X-WP-TotalPages': '3' } },
			{ body: products(101, 100), headers: { 'X-WP-Total': '237', 'X-WP-TotalPages': '3' } },
			{ body: products(201, 37), headers: { 'X-WP-Total': '237', 'X-WP-TotalPages': '3' } },
		]);
		const { items, error } = await runGigrove({ ...getManyProducts, returnAll: true });
		expect(error).toBeUndefined();
		expect(pagesAsked(recorded)).toEqual(['1/100', '2/100', '3/100']);
		expect(items.map(({ json }) => json.id)).toEqual(Array.from({ length: 237 }, (_, n) => n + 1));
		expect(items.every(({ pairedItem }) => JSON.stringify(pairedItem) === '{"item":0}')).toBe(true);
	});

	it('Return All follows the Link header until it has no rel="next"', async () => {
		const link = (page: number) =>
			`<${HOST}${API}/products/?page=${page - 1}>; rel="prev", <${HOST}${API}/products/?page=${page + 1}>; rel="next"`;
		const recorded = stub('GET', `${API}/products/`, [
			{ body: products(1, 100), headers: { Link: link(1) } },
			{ body: products(101, 100), headers: { Link: link(2) } },
			{ body: products(201, 100), headers: { Link: `<${HOST}${API}/products/?page=2>; rel="prev"` } },
		]);
		const { items } = await runGigrove({ ...getManyProducts, returnAll: true });
		expect(pagesAsked(recorded)).toEqual(['1/100', '2/100', '3/100']);
		expect(items).toHaveLength(300);
	});

	it('the headers are believed: a full page on the last of X-WP-TotalPages ends the list', async () => {
		const recorded = stub('GET', `${API}/products/`, [{ body: products(1, 100), headers: { 'X-WP-TotalPages': '1' } }]);
		const { items } = await runGigrove({ ...getManyProducts, returnAll: true });
		expect(pagesAsked(recorded)).toEqual(['1/100']);
		expect(items).toHaveLength(100);
	});

	it('without headers (orders), Return All pages until a short page', async () => {
		const recorded = stub('GET', `${API}/orders/`, [{ body: orders(1, 100) }, { body: orders(101, 100) }, { body: orders(201, 12) }]);
		const { items } = await runGigrove({ ...getManyOrders, returnAll: true });
		expect(pagesAsked(recorded)).toEqual(['1/100', '2/100', '3/100']);
		expect(items).toHaveLength(212);
	});

	it('without headers, a list that ends on a full page takes one empty page to finish', async () => {
		const recorded = stub('GET', `${API}/orders/`, [{ body: orders(1, 100) }, { body: orders(101, 100) }, { body: [] }]);
		const { items } = await runGigrove({ ...getManyOrders, returnAll: true });
		expect(pagesAsked(recorded)).toEqual(['1/100', '2/100', '3/100']);
		expect(items).toHaveLength(200);
	});

	it('a Limit inside the first page asks for just that many, once', async () => {
		const recorded = stub('GET', `${API}/products/`, [{ body: products(1, 30), headers: { 'X-WP-TotalPages': '9' } }]);
		const { items } = await runGigrove({ ...getManyProducts, limit: 30 });
		expect(pagesAsked(recorded)).toEqual(['1/30']);
		expect(items).toHaveLength(30);
	});

	it('a Limit across pages stops as soon as it is reached', async () => {
		const recorded = stub('GET', `${API}/orders/`, [{ body: orders(1, 100) }, { body: orders(101, 100) }]);
		const { items } = await runGigrove({ ...getManyOrders, limit: 150 });
		expect(pagesAsked(recorded)).toEqual(['1/100', '2/100']);
		expect(items.map(({ json }) => json.id)).toEqual(Array.from({ length: 150 }, (_, n) => n + 1));
	});

	it('a store that sends more than asked is cut to the Limit', async () => {
		stub('GET', `${API}/notifications/`, [{ body: Array.from({ length: 12 }, (_, n) => ({ ID: String(n) })) }]);
		const { items } = await runGigrove({ resource: 'notification', operation: 'getMany', limit: 10 });
		expect(items).toHaveLength(10);
	});

	it('a store that ignores `page` (the same full page again) stops when the headers say so', async () => {
		const recorded = stub('GET', `${API}/products/`, [
			{ body: products(1, 100), headers: { 'X-WP-TotalPages': '2' } },
			{ body: products(1, 100), headers: { 'X-WP-TotalPages': '2' } },
		]);
		const { items } = await runGigrove({ ...getManyProducts, returnAll: true });
		expect(pagesAsked(recorded)).toEqual(['1/100', '2/100']);
		expect(items).toHaveLength(200);
		expect(nock.pendingMocks()).toEqual([]);
	});
});
