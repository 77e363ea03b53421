/**
 * Every "… Per Request" field of the package goes through one checked reader
 * (nodes/shared/batch.ts readBatchSize): a value that is not a whole number within the field's
 * own bounds, typed or from an expression, stops the run before any request with an error naming
 * the field and the item. Through the real engine; nock has no interceptor, so a request would
 * fail with a network error instead.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import { credentials as grCredentials, order, orderFields } from '../guaranteed-reviews/fixtures';
import { credentials as valigaraCredentials } from '../valigara/fixtures';
import { credentials as vanillaCredentials, productFields } from '../vanilla-eshop/fixtures';

interface Field {
	title: string;
	type: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	/** where the option sits in `options` */
	option: string;
	label: string;
	max: number;
	input: IDataObject[];
	/** the item whose value is read (the bulk operations read their one value at item 0) */
	itemIndex: number;
}

const FIELDS: Field[] = [
	{
		title: 'Guaranteed Reviews › Order › Send',
		type: 'guaranteedReviews',
		credentials: grCredentials,
		parameters: orderFields,
		option: 'batchSize',
		label: 'Orders Per Request',
		max: 1000,
		input: [order(0), order(1)],
		itemIndex: 0,
	},
	{
		title: 'Vanilla eShop › Product › Create or Update Many',
		type: 'vanillaEshop',
		credentials: vanillaCredentials,
		parameters: {
			resource: 'product',
			operation: 'createOrUpdateMany',
			...productFields,
			sku: '={{ $json.sku }}',
		},
		option: 'batchSize',
		label: 'Products Per Request',
		max: 10,
		input: [{ sku: 'P-0' }, { sku: 'P-1' }],
		itemIndex: 0,
	},
	{
		title: 'Vanilla eShop › Price › Add Many',
		type: 'vanillaEshop',
		credentials: vanillaCredentials,
		parameters: {
			resource: 'price',
			operation: 'addMany',
			entity_id: '77',
			price: 10,
			date_start: '2026-12-01',
			date_end: '2026-12-31',
		},
		option: 'batchSize',
		label: 'Prices Per Request',
		max: 10,
		input: [{}, {}],
		itemIndex: 0,
	},
	{
		title: 'Valigara › Product › Export Many',
		type: 'valigara',
		credentials: valigaraCredentials,
		parameters: { resource: 'product', operation: 'exportMany', productIds: '1,2,3' },
		option: 'exportBatchSize',
		label: 'Products Per Request',
		max: 1000,
		// read per item: the value comes from the item's own expression
		input: [{}],
		itemIndex: 0,
	},
];

// value from an expression → what the message says was received
const BAD: Array<[string, unknown, string]> = [
	['a fraction', 2.5, '2.5'],
	['zero', 0, '0'],
	['a negative number', -3, '-3'],
	['text', 'abc', 'text ("abc")'],
	['a number written as text', '3', 'text ("3")'],
	['a boolean', true, 'a boolean (true)'],
	['a list', [3], 'a list'],
	['an object', { size: 3 }, 'an object'],
	['null', null, 'nothing'],
	['Infinity', Infinity, 'Infinity'],
];

describe.each(FIELDS)('$title › "$label"', (field) => {
	afterEach(() => nock.cleanAll());

	const run = (value: unknown, input = field.input) =>
		runNode(
			{
				type: field.type,
				credentials: field.credentials,
				parameters: { ...field.parameters, options: { [field.option]: '={{ $json.size }}' } },
			},
			input.map((json) => ({ ...json, size: value as IDataObject[string] })),
		);

	it.each(BAD)(
		'refuses %s before any request, naming the field and the item',
		async (_name, value, received) => {
			const { error, items } = await run(value);
			expect(items).toEqual([]);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(
				`"${field.label}" must be a whole number from 1 to ${field.max}, not ${received} [item ${field.itemIndex}]`,
			);
			expect(nock.pendingMocks()).toEqual([]);
		},
	);

	it('refuses a value above the field’s maximum (typed values are bounded by the editor; expressions are not)', async () => {
		const { error } = await run(field.max + 1);
		expect(error?.message).toBe(
			`"${field.label}" must be a whole number from 1 to ${field.max}, not ${field.max + 1} [item ${field.itemIndex}]`,
		);
	});
});

it('Valigara › Product › Search › "Products Per Request" is read through the same reader', async () => {
	// the search goes out first; the batch size is read only when full records are asked for
	nock('https://api.valigara.com')
		.post('/client/V1/')
		.query(true)
		.reply(200, { status: 100, data: [1, 2, 3] });
	const { error } = await runNode(
		{
			type: 'valigara',
			credentials: valigaraCredentials,
			parameters: {
				resource: 'product',
				operation: 'search',
				returnAll: true,
				options: { returnFullRecords: true, wholeReplies: true, exportBatchSize: '={{ 1.5 }}' },
			},
		},
		[{}],
	);
	expect(error?.message).toBe(
		'"Products Per Request" must be a whole number from 1 to 1000, not 1.5 [item 0]',
	);
	expect(nock.pendingMocks()).toEqual([]);
});

it('Valigara › Product › Export Many reads the value per item: the error names the item whose value is bad', async () => {
	const scope = nock('https://api.valigara.com')
		.post('/client/V1/')
		.query(true)
		.reply(200, { status: 100, data: [{ product_id: 1 }] });
	const { error, items } = await runNode(
		{
			type: 'valigara',
			credentials: valigaraCredentials,
			parameters: {
				resource: 'product',
				operation: 'exportMany',
				productIds: '1',
				options: { exportBatchSize: '={{ $json.size }}' },
			},
			onError: 'continue',
		},
		[{ size: 2 }, { size: 'x' }],
	);
	expect(error).toBeUndefined();
	scope.done();
	expect(items.map((item) => [item.pairedItem, item.json.error ?? item.json.product_id])).toEqual([
		[{ item: 0 }, 1],
		[
			{ item: 1 },
			'"Products Per Request" must be a whole number from 1 to 1000, not text ("x") [item 1]',
		],
	]);
});
