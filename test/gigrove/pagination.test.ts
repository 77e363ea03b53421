import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { API, HOST, order, product, runGigrove, stub } from './fixtures';

const products = (from: number, count: number) =>
	Array.from({ length: count }, (_, n) => product(from + n));

const getManyProducts = { resource: 'product', operation: 'getMany' };
const getManyOrders = { resource: 'order', operation: 'getMany' };

/**
 * A store list served from memory by `per_page` / `page` (WCFM turns them into an offset), as
 * awkward as asked: a page cap it does not announce, totals headers, and a change to the list
 * before a given request. Records every page asked as `page/per_page`.
 */
function storeList(
	path: string,
	records: IDataObject[],
	options: {
		cap?: number;
		total?: boolean;
		before?: (request: number, list: IDataObject[]) => void;
	} = {},
) {
	const list = [...records];
	const asked: string[] = [];
	nock(HOST)
		.get(path)
		.query(true)
		.times(Infinity)
		.reply((uri) => {
			const url = new URL(uri, HOST);
			const page = Number(url.searchParams.get('page'));
			const perPage = Number(url.searchParams.get('per_page'));
			asked.push(`${page}/${perPage}`);
			options.before?.(asked.length, list);
			const size = Math.min(perPage, options.cap ?? perPage);
			const body = list.slice((page - 1) * size, page * size);
			return [
				200,
				JSON.stringify(body),
				{
					'Content-Type': 'application/json',
					...(options.total ? { 'X-WP-Total': String(list.length) } : {}),
				},
			];
		});
	return { list, asked };
}

const ids = (items: Array<{ json: IDataObject }>) => items.map(({ json }) => json.id);

describe('Gigrove › pagination (per_page / page)', () => {
	afterEach(() => nock.cleanAll());

	it('Return All reads overlapping pages (each starts on the last record of the one before) until X-WP-Total is reached', async () => {
		const store = storeList(`${API}/products/`, products(1, 237), { total: true });
		const { items, error, hints } = await runGigrove({ ...getManyProducts, returnAll: true });
		expect(error).toBeUndefined();
		expect(hints).toEqual([]);
		expect(store.asked).toEqual(['1/100', '2/99', '3/98']);
		expect(ids(items)).toEqual(Array.from({ length: 237 }, (_, n) => n + 1));
		expect(items.every(({ pairedItem }) => JSON.stringify(pairedItem) === '{"item":0}')).toBe(true);
	});

	it('without headers (orders), Return All reads until a page shorter than a full one', async () => {
		const store = storeList(
			`${API}/orders/`,
			Array.from({ length: 212 }, (_, n) => order(n + 1)),
		);
		const { items } = await runGigrove({ ...getManyOrders, returnAll: true });
		expect(store.asked).toEqual(['1/100', '2/99', '3/98']);
		expect(ids(items)).toEqual(Array.from({ length: 212 }, (_, n) => n + 1));
	});

	it('a store capping every page at 10 without saying so is read to the end', async () => {
		const store = storeList(
			`${API}/orders/`,
			Array.from({ length: 45 }, (_, n) => order(n + 1)),
			{ cap: 10 },
		);
		const { items } = await runGigrove({ ...getManyOrders, returnAll: true });
		expect(ids(items)).toEqual(Array.from({ length: 45 }, (_, n) => n + 1));
		// asked 100, given 10: from then on no more than 10 a page
		expect(store.asked[0]).toBe('1/100');
		expect(store.asked.slice(1).every((page) => Number(page.split('/')[1]) <= 10)).toBe(true);
	});

	it('a first page shorter than asked is followed by one more request (it may have been cut)', async () => {
		const store = storeList(
			`${API}/orders/`,
			Array.from({ length: 30 }, (_, n) => order(n + 1)),
		);
		const { items } = await runGigrove({ ...getManyOrders, returnAll: true });
		expect(store.asked).toEqual(['1/100', '2/29']);
		expect(items).toHaveLength(30);
	});

	it('an order trashed above the page being read does not hide the next one (the list moved up)', async () => {
		const store = storeList(
			`${API}/orders/`,
			Array.from({ length: 250 }, (_, n) => order(n + 1)),
			{
				before: (request, list) => request === 2 && list.splice(10, 5),
			},
		);
		const { items } = await runGigrove({ ...getManyOrders, returnAll: true });
		expect(ids(items)).toEqual(expect.arrayContaining(store.list.map((record) => record.id)));
		expect(new Set(ids(items)).size).toBe(items.length);
	});

	it('orders arriving at the top while reading push the list down: no order comes out twice', async () => {
		let next = 1000;
		const store = storeList(
			`${API}/orders/`,
			Array.from({ length: 250 }, (_, n) => order(n + 1)),
			{
				before: (request, list) => request > 1 && list.unshift(order(next++), order(next++)),
			},
		);
		const { items } = await runGigrove({ ...getManyOrders, returnAll: true });
		expect(new Set(ids(items)).size).toBe(items.length);
		expect(ids(items)).toEqual(
			expect.arrayContaining(Array.from({ length: 250 }, (_, n) => n + 1)),
		);
		expect(store.asked.length).toBeGreaterThan(2);
	});

	it('a Limit inside the first page asks for just that many, once', async () => {
		const recorded = stub('GET', `${API}/products/`, [
			{ body: products(1, 30), headers: { 'X-WP-TotalPages': '9' } },
		]);
		const { items } = await runGigrove({ ...getManyProducts, limit: 30 });
		expect(recorded.map(({ query }) => `${query.page}/${query.per_page}`)).toEqual(['1/30']);
		expect(items).toHaveLength(30);
	});

	it('a Limit across pages stops as soon as it is reached', async () => {
		const store = storeList(
			`${API}/orders/`,
			Array.from({ length: 1000 }, (_, n) => order(n + 1)),
		);
		const { items } = await runGigrove({ ...getManyOrders, limit: 150 });
		expect(store.asked).toEqual(['1/100', '2/99']);
		expect(ids(items)).toEqual(Array.from({ length: 150 }, (_, n) => n + 1));
	});

	it('a store that sends more than asked is cut to the Limit', async () => {
		stub('GET', `${API}/notifications/`, [
			{ body: Array.from({ length: 12 }, (_, n) => ({ ID: String(n) })) },
		]);
		const { items } = await runGigrove({
			resource: 'notification',
			operation: 'getMany',
			limit: 10,
		});
		expect(items).toHaveLength(10);
	});

	it('a store that ignores `page` (the same page again) gives each product once, and a hint says the list may be short', async () => {
		stub(
			'GET',
			`${API}/products/`,
			Array.from({ length: 4 }, () => ({ body: products(1, 100) })),
		);
		const { items, hints } = await runGigrove({ ...getManyProducts, returnAll: true });
		expect(ids(items)).toEqual(Array.from({ length: 100 }, (_, n) => n + 1));
		expect(hints).toEqual([
			expect.stringMatching(/^Gigrove: The service sent the first page again .* \[item 0\]$/),
		]);
		expect(nock.pendingMocks()).toEqual([]);
	});
});
