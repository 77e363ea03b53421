import nock from 'nock';

import {
	LIST_PAGE_SIZE,
	searchGemstones,
	searchProducts,
} from '../../nodes/Valigara/methods/listSearch';
import { editorContext } from '../kit/contexts';
import { ACCESS_KEY, credentials, expectedRequest, valigaraApi } from './fixtures';

// The list behind the product locator's From List, called as the editor calls it (n8n-core's
// LoadOptionsContext, the credential's real authenticate) against nock.

const context = () =>
	editorContext(
		'valigara',
		credentials,
		{ resource: 'product', operation: 'export' },
		'parameters.productId',
	);
const ids = (from: number, count: number) => Array.from({ length: count }, (_, n) => from + n);

describe('Valigara › From List (listSearch)', () => {
	afterEach(() => nock.cleanAll());

	it('a term is searched by SKU, then by title (each ID once); the names come from products_export', async () => {
		const { requests, scope } = valigaraApi(
			{ data: [501] },
			{ data: '502,501' },
			{
				data: [
					{ product_id: 502, title: 'Gold Ring' },
					{ product_id: 501, title: 'Gold Ring', catalog_code: 'R-100' },
				],
			},
		);

		const result = await searchProducts.call(context(), ' ring ');

		scope.done();
		expect(requests).toEqual([
			expectedRequest('product_search', { sku: 'ring' }),
			expectedRequest('product_search', { title: 'ring' }),
			expectedRequest('products_export', { product_id: [501, 502] }),
		]);
		expect(result).toEqual({
			results: [
				{ name: 'Gold Ring (SKU R-100)', value: '501' },
				{ name: 'Gold Ring (ID 502)', value: '502' },
			],
		});
	});

	it('without a term every product is listed, a page of names per call, the token where the next starts', async () => {
		const all = ids(1, LIST_PAGE_SIZE + 2);
		const { requests, scope } = valigaraApi(
			{ data: all },
			{ data: all.slice(0, LIST_PAGE_SIZE).map((id) => ({ product_id: id, title: `Ring ${id}` })) },
			{ data: all },
			{ data: [{ product_id: 52, title: 'Ring 52', catalog_code: 'R-52' }] },
		);

		const first = await searchProducts.call(context());
		const last = await searchProducts.call(context(), '', first.paginationToken as string);

		scope.done();
		expect(requests).toEqual([
			expectedRequest('product_search'),
			expectedRequest('products_export', { product_id: all.slice(0, LIST_PAGE_SIZE) }),
			expectedRequest('product_search'),
			expectedRequest('products_export', { product_id: [51, 52] }),
		]);
		expect(first.results).toHaveLength(LIST_PAGE_SIZE);
		expect(first.results[0]).toEqual({ name: 'Ring 1 (ID 1)', value: '1' });
		expect(first.paginationToken).toBe(String(LIST_PAGE_SIZE));
		// a product the export did not return is still listed, by its ID
		expect(last).toEqual({
			results: [
				{ name: 'Product 51 (ID 51)', value: '51' },
				{ name: 'Ring 52 (SKU R-52)', value: '52' },
			],
		});
	});

	it('nothing found: no export is asked for', async () => {
		const { requests, scope } = valigaraApi({ data: [] }, { data: null });

		const result = await searchProducts.call(context(), 'nothing');

		scope.done();
		expect(requests.map(({ form }) => form.action)).toEqual(['product_search', 'product_search']);
		expect(result).toEqual({ results: [] });
	});

	it('a refusal is the transport’s error, without the key', async () => {
		const { scope } = valigaraApi({ status: 102, data: `bad key ${ACCESS_KEY}` });

		const failure = (await searchProducts.call(context()).catch((error: Error) => error)) as Error;

		scope.done();
		expect(failure.message).toBe('Valigara error 102 (Authentication Failed): bad key ***');
	});
});

describe('Valigara › Gemstone From List (listSearch)', () => {
	afterEach(() => nock.cleanAll());
	const gemstoneContext = () =>
		editorContext(
			'valigara',
			credentials,
			{ resource: 'gemstone', operation: 'update' },
			'parameters.gemstoneId',
		);

	it('a term is searched by code, then by title (each ID once, said how it was found); no term lists every gemstone, a page per call', async () => {
		const all = ids(1, LIST_PAGE_SIZE + 1);
		const { requests, scope } = valigaraApi(
			{ data: '17' },
			{ data: [17, 18] },
			{ data: all },
			{ data: all },
		);

		const found = await searchGemstones.call(gemstoneContext(), ' RB-1 ');
		const first = await searchGemstones.call(gemstoneContext());
		const last = await searchGemstones.call(gemstoneContext(), '', first.paginationToken as string);

		scope.done();
		expect(requests).toEqual([
			expectedRequest('gemstone_search', { code: 'RB-1' }),
			expectedRequest('gemstone_search', { title: 'RB-1' }),
			expectedRequest('gemstone_search'),
			expectedRequest('gemstone_search'),
		]);
		expect(found).toEqual({
			results: [
				{ name: 'Gemstone 17 (code RB-1)', value: '17' },
				{ name: 'Gemstone 18 (title “RB-1”)', value: '18' },
			],
		});
		expect(first.results).toHaveLength(LIST_PAGE_SIZE);
		expect(first.results[0]).toEqual({ name: 'Gemstone 1', value: '1' });
		expect(last).toEqual({
			results: [{ name: `Gemstone ${LIST_PAGE_SIZE + 1}`, value: String(LIST_PAGE_SIZE + 1) }],
		});
	});
});
