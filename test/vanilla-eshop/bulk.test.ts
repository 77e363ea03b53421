import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import {
	BASE,
	HEADER_NAME,
	HEADER_VALUE,
	QUERY_NAME,
	QUERY_VALUE,
	ok,
	productBody,
	productFields,
	recordAnyRequest,
	run,
} from './fixtures';

const bulkProducts = {
	resource: 'product',
	operation: 'createOrUpdateMany',
	...productFields,
	sku: '={{ $json.sku }}',
	maximum: '={{ $json.maximum ?? 3 }}',
};

const skus = (count: number) => Array.from({ length: count }, (_, n) => ({ sku: `P-${n}` }));

type Bulk = { products: IDataObject[] };

/**
 * The bulk route: records each request's products and answers one record per product (its
 * position tells which), or a failure for the batches listed in `failing` (counted from 0).
 */
function bulkRoute(route: string, failing: number[] = []) {
	const batches: IDataObject[][] = [];
	const scope = nock(BASE)
		.matchHeader(HEADER_NAME, HEADER_VALUE)
		.post(route)
		.query({ [QUERY_NAME]: QUERY_VALUE })
		.times(100)
		.reply((_uri, body) => {
			const { products } = body as Bulk;
			batches.push(products);
			if (failing.includes(batches.length - 1)) {
				return [
					422,
					{
						message: 'The given data was invalid.',
						errors: { 'products.3.price': ['The products.3.price must be at least 0.'] },
					},
				];
			}
			return [
				200,
				ok(products.map((product) => ({ product_id: 1000, sku: `van.${String(product.sku)}` }))),
			];
		});
	return { batches, scope };
}

describe('Vanilla eShop › Product › Create or Update Many', () => {
	afterEach(() => nock.cleanAll());

	it('sends 25 products in requests of 10, 10 and 5, one output per input item, paired', async () => {
		const { batches } = bulkRoute('/v1/in/products/bulk');

		const { items, error } = await run(bulkProducts, skus(25));

		expect(error).toBeUndefined();
		expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
		expect(batches[1][0]).toEqual({ sku: 'P-10', ...productBody });
		expect(batches.flat().map((product) => product.sku)).toEqual(
			skus(25).map((input) => input.sku),
		);
		expect(items).toEqual(
			skus(25).map((input, item) => ({
				json: { product_id: 1000, sku: `van.${input.sku}` },
				pairedItem: { item },
			})),
		);
	});

	it('takes a smaller request size from the options', async () => {
		const { batches } = bulkRoute('/v1/in/products/bulk');

		const { items } = await run({ ...bulkProducts, options: { batchSize: 4 } }, skus(9));

		expect(batches.map((batch) => batch.length)).toEqual([4, 4, 1]);
		expect(items).toHaveLength(9);
	});

	it('stops at a failed batch, naming its items, and sends no batch after it', async () => {
		const { batches } = bulkRoute('/v1/in/products/bulk', [1]);

		const { items, error } = await run(bulkProducts, skus(25));

		expect(items).toEqual([]);
		expect(batches).toHaveLength(2);
		expect(error?.message).toBe('The given data was invalid.');
		expect(error?.description).toBe(
			'[item 13] products.3.price: The products.3.price must be at least 0.\n' +
				'This request carried items 10, 11, 12, 13, 14, 15, 16, 17, 18, 19.\n' +
				'Items 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 were already applied by earlier requests.',
		);
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.context?.itemIndex).toBe(10);
	});

	it('with continue on fail, fails exactly the items of the failed batch and sends the rest', async () => {
		const { batches } = bulkRoute('/v1/in/products/bulk', [1]);

		const { items, error } = await run(bulkProducts, skus(25), { onError: 'continue' });

		expect(error).toBeUndefined();
		expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
		expect(items).toHaveLength(25);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (index >= 10 && index < 20) {
				expect(item.json).toMatchObject({
					error: 'The given data was invalid.',
					httpStatus: 422,
					itemIndex: index,
				});
				expect(item.json.errorDescription).toContain('This request carried items 10, 11');
			} else {
				expect(item.json).toEqual({ product_id: 1000, sku: `van.P-${index}` });
			}
		});
	});

	it('checks every item before the first request: one invalid item stops the run, nothing sent', async () => {
		const requests = recordAnyRequest();
		const input = skus(25).map((row, n) => (n === 13 ? { ...row, maximum: 11 } : row));

		const { error } = await run(bulkProducts, input);

		expect(error?.message).toBe(
			'Invalid input: "Maximum Order Quantity" must be 10 or less [item 13]',
		);
		expect(requests).toEqual([]);
	});

	it('with continue on fail, an invalid item gets its error and the valid ones are still batched by 10', async () => {
		const { batches } = bulkRoute('/v1/in/products/bulk');
		const input = skus(25).map((row, n) => (n === 13 ? { ...row, maximum: 11 } : row));

		const { items } = await run(bulkProducts, input, { onError: 'continue' });

		expect(batches.map((batch) => batch.map((product) => product.sku))).toEqual([
			['P-0', 'P-1', 'P-2', 'P-3', 'P-4', 'P-5', 'P-6', 'P-7', 'P-8', 'P-9'],
			['P-10', 'P-11', 'P-12', 'P-14', 'P-15', 'P-16', 'P-17', 'P-18', 'P-19', 'P-20'],
			['P-21', 'P-22', 'P-23', 'P-24'],
		]);
		expect(items[13]).toMatchObject({
			json: { error: 'Invalid input: "Maximum Order Quantity" must be 10 or less [item 13]' },
			pairedItem: { item: 13 },
		});
		expect(items[14]).toEqual({
			json: { product_id: 1000, sku: 'van.P-14' },
			pairedItem: { item: 14 },
		});
	});

	it('puts the whole reply on each item when it does not hold one record per product', async () => {
		nock(BASE)
			.post('/v1/in/products/bulk')
			.query(true)
			.reply(200, ok({ product_id: 85, sku: 'van.85' }));

		const { items } = await run({ ...bulkProducts, product_id: '={{ $json.id }}' }, [
			{ sku: 'P-0', id: 85 },
			{ sku: 'P-1', id: 86 },
		]);

		expect(items).toEqual([
			{
				json: {
					success: true,
					product_id: '85',
					sku: 'P-0',
					reply: { product_id: 85, sku: 'van.85' },
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					success: true,
					product_id: '86',
					sku: 'P-1',
					reply: { product_id: 85, sku: 'van.85' },
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});

describe('Vanilla eShop › Price › Add Many', () => {
	it('sends 12 prices in requests of 10 and 2, one output per input item, paired', async () => {
		const batches: IDataObject[][] = [];
		nock(BASE)
			.post('/v1/in/pricing/bulk')
			.query({ [QUERY_NAME]: QUERY_VALUE })
			.times(2)
			.reply(200, (_uri, body) => {
				batches.push((body as Bulk).products);
				return ok(
					(body as Bulk).products.map((price) => ({
						product_id: price.entity_id,
						price: price.price,
					})),
				);
			});
		const input = Array.from({ length: 12 }, (_, n) => ({ entity: `E-${n}`, price: n }));

		const { items, error } = await run(
			{
				resource: 'price',
				operation: 'addMany',
				entity_id: '={{ $json.entity }}',
				price: '={{ $json.price }}',
				date_start: '2026-12-01',
				date_end: '2026-12-31',
			},
			input,
		);

		expect(error).toBeUndefined();
		expect(batches.map((batch) => batch.length)).toEqual([10, 2]);
		expect(batches[1]).toEqual([
			{ entity_id: 'E-10', price: 10, date_start: '2026-12-01', date_end: '2026-12-31' },
			{ entity_id: 'E-11', price: 11, date_start: '2026-12-01', date_end: '2026-12-31' },
		]);
		expect(items).toEqual(
			input.map((row, item) => ({
				json: { product_id: row.entity, price: row.price },
				pairedItem: { item },
			})),
		);
	});
});
