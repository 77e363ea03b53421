import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { outputOf, runValigara, valigaraApi } from './fixtures';
import type { Reply } from './fixtures';

// Simplify (node version 1.1, on by default) on the exports: the fields a merchant uses; off, the
// raw records; a version-1 node (every saved workflow) the raw records as before.

const product = (id: number): IDataObject => ({
	product_id: id,
	product_type: '0',
	type: 'Ring',
	title: `Rose Gold Ring ${id}`,
	description: 'A 0.5 ct round diamond on a 14K rose gold band.',
	price: 1290,
	cost: 610,
	quantity: 3,
	catalog_code: `RR-${id}`,
	collection: 'Bridal',
	model: 'SOL-01',
	not_for_sale: false,
	metals: [{ name: 'Gold', purity: '14K', weight: 2.8 }],
	gemstones: [{ name: 'Diamond', code: 'DIA-050', carat: 0.5, quantity: 1 }],
	images: ['https://cdn.example.com/valigara/rr.jpg'],
	listings: [{ account_id: 1001, listing_id: 'E-1' }],
	date_created: '2026-10-27 09:00:00',
});
const simpleProduct = (id: number): IDataObject => ({
	product_id: id,
	catalog_code: `RR-${id}`,
	title: `Rose Gold Ring ${id}`,
	type: 'Ring',
	collection: 'Bridal',
	model: 'SOL-01',
	price: 1290,
	quantity: 3,
	not_for_sale: false,
	date_created: '2026-10-27 09:00:00',
});

const order = (id: number, idField = 'order_id'): IDataObject => ({
	[idField]: id,
	order_number: `V-${id}`,
	marketplace_order_id: `MP-${id}`,
	channel: 'etsy',
	account: 'Main store',
	order_date: '2026-11-20 10:15:00',
	paid_date: '',
	status: 'paid',
	currency: 'USD',
	total: 1290,
	shipping_cost: 0,
	client_id: 301,
	client_name: 'Ada Lovelace',
	client_email: 'ada@example.com',
	shipping: { full_name: 'Ada Lovelace', country: 'GB', address: '12 St James Square, London' },
	payment_method: 'card',
	tracking_number: '',
	carrier: '',
	items: [
		{
			item_id: 1,
			product_id: 1001,
			sku: 'RR-1001',
			title: 'Rose Gold Ring',
			quantity: 1,
			price: 1290,
			tracking_number: '',
			carrier: '',
		},
	],
});
const simpleOrder = (id: number, idField = 'order_id'): IDataObject => ({
	[idField]: id,
	order_number: `V-${id}`,
	channel: 'etsy',
	order_date: '2026-11-20 10:15:00',
	status: 'paid',
	currency: 'USD',
	total: 1290,
	client_name: 'Ada Lovelace',
	client_email: 'ada@example.com',
	tracking_number: '',
	items: [{ sku: 'RR-1001', title: 'Rose Gold Ring', quantity: 1, price: 1290 }],
});

interface Case {
	title: string;
	parameters: INodeParameters;
	input?: IDataObject[];
	/** the action every request of the run sends */
	action: string;
	replies: Reply[];
	/** the raw and the simplified output, as [json, paired item] */
	raw: Array<[IDataObject, number]>;
	simplified: Array<[IDataObject, number]>;
}

// the export's first reply may have been cut: the next page (one record overlapping) tells
const ordersReplies = (idField = 'order_id'): Reply[] => [
	{ data: [order(9001, idField), order(9002, idField), order(9003, idField)] },
	{ data: [order(9003, idField)] },
];

const cases: Case[] = [
	{
		title: 'product › export, one item (product_export)',
		parameters: { resource: 'product', operation: 'export', productId: '501' },
		action: 'product_export',
		replies: [{ data: product(501) }],
		raw: [[product(501), 0]],
		simplified: [[simpleProduct(501), 0]],
	},
	{
		title: 'product › export, several items (one products_export)',
		parameters: { resource: 'product', operation: 'export', productId: '={{ $json.id }}' },
		action: 'products_export',
		input: [{ id: 501 }, { id: 502 }],
		replies: [{ data: { '501': product(501), '502': product(502) } }],
		raw: [
			[product(501), 0],
			[product(502), 1],
		],
		simplified: [
			[simpleProduct(501), 0],
			[simpleProduct(502), 1],
		],
	},
	{
		title: 'product › exportMany',
		parameters: { resource: 'product', operation: 'exportMany', productIds: '501,502' },
		action: 'products_export',
		replies: [{ data: { '501': product(501), '502': product(502) } }],
		raw: [
			[product(501), 0],
			[product(502), 0],
		],
		simplified: [
			[simpleProduct(501), 0],
			[simpleProduct(502), 0],
		],
	},
	{
		title: 'order › exportOrders',
		parameters: { resource: 'order', operation: 'exportOrders' },
		action: 'orders_export',
		replies: ordersReplies(),
		raw: [
			[order(9001), 0],
			[order(9002), 0],
			[order(9003), 0],
		],
		simplified: [
			[simpleOrder(9001), 0],
			[simpleOrder(9002), 0],
			[simpleOrder(9003), 0],
		],
	},
	{
		title: 'order › exportOrders, the ID field named in Options',
		parameters: { resource: 'order', operation: 'exportOrders', options: { idField: 'id' } },
		action: 'orders_export',
		replies: ordersReplies('id'),
		raw: [
			[order(9001, 'id'), 0],
			[order(9002, 'id'), 0],
			[order(9003, 'id'), 0],
		],
		simplified: [
			[simpleOrder(9001, 'id'), 0],
			[simpleOrder(9002, 'id'), 0],
			[simpleOrder(9003, 'id'), 0],
		],
	},
];

const asItems = (expected: Array<[IDataObject, number]>) =>
	expected.map(([json, item]) => ({ json, pairedItem: { item } }));

describe('Valigara › Simplify', () => {
	describe.each(cases.map((entry) => [entry.title, entry] as const))('%s', (_title, entry) => {
		const run = async (parameters: INodeParameters, typeVersion?: number) => {
			const { requests, scope } = valigaraApi(...entry.replies);
			const result = await runValigara(parameters, entry.input, typeVersion ? { typeVersion } : {});
			expect(result.error).toBeUndefined();
			scope.done();
			expect(requests.map(({ form }) => form.action)).toEqual(
				entry.replies.map(() => entry.action),
			);
			return outputOf(result);
		};

		it('version 1.1, Simplify left on: only the fields a merchant uses', async () => {
			expect(await run(entry.parameters, 1.1)).toEqual(asItems(entry.simplified));
		});

		it('version 1.1, Simplify off: the raw records', async () => {
			expect(await run({ ...entry.parameters, simple: false }, 1.1)).toEqual(asItems(entry.raw));
		});

		it('version 1 (saved workflows): the raw records, as before', async () => {
			expect(await run(entry.parameters)).toEqual(asItems(entry.raw));
		});
	});
});

// As an AI agent's tool (n8n's `valigaraTool`), Output takes Simplify's place: Simplified by
// default, Raw, or the fields the workflow's builder names.
describe('Valigara › Output, as an AI agent tool', () => {
	const selected = (record: IDataObject, idField: string): IDataObject => ({
		[idField]: record[idField],
		...('title' in record ? { title: record.title } : { status: record.status }),
	});

	describe.each(cases.map((entry) => [entry.title, entry] as const))('%s', (_title, entry) => {
		const run = async (parameters: INodeParameters) => {
			const { requests, scope } = valigaraApi(...entry.replies);
			const result = await runValigara(parameters, entry.input, {
				type: 'valigaraTool',
				typeVersion: 1.1,
			});
			expect(result.error).toBeUndefined();
			scope.done();
			expect(requests).toHaveLength(entry.replies.length);
			return outputOf(result);
		};
		const idField = Object.keys(entry.raw[0][0])[0];
		const fields = `${idField}, ${'title' in entry.raw[0][0] ? 'title' : 'status'}, no_such_field`;

		it('Output left at Simplified: the fields Simplify keeps', async () => {
			expect(await run(entry.parameters)).toEqual(asItems(entry.simplified));
		});

		it('Output Raw: the raw records', async () => {
			expect(await run({ ...entry.parameters, output: 'raw' })).toEqual(asItems(entry.raw));
		});

		it('Output Selected Fields: only those (a field the record lacks left out)', async () => {
			expect(await run({ ...entry.parameters, output: 'fields', outputFields: fields })).toEqual(
				asItems(entry.raw.map(([json, item]) => [selected(json, idField), item])),
			);
		});

		it('Selected Fields with none named: an error naming Fields and the item, before any request', async () => {
			const { requests } = valigaraApi(...entry.replies);
			const result = await runValigara(
				{ ...entry.parameters, output: 'fields', outputFields: ' , ' },
				entry.input,
				{ type: 'valigaraTool', typeVersion: 1.1 },
			);
			expect(result.error?.message).toBe(
				'"Fields" must name at least one field when Output is Selected Fields [item 0]',
			);
			expect(requests).toHaveLength(0);
		});
	});
});
