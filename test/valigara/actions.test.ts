import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ACTIONS } from '../../nodes/Valigara/action-names';
import { offeredOperations } from '../reliability/operations';
import { expectedRequest, outputOf, runValigara, valigaraApi } from './fixtures';

/**
 * One row per Valigara action: the node's parameters → the exact request (POST, `auth` in the
 * query, `action` and JSON `data` form-encoded) → the exact output items.
 */
interface ActionCase {
	title: string;
	parameters: INodeParameters;
	action: string;
	/** the `data` Valigara must receive (undefined: no `data` field at all) */
	data?: unknown;
	extraForm?: Record<string, string>;
	/** the `data` of Valigara's reply */
	reply: unknown;
	/**
	 * lists: the requests that follow the first one (the second page, asked when the first may have
	 * been cut: nodes/Valigara/lists.ts), with their `data` and the `data` of the reply
	 */
	following?: Array<{ data: unknown; reply: unknown }>;
	output: IDataObject[];
	/** the workflow's time zone */
	timezone?: string;
}

/** a product picked By ID, or From List, as the editor saves it */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

const cases: ActionCase[] = [
	// ── Product ──
	{
		title: 'product import: named fields, lists, other fields',
		parameters: {
			resource: 'product',
			operation: 'import',
			productFields: {
				title: 'Rose Ring',
				type: 'Ring',
				price: 120.5,
				quantity: 2,
				catalog_code: 'RR-1',
				not_for_sale: false,
			},
			metals: { metal: [{ name: 'Gold', purity: '14K', weight: 2.5 }, { name: 'Silver' }] },
			// the Color field is the parameter `hue` (n8n's lint forbids a text parameter named color); Valigara gets `color`
			gemstones: {
				gemstone: [
					{ name: 'Diamond', type: '2', hue: 'G', clarity: 'VS1', shape: 'Round', carat: 0.25 },
				],
			},
			images: { image: [{ url: 'https://cdn.example.com/rr1.jpg' }] },
			otherFields: { field: [{ name: 'vendor', value: 'Acme' }] },
		},
		action: 'product_import',
		data: {
			title: 'Rose Ring',
			type: 'Ring',
			price: 120.5,
			quantity: 2,
			catalog_code: 'RR-1',
			not_for_sale: false,
			metals: [{ name: 'Gold', purity: '14K', weight: 2.5 }, { name: 'Silver' }],
			gemstones: [
				{
					name: 'Diamond',
					type: '2',
					color: 'G',
					clarity: 'VS1',
					shape: 'Round',
					carat: 0.25,
					quantity: 1,
				},
			],
			images: ['https://cdn.example.com/rr1.jpg'],
			vendor: 'Acme',
		},
		reply: { product_id: 501 },
		output: [{ product_id: 501 }],
	},
	{
		// the product's Gemstones rows are the gemstone resource's fields: Quantity from 0, as there
		title: 'product import: a gemstone of quantity 0',
		parameters: {
			resource: 'product',
			operation: 'import',
			productFields: { title: 'Rose Ring' },
			gemstones: { gemstone: [{ name: 'Diamond', quantity: 0 }] },
		},
		action: 'product_import',
		data: { title: 'Rose Ring', gemstones: [{ name: 'Diamond', quantity: 0 }] },
		reply: { product_id: 502 },
		output: [{ product_id: 502 }],
	},
	{
		title: 'product import: raw JSON sent as written',
		parameters: {
			resource: 'product',
			operation: 'import',
			dataMode: 'json',
			dataJson: '{"title": "Ring & Band #1 + 50% \\"off\\" ü", "custom": {"nested": [1, 2]}}',
		},
		action: 'product_import',
		data: { title: 'Ring & Band #1 + 50% "off" ü', custom: { nested: [1, 2] } },
		reply: { product_id: 502 },
		output: [{ product_id: 502 }],
	},
	{
		title: 'product update: fields, a list and its array action',
		parameters: {
			resource: 'product',
			operation: 'update',
			productId: byId(' 501 '),
			updateFields: { price: 99, description: '' },
			images: { image: [{ url: 'https://cdn.example.com/rr1-b.jpg' }] },
			arrayActions: { images: 'add' },
		},
		action: 'product_update',
		data: {
			product_id: 501,
			price: 99,
			description: '',
			images: ['https://cdn.example.com/rr1-b.jpg'],
			actions: { images: 'add' },
		},
		reply: { product_id: 501 },
		output: [{ product_id: 501 }],
	},
	{
		title: 'product search: filters, IDs out',
		parameters: {
			resource: 'product',
			operation: 'search',
			filters: { sku: 'RR-1' },
			otherFields: { field: [{ name: 'collection_id', value: '12' }] },
		},
		action: 'product_search',
		data: { sku: 'RR-1', collection_id: '12', page: 1, limit: 50 },
		reply: [501, 502, 503],
		// fewer than asked may still be a cap: the next page (one record overlapping) tells
		following: [{ data: { sku: 'RR-1', collection_id: '12', page: 2, limit: 2 }, reply: [503] }],
		output: [{ product_id: 501 }, { product_id: 502 }, { product_id: 503 }],
	},
	{
		title: 'product search: no filter sends the paging keys only',
		parameters: { resource: 'product', operation: 'search', returnAll: true },
		action: 'product_search',
		data: { page: 1, limit: 100 },
		reply: '1,2,3',
		following: [{ data: { page: 2, limit: 2 }, reply: '3' }],
		output: [{ product_id: 1 }, { product_id: 2 }, { product_id: 3 }],
	},
	{
		title: 'product report sold',
		parameters: {
			resource: 'product',
			operation: 'reportSold',
			productId: byId('501'),
			quantitySold: 2,
			soldAction: 'revise',
		},
		action: 'product_sold',
		data: { product_id: 501, quantity: 2, sold_action: 'revise' },
		reply: null,
		output: [{ success: true }],
	},
	{
		title: 'product delete: IDs as text, channels flag written out',
		parameters: { resource: 'product', operation: 'delete', productIds: '501, 502' },
		action: 'product_delete',
		data: { product_id: [501, 502], channels: false },
		reply: '',
		output: [{ deleted: true, product_id: [501, 502], response: '' }],
	},
	{
		title: 'product delete: IDs from an expression, kept on channels',
		parameters: {
			resource: 'product',
			operation: 'delete',
			productIds: '={{ [501, "A-7"] }}',
			keepOnChannels: true,
		},
		action: 'product_delete',
		data: { product_id: [501, 'A-7'], channels: true },
		// the reply's own `deleted` (a count) is kept, and does not replace ours
		reply: { deleted: 2 },
		output: [{ deleted: true, product_id: [501, 'A-7'], response: { deleted: 2 } }],
	},
	{
		title: 'product list fields: preview parameter, no data',
		parameters: { resource: 'product', operation: 'listFields', options: { preview: true } },
		action: 'product_listfields',
		extraForm: { preview: '1' },
		reply: ['title', 'price'],
		output: [{ field: 'title' }, { field: 'price' }],
	},
	{
		title: 'product get listing accounts',
		parameters: { resource: 'product', operation: 'getListingAccounts' },
		action: 'listings_accounts_get',
		reply: [
			{ id: 1001, name: 'eBay US' },
			{ id: 3001, name: 'Etsy' },
		],
		output: [
			{ id: 1001, name: 'eBay US' },
			{ id: 3001, name: 'Etsy' },
		],
	},
	{
		title: 'product get listing accounts: raw JSON on an action without data',
		parameters: {
			resource: 'product',
			operation: 'getListingAccounts',
			dataMode: 'json',
			dataJson: '{"channel": "ebay"}',
		},
		action: 'listings_accounts_get',
		data: { channel: 'ebay' },
		reply: [],
		output: [],
	},
	{
		title: 'product update listings: all accounts',
		parameters: { resource: 'product', operation: 'updateListings', productIds: '501' },
		action: 'product_update_listings',
		data: { product_id: [501] },
		reply: { queued: 1 },
		output: [{ queued: 1 }],
	},
	{
		title: 'product update listings: selected accounts',
		parameters: {
			resource: 'product',
			operation: 'updateListings',
			productIds: '501',
			accountsScope: 'selected',
			accountIds: ['1001', '3001'],
		},
		action: 'product_update_listings',
		data: { product_id: [501], accounts: [1001, 3001] },
		reply: { queued: 1 },
		output: [{ queued: 1 }],
	},
	{
		title: 'product export: one record',
		parameters: { resource: 'product', operation: 'export', productId: fromList('501') },
		action: 'product_export',
		data: { product_id: 501 },
		reply: { product_id: 501, title: 'Rose Ring', metals: [{ name: 'Gold' }] },
		output: [{ product_id: 501, title: 'Rose Ring', metals: [{ name: 'Gold' }] }],
	},
	{
		title: 'product export many: one item per record',
		parameters: { resource: 'product', operation: 'exportMany', productIds: '501,502' },
		action: 'products_export',
		data: { product_id: [501, 502] },
		reply: { '501': { product_id: 501, title: 'A' }, '502': { product_id: 502, title: 'B' } },
		output: [
			{ product_id: 501, title: 'A' },
			{ product_id: 502, title: 'B' },
		],
	},
	{
		title: 'product list post templates',
		parameters: { resource: 'product', operation: 'listPostTemplates' },
		action: 'products_post_templates_list',
		reply: [{ id: 7, name: 'Etsy default' }],
		output: [{ id: 7, name: 'Etsy default' }],
	},
	{
		title: 'product post to channels',
		parameters: {
			resource: 'product',
			operation: 'postToChannels',
			productIds: '501 502',
			templateId: '7',
		},
		action: 'products_post',
		data: { product_id: [501, 502], template_id: 7 },
		reply: { posted: [501, 502] },
		output: [{ posted: [501, 502] }],
	},
	{
		title: 'product revise inventory on channels',
		parameters: { resource: 'product', operation: 'reviseInventory', productIds: '501' },
		action: 'products_revise_inventory',
		data: { product_id: [501] },
		reply: true,
		output: [{ success: true, data: true }],
	},
	// ── Gemstone ──
	{
		title: 'gemstone import',
		parameters: {
			resource: 'gemstone',
			operation: 'import',
			title: 'Blue Sapphire',
			code: 'BS-001',
			type: 'Sapphire',
			additionalFields: { carat: 1.2, hue: 'Blue' },
			otherFields: { field: [{ name: 'origin', value: 'Ceylon' }] },
		},
		action: 'gemstone_import',
		data: {
			title: 'Blue Sapphire',
			code: 'BS-001',
			type: 'Sapphire',
			carat: 1.2,
			color: 'Blue',
			origin: 'Ceylon',
		},
		reply: { gemstone_id: 77 },
		output: [{ gemstone_id: 77 }],
	},
	{
		title: 'gemstone update',
		parameters: {
			resource: 'gemstone',
			operation: 'update',
			gemstoneId: '77',
			updateFields: { quantity: 3, code: 'BS-002', hue: 'Teal' },
		},
		action: 'gemstone_update',
		data: { gemstone_id: 77, quantity: 3, code: 'BS-002', color: 'Teal' },
		reply: null,
		output: [{ success: true }],
	},
	{
		title: 'gemstone search',
		parameters: {
			resource: 'gemstone',
			operation: 'search',
			filters: { code: 'BS-001' },
			limit: 1,
		},
		action: 'gemstone_search',
		data: { code: 'BS-001', page: 1, limit: 1 },
		reply: [77, 78],
		output: [{ gemstone_id: 77 }],
	},
	{
		title: 'gemstone delete',
		parameters: { resource: 'gemstone', operation: 'delete', gemstoneIds: '77' },
		action: 'gemstone_delete',
		data: { gemstone_id: [77] },
		reply: null,
		output: [{ deleted: true, gemstone_id: [77], response: null }],
	},
	{
		title: 'gemstone list fields',
		parameters: { resource: 'gemstone', operation: 'listFields' },
		action: 'gemstone_listfields',
		reply: { title: 'Gemstone title', code: 'Code' },
		output: [{ title: 'Gemstone title', code: 'Code' }],
	},
	// ── Order (assumed action names) ──
	{
		title: 'order export orders: dates as wall-clock time in the workflow’s zone, other filters',
		timezone: 'Europe/Berlin',
		parameters: {
			resource: 'order',
			operation: 'exportOrders',
			filters: { date_from: '2026-11-01T09:30:00.000+02:00', status: 'paid' },
			otherFields: { field: [{ name: 'channel', value: 'etsy' }] },
		},
		action: 'orders_export',
		data: { status: 'paid', channel: 'etsy', date_from: '2026-11-01 08:30:00', page: 1, limit: 50 },
		reply: { orders: [{ order_id: 9001 }, { order_id: 9002 }, { order_id: 9003 }] },
		// the first reply may have been cut: the next page (one record overlapping) tells
		following: [
			{
				data: {
					status: 'paid',
					channel: 'etsy',
					date_from: '2026-11-01 08:30:00',
					page: 2,
					limit: 2,
				},
				reply: [{ order_id: 9003 }],
			},
		],
		output: [{ order_id: 9001 }, { order_id: 9002 }, { order_id: 9003 }],
	},
	{
		title: 'order export orders: action name overridden',
		parameters: {
			resource: 'order',
			operation: 'exportOrders',
			options: { actionName: ' orders_get ' },
		},
		action: 'orders_get',
		data: { page: 1, limit: 50 },
		reply: [{ order_id: 9001 }, { order_id: 9002 }, { order_id: 9003 }],
		following: [{ data: { page: 2, limit: 2 }, reply: [{ order_id: 9003 }] }],
		output: [{ order_id: 9001 }, { order_id: 9002 }, { order_id: 9003 }],
	},
	{
		title: 'order export clients',
		parameters: {
			resource: 'order',
			operation: 'exportClients',
			filters: { date_to: '2026-11-30 23:59:59' },
		},
		action: 'clients_export',
		data: { date_to: '2026-11-30 23:59:59', page: 1, limit: 50 },
		reply: [{ client_id: 1, email: 'ada@example.com' }, { client_id: 2 }, { client_id: 3 }],
		following: [
			{ data: { date_to: '2026-11-30 23:59:59', page: 2, limit: 2 }, reply: [{ client_id: 3 }] },
		],
		output: [{ client_id: 1, email: 'ada@example.com' }, { client_id: 2 }, { client_id: 3 }],
	},
	{
		title: 'order set tracking number',
		parameters: {
			resource: 'order',
			operation: 'setTrackingNumber',
			orderId: '9001',
			trackingNumber: '1Z999',
			additionalFields: { carrier: 'UPS' },
		},
		action: 'order_set_tracking_number',
		data: { order_id: 9001, tracking_number: '1Z999', carrier: 'UPS' },
		reply: null,
		output: [{ success: true }],
	},
	{
		title: 'order set separate tracking numbers',
		parameters: {
			resource: 'order',
			operation: 'setSeparateTrackingNumbers',
			orderId: '9001',
			trackingNumbers: {
				item: [
					{ item_id: '1', tracking_number: 'A1' },
					{ item_id: '2', tracking_number: 'B2', carrier: 'DHL' },
				],
			},
		},
		action: 'order_set_separate_tracking_numbers',
		data: {
			order_id: 9001,
			items: [
				{ item_id: 1, tracking_number: 'A1' },
				{ item_id: 2, tracking_number: 'B2', carrier: 'DHL' },
			],
		},
		reply: { updated: 2 },
		output: [{ updated: 2 }],
	},
];

describe('Valigara › every action', () => {
	it.each(cases)(
		'$title',
		async ({ parameters, action, data, extraForm, reply, following = [], output, timezone }) => {
			const { requests, scope } = valigaraApi(
				{ data: reply },
				...following.map((next) => ({ data: next.reply })),
			);

			const run = await runValigara(parameters, [{}], { timezone });

			expect(run.error).toBeUndefined();
			scope.done();
			expect(requests).toEqual([
				expectedRequest(action, data, extraForm),
				...following.map((next) => expectedRequest(action, next.data, extraForm)),
			]);
			expect(outputOf(run)).toEqual(output.map((json) => ({ json, pairedItem: { item: 0 } })));
		},
	);

	it("covers every operation the node offers: each one's action has a row", () => {
		const tested = new Set(cases.map(({ action }) => action));
		const table = ACTIONS as Record<string, Record<string, string>>;
		const untested = offeredOperations('valigara').filter((name) => {
			const [resource, operation] = name.split(' › ');
			return !tested.has(table[resource]?.[operation]);
		});
		expect(untested).toEqual([]);
	});
});

describe('Valigara › several calls per item', () => {
	it('search returns full records: one products_export per batch of IDs, all paired to the item', async () => {
		const { requests, scope } = valigaraApi(
			{ data: [1, 2, 3, 4, 5] },
			{ data: [5] },
			{ data: [{ product_id: 1 }, { product_id: 2 }] },
			{ data: [{ product_id: 3 }, { product_id: 4 }] },
			{ data: [{ product_id: 5 }] },
		);

		const run = await runValigara({
			resource: 'product',
			operation: 'search',
			returnAll: true,
			options: { returnFullRecords: true, exportBatchSize: 2 },
		});

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests).toEqual([
			expectedRequest('product_search', { page: 1, limit: 100 }),
			expectedRequest('product_search', { page: 2, limit: 4 }),
			expectedRequest('products_export', { product_id: [1, 2] }),
			expectedRequest('products_export', { product_id: [3, 4] }),
			expectedRequest('products_export', { product_id: [5] }),
		]);
		expect(outputOf(run)).toEqual(
			[1, 2, 3, 4, 5].map((id) => ({ json: { product_id: id }, pairedItem: { item: 0 } })),
		);
	});

	it('search with a limit exports only the IDs within it', async () => {
		const { requests, scope } = valigaraApi(
			{ data: [1, 2, 3] },
			{ data: [{ product_id: 1 }, { product_id: 2 }] },
		);

		const run = await runValigara({
			resource: 'product',
			operation: 'search',
			limit: 2,
			options: { returnFullRecords: true },
		});

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests[1]).toEqual(expectedRequest('products_export', { product_id: [1, 2] }));
		expect(run.items).toHaveLength(2);
	});

	it('export many splits the IDs into requests of the chosen size', async () => {
		const { requests, scope } = valigaraApi(
			{ data: [{ product_id: 1 }, { product_id: 2 }] },
			{ data: [{ product_id: 3 }] },
		);

		const run = await runValigara({
			resource: 'product',
			operation: 'exportMany',
			productIds: '1,2,3',
			options: { exportBatchSize: 2 },
		});

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests.map(({ data }) => data)).toEqual([{ product_id: [1, 2] }, { product_id: [3] }]);
		expect(run.items.map(({ pairedItem }) => pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('Export of several items: one products_export call for their IDs, one output item per input item, paired', async () => {
		const { requests, scope } = valigaraApi({
			data: [
				{ product_id: 12, title: 'B' },
				{ product_id: 11, title: 'A' },
			],
		});

		const run = await runValigara(
			{ resource: 'product', operation: 'export', productId: '={{ $json.id }}' },
			[{ id: 11 }, { id: 12 }, { id: '11' }],
		);

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests).toEqual([expectedRequest('products_export', { product_id: [11, 12, 11] })]);
		expect(outputOf(run)).toEqual([
			{ json: { product_id: 11, title: 'A' }, pairedItem: { item: 0 } },
			{ json: { product_id: 12, title: 'B' }, pairedItem: { item: 1 } },
			{ json: { product_id: 11, title: 'A' }, pairedItem: { item: 2 } },
		]);
	});

	it('Export of several items: Products Per Request sets the calls; an ID Valigara did not return fails its own item', async () => {
		const { requests, scope } = valigaraApi(
			{ data: [{ product_id: 1 }, { product_id: 2 }] },
			// the second call answers for 4 only: 3 is asked again alone, and again not found
			{ data: [{ product_id: 4 }] },
			{ data: [] },
			{ data: [{ product_id: 5 }] },
		);

		const run = await runValigara(
			{
				resource: 'product',
				operation: 'export',
				productId: '={{ $json.id }}',
				options: { exportBatchSize: 2 },
			},
			[1, 2, 3, 4, 5].map((id) => ({ id })),
			{ onError: 'continue' },
		);

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests.map(({ data }) => data)).toEqual([
			{ product_id: [1, 2] },
			{ product_id: [3, 4] },
			{ product_id: [3] },
			{ product_id: [5] },
		]);
		expect(
			outputOf(run).map(({ json, pairedItem }) => [pairedItem, json.product_id ?? json.error]),
		).toEqual([
			[{ item: 0 }, 1],
			[{ item: 1 }, 2],
			[{ item: 2 }, 'Valigara sent no record for product 3'],
			[{ item: 3 }, 4],
			[{ item: 4 }, 5],
		]);
	});

	it('Export of several items: a call Valigara refuses for its data is split down to the ID it refuses, whose item gets the service’s words', async () => {
		const { requests, scope } = valigaraApi(
			{ status: 201, data: 'Product 7 not found' },
			{ data: [{ product_id: 6 }] },
			{ status: 201, data: 'Product 7 not found' },
		);

		const run = await runValigara(
			{ resource: 'product', operation: 'export', productId: '={{ $json.id }}' },
			[{ id: 6 }, { id: 7 }],
			{ onError: 'continue' },
		);

		scope.done();
		expect(requests.map(({ data }) => data)).toEqual([
			{ product_id: [6, 7] },
			{ product_id: [6] },
			{ product_id: [7] },
		]);
		expect(outputOf(run).map(({ json }) => json.product_id ?? json.error)).toEqual([
			6,
			'Valigara error 201 (Action Failed): Product 7 not found',
		]);
	});

	it('Export of several items without continue on fail: the first item whose product did not come stops the run, naming it', async () => {
		// 2 and 3 are asked again (the reply may have been cut), and do not come
		valigaraApi({ data: [{ product_id: 1 }] }, { data: [] });

		const run = await runValigara(
			{ resource: 'product', operation: 'export', productId: '={{ $json.id }}' },
			[{ id: 1 }, { id: 2 }, { id: 3 }],
		);

		expect(run.error?.message).toBe('Valigara sent no record for product 2');
		expect(run.error?.context.itemIndex).toBe(1);
	});

	it('Export of one item, or items in JSON mode: product_export per item, as the docs show it', async () => {
		const { requests, scope } = valigaraApi(
			{ data: { product_id: 11 } },
			{ data: { product_id: 12 } },
		);

		const run = await runValigara(
			{
				resource: 'product',
				operation: 'export',
				dataMode: 'json',
				dataJson: '={{ JSON.stringify({ product_id: $json.id }) }}',
			},
			[{ id: 11 }, { id: 12 }],
		);

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests.map(({ form, data }) => [form.action, data])).toEqual([
			['product_export', { product_id: 11 }],
			['product_export', { product_id: 12 }],
		]);
		expect(outputOf(run).map(({ pairedItem }) => pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Valigara › raw JSON where the node would batch', () => {
	it('export many in JSON mode sends the data as written, in one call', async () => {
		const { requests, scope } = valigaraApi({ data: [{ product_id: 1 }, { product_id: 2 }] });

		const run = await runValigara({
			resource: 'product',
			operation: 'exportMany',
			dataMode: 'json',
			dataJson: '{"products": [1, 2]}',
		});

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests).toEqual([expectedRequest('products_export', { products: [1, 2] })]);
		expect(run.items).toHaveLength(2);
	});

	it('search with full records reads the IDs of a reply made of records', async () => {
		const { requests, scope } = valigaraApi(
			{ data: [{ product_id: 8, sku: 'X' }] },
			{ data: [{ product_id: 8, title: 'Full' }] },
		);

		// one reply taken as whole (paging has its own tests)
		const run = await runValigara({
			resource: 'product',
			operation: 'search',
			options: { returnFullRecords: true, wholeReplies: true },
		});

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests[1]).toEqual(expectedRequest('products_export', { product_id: [8] }));
		expect(outputOf(run)).toEqual([
			{ json: { product_id: 8, title: 'Full' }, pairedItem: { item: 0 } },
		]);
	});

	it('search with full records says so when the reply holds no IDs', async () => {
		const { scope } = valigaraApi({ data: [{ sku: 'X' }] });

		const run = await runValigara({
			resource: 'product',
			operation: 'search',
			options: { returnFullRecords: true, wholeReplies: true },
		});

		scope.done();
		expect(run.error?.message).toBe(
			'Valigara’s search reply holds no product IDs to export [item 0]',
		);
	});
});

describe('Valigara › Other Fields send the type the user gave', () => {
	// a number and a boolean from expressions, and text typed in the field
	const otherFields = {
		field: [
			{ name: 'collection_id', value: '={{ 12 }}' },
			{ name: 'featured', value: '={{ true }}' },
			{ name: 'lot', value: '0012' },
		],
	};
	const sent = { collection_id: 12, featured: true, lot: '0012' };

	it.each([
		[
			'product search',
			{ resource: 'product', operation: 'search', filters: { sku: 'RR-1' } },
			'product_search',
			{ sku: 'RR-1' },
		],
		[
			'gemstone search',
			{ resource: 'gemstone', operation: 'search', filters: { code: 'BS-001' } },
			'gemstone_search',
			{ code: 'BS-001' },
		],
		[
			'order export orders',
			{ resource: 'order', operation: 'exportOrders', filters: { status: 'paid' } },
			'orders_export',
			{ status: 'paid' },
		],
		[
			'order export clients',
			{ resource: 'order', operation: 'exportClients' },
			'clients_export',
			{},
		],
		[
			'product import',
			{ resource: 'product', operation: 'import', productFields: { title: 'Ring' } },
			'product_import',
			{ title: 'Ring' },
		],
		[
			'gemstone update',
			{
				resource: 'gemstone',
				operation: 'update',
				gemstoneId: '77',
				updateFields: { code: 'BS-2' },
			},
			'gemstone_update',
			{ gemstone_id: 77, code: 'BS-2' },
		],
		[
			'order set tracking number',
			{ resource: 'order', operation: 'setTrackingNumber', orderId: '9001', trackingNumber: '1Z' },
			'order_set_tracking_number',
			{ order_id: 9001, tracking_number: '1Z' },
		],
	])('%s', async (_title, parameters, action, named) => {
		// searches and exports add the paging keys, and ask an empty first page again without them
		const lists = ['search', 'exportOrders', 'exportClients'].includes(parameters.operation);
		const { requests, scope } = valigaraApi({ data: [] }, ...(lists ? [{ data: [] }] : []));

		const run = await runValigara({ ...parameters, otherFields } as INodeParameters);

		expect(run.error).toBeUndefined();
		scope.done();
		const data = { ...named, ...sent };
		expect(requests).toEqual(
			lists
				? [expectedRequest(action, { ...data, page: 1, limit: 50 }), expectedRequest(action, data)]
				: [expectedRequest(action, data)],
		);
	});

	it('a number that JSON cannot carry (Infinity) is refused, naming the field and the item', async () => {
		const run = await runValigara({
			resource: 'product',
			operation: 'search',
			otherFields: { field: [{ name: 'min_price', value: '={{ 1 / 0 }}' }] },
		});

		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toBe(
			'Invalid input: "Other Fields › Value" (min_price) must be a finite number, not Infinity [item 0]',
		);
	});
});

describe('Valigara › Product List Fields › Readable Preview', () => {
	const preview = { resource: 'product', operation: 'listFields', options: { preview: true } };
	const page =
		'<html><body><h1>Product fields</h1><p>Product title (title): text, required</p><p>Price (price): number</p></body></html>';

	it('the documented readable page (not JSON) comes out as one item holding its text', async () => {
		const { requests, scope } = valigaraApi({
			raw: page,
			headers: { 'Content-Type': 'text/html; charset=UTF-8' },
		});

		const run = await runValigara(preview);

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests).toEqual([expectedRequest('product_listfields', undefined, { preview: '1' })]);
		expect(outputOf(run)).toEqual([{ json: { preview: page }, pairedItem: { item: 0 } }]);
	});

	it.each([
		['an empty reply', { raw: '' }, 'Valigara sent an empty reply where data was expected'],
		['an error code', { status: 102 }, 'Valigara error 102 (Authentication Failed)'],
		[
			'an HTTP error page',
			{
				raw: '<html>Bad gateway</html>',
				httpStatus: 502,
				headers: { 'Content-Type': 'text/html' },
			},
			'Valigara answered HTTP 502',
		],
	])('%s is still an error', async (_title, reply, message) => {
		const { scope } = valigaraApi(reply);

		const run = await runValigara(preview);

		scope.done();
		expect(run.items).toEqual([]);
		expect(run.error?.message).toMatch(new RegExp(`^${message.replace(/[()]/g, '\\$&')}`));
	});

	it('without Readable Preview, a reply that is not JSON is still refused', async () => {
		const { scope } = valigaraApi({ raw: page, headers: { 'Content-Type': 'text/html' } });

		const run = await runValigara({ resource: 'product', operation: 'listFields' });

		scope.done();
		expect(run.error?.message).toBe('Valigara sent a reply that is not valid JSON');
	});
});
