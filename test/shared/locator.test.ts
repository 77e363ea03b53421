import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
} from 'n8n-workflow';

import { idLocator, pageOfList, readLocatorValue } from '../../nodes/shared/locator';
import type { Locator } from '../../nodes/shared/locator';
import { TestCredentialsHelper } from '../kit/credentials-helper';
import { executeWorkflow } from '../kit/engine';

// A node holding two locators, run by n8n-core's engine: what n8n hands the node for each mode,
// and for the plain values saved before the field was a locator, read as the nodes read it and
// compared with n8n's own reading (`extractValue: true`).

const product: Locator = {
	name: 'productId',
	displayName: 'Product',
	noun: 'product',
	searchMethod: 'searchProducts',
	exampleId: '42',
	numeric: true,
	url: {
		regex: '(?:/products-manage/|[?&]p=)(\\d+)',
		example: 'https://shop.example/store-manager/products-manage/42/',
	},
};

const delivery: Locator = {
	name: 'deliveryId',
	displayName: 'Delivery',
	noun: 'delivery',
	searchMethod: 'searchDeliveries',
	exampleId: '55',
	numeric: false,
	idRegex: '\\s*\\d+(\\s*,\\s*\\d+)*\\s*',
};

const productField = idLocator(product);
const deliveryField = idLocator(delivery);
const variationField: INodeProperties = {
	displayName: 'Variation ID',
	name: 'variationId',
	type: 'string',
	default: '',
};

const probe: INodeType = {
	description: {
		displayName: 'Locator Probe',
		name: 'locatorProbe',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [productField, deliveryField, variationField],
	},
	async execute() {
		return [
			this.getInputData().map((_, itemIndex) => ({
				json: {
					id: readLocatorValue(this, productField, itemIndex) as string,
					n8n: this.getNodeParameter('productId', itemIndex, '', { extractValue: true }) as string,
					delivery: readLocatorValue(this, deliveryField, itemIndex) as string,
					variation: readLocatorValue(this, variationField, itemIndex) as string,
				},
				pairedItem: { item: itemIndex },
			})),
		];
	},
};

const nodeTypes: INodeTypes = {
	getByName: () => probe,
	getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(probe, version),
	getKnownTypes: () => ({}),
};

function probeNode(parameters: INodeParameters): INode {
	return {
		id: 'probe',
		name: 'Probe',
		type: 'test.locatorProbe',
		typeVersion: 1,
		position: [0, 0],
		parameters: { deliveryId: '55', variationId: '77', ...parameters },
	};
}

async function run(
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
): Promise<{ output: IDataObject[]; error?: string }> {
	const node = probeNode(parameters);
	const workflow = new Workflow({
		id: 'wf',
		name: 'wf',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const result: IRun = await executeWorkflow(workflow, node, input, new TestCredentialsHelper({}));
	const output = result.data.resultData.runData.Probe?.[0]?.data?.main?.[0] ?? [];
	return { output: output.map(({ json }) => json), error: result.data.resultData.error?.message };
}

const rl = (mode: string, value: unknown, extra: IDataObject = {}) =>
	({ __rl: true, mode, value, ...extra }) as INodeParameters[string];

describe('idLocator: the field', () => {
	it('is n8n’s resource locator: From List (searchable), By URL (the ID extracted), By ID (checked)', () => {
		expect(idLocator(product)).toEqual({
			displayName: 'Product',
			name: 'productId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: undefined,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select a product...',
					typeOptions: { searchListMethod: 'searchProducts', searchable: true },
				},
				{
					displayName: 'By URL',
					name: 'url',
					type: 'string',
					placeholder: 'https://shop.example/store-manager/products-manage/42/',
					validation: [
						{
							type: 'regex',
							properties: {
								regex: '.*(?:/products-manage/|[?&]p=)(\\d+).*',
								errorMessage: 'Not a product URL: the address must hold the product’s ID',
							},
						},
					],
					extractValue: { type: 'regex', regex: '(?:/products-manage/|[?&]p=)(\\d+)' },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 42',
					validation: [
						{
							type: 'regex',
							properties: { regex: '\\d+', errorMessage: 'Not a valid product ID' },
						},
					],
				},
			],
		});
	});

	it('has no By URL where the service has no page holding the ID', () => {
		expect(idLocator(delivery).modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
	});

	it('the editor flags what its checks refuse (n8n’s own parameter issues), never an expression', () => {
		const issues = (parameters: INodeParameters) =>
			NodeHelpers.getNodeParametersIssues(
				probe.description.properties,
				probeNode(parameters),
				probe.description,
			)?.parameters ?? {};

		expect(issues({ productId: rl('id', '42'), deliveryId: rl('id', ' 55, 56 ') })).toEqual({});
		expect(
			issues({ productId: rl('url', 'https://shop.example/?post_type=product&p=77') }),
		).toEqual({});
		expect(issues({ productId: rl('id', '={{ $json.id }}') })).toEqual({});
		expect(issues({ productId: rl('id', '42a'), deliveryId: rl('id', '55;56') })).toEqual({
			productId: ['Not a valid product ID'],
			deliveryId: ['Not a valid delivery ID'],
		});
		expect(issues({ productId: rl('url', 'https://shop.example/product/blue-mug/') })).toEqual({
			productId: ['Not a product URL: the address must hold the product’s ID'],
		});
		expect(issues({ productId: rl('list', '') })).toEqual({
			productId: ['Parameter "Product" is required.'],
		});
	});
});

describe('readLocatorValue: the value, in every mode, as n8n reads it', () => {
	it('From List gives the value picked', async () => {
		const { output } = await run({
			productId: rl('list', '5694268', { cachedResultName: 'Blue Mug (SKU MUG-1)' }),
		});
		expect(output).toEqual([{ id: '5694268', n8n: '5694268', delivery: '55', variation: '77' }]);
	});

	it('By ID from an expression, per item, as the expression gives it (the operation checks it)', async () => {
		const { output } = await run({ productId: rl('id', '={{ $json.id }}') }, [
			{ id: 42 },
			{ id: ' 43 ' },
		]);
		expect(output).toEqual([
			{ id: 42, n8n: 42, delivery: '55', variation: '77' },
			{ id: ' 43 ', n8n: ' 43 ', delivery: '55', variation: '77' },
		]);
	});

	it('By URL: the ID in the address, as n8n’s extractValue finds it', async () => {
		const { output } = await run({ productId: rl('url', '={{ $json.url }}') }, [
			{ url: 'https://shop.example/store-manager/products-manage/42/' },
			{ url: 'https://shop.example/?post_type=product&p=77' },
		]);
		expect(output).toEqual([
			{ id: '42', n8n: '42', delivery: '55', variation: '77' },
			{ id: '77', n8n: '77', delivery: '55', variation: '77' },
		]);
	});

	it('a plain value saved before the field was a locator (text, number, expression) is read as before', async () => {
		const text = await run({ productId: '5694268', deliveryId: '55,56' });
		const number = await run({ productId: 42 });
		const expression = await run({ productId: '={{ $json.id }}' }, [{ id: 7 }]);
		expect(text.output).toEqual([
			{ id: '5694268', n8n: '5694268', delivery: '55,56', variation: '77' },
		]);
		expect(number.output).toEqual([{ id: 42, n8n: 42, delivery: '55', variation: '77' }]);
		expect(expression.output).toEqual([{ id: 7, n8n: 7, delivery: '55', variation: '77' }]);
	});

	it('a plain field’s value is its own, even an object shaped like a locator’s (the operation refuses it)', async () => {
		const { output } = await run(
			{ productId: rl('list', '1'), variationId: '={{ $json.variation }}' },
			[{ variation: { mode: 'id', value: '77' } }],
		);
		expect(output.map(({ variation }) => variation)).toEqual([{ mode: 'id', value: '77' }]);
	});

	it('a URL without the ID is refused with the field and the item, before any request', async () => {
		const url = await run({ productId: rl('url', '={{ $json.url }}') }, [
			{ url: 'https://shop.example/?p=1' },
			{ url: 'https://shop.example/product/blue-mug/' },
		]);
		const notText = await run({ productId: rl('url', '={{ $json.url }}') }, [{ url: 42 }]);

		expect(url.error).toBe(
			'Invalid input: "Product" must be the URL of a product, with its ID (e.g. https://shop.example/store-manager/products-manage/42/) [item 1]',
		);
		expect(notText.error).toBe(
			'Invalid input: "Product" must be the URL of a product, with its ID (e.g. https://shop.example/store-manager/products-manage/42/) [item 0]',
		);
	});

	it('a typed value its mode refuses, or an empty field (old or new), stops the run before the node (n8n’s own check of the workflow)', async () => {
		await expect(run({ productId: rl('id', 'abc') })).rejects.toThrow(/has issues/);
		await expect(run({ productId: rl('list', '') })).rejects.toThrow(/has issues/);
		await expect(run({ productId: '' })).rejects.toThrow(/has issues/);
	});
});

describe('pageOfList (From List over a list held whole)', () => {
	const entries = Array.from({ length: 5 }, (_, n) => n);

	it('pages by offset, a token while entries are left, none after the last', () => {
		expect(pageOfList(entries, undefined, 2)).toEqual({ entries: [0, 1], paginationToken: '2' });
		expect(pageOfList(entries, '2', 2)).toEqual({ entries: [2, 3], paginationToken: '4' });
		expect(pageOfList(entries, '4', 2)).toEqual({ entries: [4] });
		expect(pageOfList(entries, undefined, 5)).toEqual({ entries });
	});

	it('a token that is no offset starts from the first entry', () => {
		for (const token of ['', 'abc', '-2', '1.5'])
			expect(pageOfList(entries, token, 2)).toEqual({ entries: [0, 1], paginationToken: '2' });
	});
});
