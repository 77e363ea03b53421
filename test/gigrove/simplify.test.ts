import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME, nodeTypes } from '../kit/registry';
import { API, runGigrove, stub } from './fixtures';

// Simplify (node version 1.1, on by default): the fields a merchant uses; off, the raw reply; a
// version-1 node (every saved workflow) the raw reply as before.

const product = (id: number): IDataObject => ({
	id,
	name: `Linen Shirt ${id}`,
	slug: `linen-shirt-${id}`,
	permalink: `https://shop.example/product/linen-shirt-${id}/`,
	date_created: '2026-11-01T09:00:00',
	date_modified: '2026-11-20T10:15:00',
	type: 'simple',
	status: 'publish',
	description: '<p>Washed linen.</p>',
	sku: `LS-${id}`,
	price: '19.99',
	regular_price: '24.99',
	sale_price: '19.99',
	price_html: '<del>24.99</del> 19.99',
	stock_status: 'instock',
	stock_quantity: 12,
	manage_stock: true,
	categories: [
		{ id: 15, name: 'Shirts', slug: 'shirts' },
		{ id: 23, name: 'Linen', slug: 'linen' },
	],
	images: [{ id: 7, src: 'https://shop.example/ls.jpg' }],
	meta_data: [{ id: 1, key: '_wcfm_product_views', value: '42' }],
});
const simpleProduct = (id: number): IDataObject => ({
	id,
	name: `Linen Shirt ${id}`,
	sku: `LS-${id}`,
	type: 'simple',
	status: 'publish',
	price: '19.99',
	regular_price: '24.99',
	sale_price: '19.99',
	stock_status: 'instock',
	stock_quantity: 12,
	permalink: `https://shop.example/product/linen-shirt-${id}/`,
	categories: [{ name: 'Shirts' }, { name: 'Linen' }],
	date_modified: '2026-11-20T10:15:00',
});

const order = (id: number): IDataObject => ({
	id,
	parent_id: 0,
	number: String(id),
	order_key: 'wc_order_x1',
	status: 'processing',
	currency: 'USD',
	date_created: '2026-11-20T10:15:00',
	date_modified: '2026-11-20T10:15:00',
	total: '43.98',
	total_tax: '0.00',
	customer_id: 8,
	billing: {
		first_name: 'Ada',
		last_name: 'Lovelace',
		email: 'ada@example.com',
		phone: '555',
		city: 'London',
	},
	shipping: { first_name: 'Ada', last_name: 'Lovelace', city: 'London' },
	payment_method: 'bacs',
	payment_method_title: 'Direct bank transfer',
	line_items: [
		{
			id: 1,
			name: 'Linen Shirt',
			product_id: 901,
			quantity: 2,
			subtotal: '43.98',
			total: '43.98',
			sku: 'LS-1',
			meta_data: [],
		},
	],
	shipment_tracking: { each_data: [] },
	vendor_order_details: { commission_amount: '4.40' },
});
const simpleOrder = (id: number): IDataObject => ({
	id,
	number: String(id),
	status: 'processing',
	currency: 'USD',
	total: '43.98',
	date_created: '2026-11-20T10:15:00',
	customer_id: 8,
	billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
	payment_method_title: 'Direct bank transfer',
	line_items: [{ name: 'Linen Shirt', quantity: 2, total: '43.98' }],
});

interface Case {
	title: string;
	parameters: INodeParameters;
	path: string;
	reply: IDataObject | IDataObject[];
	raw: IDataObject[];
	simplified: IDataObject[];
}

const cases: Case[] = [
	{
		title: 'product › get',
		parameters: { resource: 'product', operation: 'get', productId: '901' },
		path: `${API}/products/901/`,
		reply: product(901),
		raw: [product(901)],
		simplified: [simpleProduct(901)],
	},
	{
		title: 'product › getMany',
		parameters: { resource: 'product', operation: 'getMany', limit: 2 },
		path: `${API}/products/`,
		reply: [product(901), product(902)],
		raw: [product(901), product(902)],
		simplified: [simpleProduct(901), simpleProduct(902)],
	},
	{
		title: 'order › get',
		parameters: { resource: 'order', operation: 'get', orderId: '5694447' },
		path: `${API}/orders/5694447`,
		reply: order(5694447),
		raw: [order(5694447)],
		simplified: [simpleOrder(5694447)],
	},
	{
		title: 'order › getMany',
		parameters: { resource: 'order', operation: 'getMany', limit: 2 },
		path: `${API}/orders/`,
		reply: [order(1), order(2)],
		raw: [order(1), order(2)],
		simplified: [simpleOrder(1), simpleOrder(2)],
	},
];

const paired = (records: IDataObject[]) =>
	records.map((json) => ({ json, pairedItem: { item: 0 } }));

describe('Gigrove › Simplify', () => {
	describe.each(cases.map((entry) => [entry.title, entry] as const))('%s', (_title, entry) => {
		it('version 1.1, Simplify left on: only the fields a merchant uses', async () => {
			stub('GET', entry.path, [{ body: entry.reply }]);
			const { items, error } = await runGigrove(entry.parameters, [{}], { typeVersion: 1.1 });
			expect(error).toBeUndefined();
			expect(items).toEqual(paired(entry.simplified));
		});

		it('version 1.1, Simplify off: the raw reply', async () => {
			stub('GET', entry.path, [{ body: entry.reply }]);
			const { items, error } = await runGigrove({ ...entry.parameters, simple: false }, [{}], {
				typeVersion: 1.1,
			});
			expect(error).toBeUndefined();
			expect(items).toEqual(paired(entry.raw));
		});

		it('version 1 (saved workflows): the raw reply, as before', async () => {
			stub('GET', entry.path, [{ body: entry.reply }]);
			const { items, error } = await runGigrove(entry.parameters, [{}]);
			expect(error).toBeUndefined();
			expect(items).toEqual(paired(entry.raw));
		});
	});

	it('reads Simplify per item, each output paired to its item', async () => {
		stub('GET', /^\/api\/request\/v1\/orders\/\d+$/, [{ body: order(1) }, { body: order(2) }]);
		const { items, error } = await runGigrove(
			{
				resource: 'order',
				operation: 'get',
				orderId: '={{ $json.id }}',
				simple: '={{ $json.simple }}',
				options: { requestsAtOnce: 1 },
			},
			[
				{ id: 1, simple: true },
				{ id: 2, simple: false },
			],
			{ typeVersion: 1.1 },
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: simpleOrder(1), pairedItem: { item: 0 } },
			{ json: order(2), pairedItem: { item: 1 } },
		]);
	});
});

describe('Gigrove › Simplify in the editor', () => {
	// n8n's own reading of displayOptions (`@version` with `_cnd: { gte }`), as the editor and the
	// engine fill a node's parameters
	const description = nodeTypes[`${PACKAGE_NAME}.gigrove`].description;
	const shown = (typeVersion: number) =>
		NodeHelpers.getNodeParameters(
			description.properties,
			{ resource: 'order', operation: 'get' },
			true,
			false,
			{ typeVersion, parameters: {} } as unknown as INode,
			description,
		);

	it('new nodes are version 1.1 and show Simplify, on', () => {
		expect(description.defaultVersion).toBe(1.1);
		expect(shown(1.1)).toMatchObject({ simple: true });
	});

	it('version-1 nodes do not show it', () => {
		expect(shown(1)).not.toHaveProperty('simple');
	});

	// n8n registers the node again as `gigroveTool` for AI agents (`@tool` in displayOptions)
	const shownAsTool = (parameters: INodeParameters) =>
		NodeHelpers.getNodeParameters(
			description.properties,
			{ resource: 'order', operation: 'get', ...parameters },
			true,
			false,
			{ typeVersion: 1.1, parameters: {} } as unknown as INode,
			{ ...description, name: 'gigroveTool' },
		);

	it('as an AI agent tool, Output (Simplified) takes the place of Simplify', () => {
		const parameters = shownAsTool({});
		expect(parameters).toMatchObject({ output: 'simple' });
		expect(parameters).not.toHaveProperty('simple');
		expect(parameters).not.toHaveProperty('outputFields');
		expect(shown(1.1)).not.toHaveProperty('output');
	});

	it('Output › Selected Fields shows Fields', () => {
		expect(shownAsTool({ output: 'fields' })).toMatchObject({ output: 'fields', outputFields: '' });
	});
});

describe('Gigrove › Output, as an AI agent tool', () => {
	it('Selected Fields keeps the named fields, nested ones too', async () => {
		stub('GET', `${API}/orders/5694447`, [{ body: order(5694447) }]);
		const { items, error } = await runGigrove(
			{
				resource: 'order',
				operation: 'get',
				orderId: '5694447',
				output: 'fields',
				outputFields: 'id,status , billing.email, line_items[].name',
			},
			[{}],
			{ type: 'gigroveTool', typeVersion: 1.1 },
		);
		expect(error).toBeUndefined();
		expect(items).toEqual(
			paired([
				{
					id: 5694447,
					status: 'processing',
					billing: { email: 'ada@example.com' },
					line_items: [{ name: 'Linen Shirt' }],
				},
			]),
		);
	});
});
