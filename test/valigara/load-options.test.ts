import {
	getGemstoneFields,
	getListingAccounts,
	getPostTemplates,
	getProductFields,
} from '../../nodes/Valigara/methods/loadOptions';
import { valigaraRequest } from '../../nodes/Valigara/transport';
import { loadOptionsContext, pollContext } from './contexts';
import { ACCESS_KEY, expectedRequest, valigaraApi } from './fixtures';

describe('Valigara › options loaded for the editor', () => {
	it('product fields from product_listfields, as a list of names', async () => {
		const { requests, scope } = valigaraApi({
			data: ['title', 'price', { name: 'catalog_code', title: 'Catalog code' }],
		});

		const options = await getProductFields.call(loadOptionsContext());

		scope.done();
		expect(requests).toEqual([expectedRequest('product_listfields')]);
		expect(options).toEqual([
			{ name: 'catalog_code', value: 'catalog_code', description: 'Catalog code' },
			{ name: 'price', value: 'price' },
			{ name: 'title', value: 'title' },
		]);
	});

	it('gemstone fields from gemstone_listfields, as a map of name to description', async () => {
		const { requests, scope } = valigaraApi({
			data: { code: 'Code (max 20)', title: { type: 'string' } },
		});

		const options = await getGemstoneFields.call(loadOptionsContext());

		scope.done();
		expect(requests).toEqual([expectedRequest('gemstone_listfields')]);
		expect(options).toEqual([
			{ name: 'code', value: 'code', description: 'Code (max 20)' },
			{ name: 'title', value: 'title', description: 'string' },
		]);
	});

	it('listing accounts from listings_accounts_get, as a list or a map', async () => {
		const { requests, scope } = valigaraApi(
			{
				data: [
					{ id: 3001, name: 'Etsy' },
					{ account_id: 1001, account_name: 'eBay US' },
				],
			},
			{ data: { '1001': 'eBay US', '3001': { name: 'Etsy' } } },
		);

		const fromList = await getListingAccounts.call(loadOptionsContext());
		const fromMap = await getListingAccounts.call(loadOptionsContext());

		scope.done();
		expect(requests).toEqual([
			expectedRequest('listings_accounts_get'),
			expectedRequest('listings_accounts_get'),
		]);
		const expected = [
			{ name: 'eBay US (1001)', value: '1001' },
			{ name: 'Etsy (3001)', value: '3001' },
		];
		expect(fromList).toEqual(expected);
		expect(fromMap).toEqual(expected);
	});

	it('post templates from products_post_templates_list', async () => {
		const { requests, scope } = valigaraApi({
			data: [{ template_id: 7, title: 'Etsy default' }, 9],
		});

		const options = await getPostTemplates.call(loadOptionsContext());

		scope.done();
		expect(requests).toEqual([expectedRequest('products_post_templates_list')]);
		expect(options).toEqual([
			{ name: '9', value: '9' },
			{ name: 'Etsy default (7)', value: '7' },
		]);
	});

	it('a refusal shows as an error without the key', async () => {
		const { scope } = valigaraApi({ status: 102, data: `bad key ${ACCESS_KEY}` });

		const failure = await getProductFields
			.call(loadOptionsContext())
			.catch((error: Error) => error);

		scope.done();
		expect((failure as Error).message).toBe(
			'Valigara error 102 (Authentication Failed): bad key ***',
		);
	});
});

describe('Valigara › transport from a poll (what the trigger calls)', () => {
	it('sends the action and data from a PollContext and returns the reply’s data', async () => {
		const { requests, scope } = valigaraApi({ data: [{ order_id: 9001 }] });

		const data = await valigaraRequest(pollContext(), 'orders_export', {
			date_from: '2026-11-01 00:00:00',
		});

		scope.done();
		expect(requests).toEqual([
			expectedRequest('orders_export', { date_from: '2026-11-01 00:00:00' }),
		]);
		expect(data).toEqual([{ order_id: 9001 }]);
	});
});
