import type { INode, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	LIMITS,
	NOT_FINITE,
	compact,
	decimalNumber,
	emailAddress,
	finiteNumber,
	isRecord,
	isWellFormed,
	labelsAt,
	labelsByApiPath,
	labelsOf,
	numericId,
	oneOf,
	optionalText,
	optionsOf,
	requiredId,
	requiredText,
	validate,
	wholeNumber,
} from '../../nodes/shared/validation';

const node: INode = {
	id: '1',
	name: 'Node',
	type: 'x',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('validate', () => {
	const schema = z.object({
		id: requiredId(),
		email: z.string().email('must be a valid email address'),
		products: z.array(z.object({ qty: z.number().int().min(1, 'must be at least 1') })),
	});
	const labels = { id: 'Order ID', email: 'Email', 'products.*.qty': 'Products › Quantity' };

	it('returns the parsed value (IDs trimmed, numbers as text)', () => {
		expect(validate(node, schema, { id: 12, email: 'a@b.co', products: [] }, 0, labels)).toEqual({
			id: '12',
			email: 'a@b.co',
			products: [],
		});
	});

	it('names the field, its position in a list, and the item; lists every problem in the description', () => {
		let thrown:
			| { message: string; description?: string; context: { itemIndex?: number } }
			| undefined;
		try {
			validate(
				node,
				schema,
				{ id: ' ', email: 'nope', products: [{ qty: 1 }, { qty: 0 }] },
				3,
				labels,
			);
		} catch (error) {
			thrown = error as typeof thrown;
		}
		expect(thrown?.message).toBe('Invalid input: "Order ID" must not be empty [item 3]');
		expect(thrown?.description).toBe(
			[
				'"Order ID" must not be empty',
				'"Email" must be a valid email address',
				'"Products › Quantity (#2)" must be at least 1',
			].join('\n'),
		);
		expect(thrown?.context.itemIndex).toBe(3);
	});

	it('keeps a schema’s own message for whole numbers', () => {
		const quantity = z.object({ qty: z.number().int('must be a whole number') });
		expect(() => validate(node, quantity, { qty: 1.5 }, 0, { qty: 'Quantity' })).toThrow(
			'"Quantity" must be a whole number',
		);
	});

	it('says "is required" for a missing field and names wrong types', () => {
		expect(() => validate(node, schema, { email: 'a@b.co', products: [] }, 0, labels)).toThrow(
			'"Order ID" is required',
		);
		expect(() =>
			validate(node, schema, { id: '1', email: 'a@b.co', products: 'x' }, 0, labels),
		).toThrow('"products" must be an array, not a string');
	});
});

describe('requiredId and requiredText', () => {
	const schema = z.object({ id: requiredId(), tracking: requiredText() });
	const labels = { id: 'Order ID', tracking: 'Tracking Number' };

	it('take text or a number, trimmed', () => {
		expect(validate(node, schema, { id: 12, tracking: ' 1Z999 ' }, 0, labels)).toEqual({
			id: '12',
			tracking: '1Z999',
		});
	});

	it.each([
		[{ id: 'x' }, 'an object'],
		[['x'], 'a list'],
		[true, 'a boolean (true)'],
	])(
		'refuse %p by its type instead of sending its String() ("[object Object]", "true")',
		(value, type) => {
			expect(() => validate(node, schema, { id: value, tracking: '1Z' }, 2, labels)).toThrow(
				`Invalid input: "Order ID" must be text or a number, not ${type} [item 2]`,
			);
			expect(() => validate(node, schema, { id: '7', tracking: value }, 2, labels)).toThrow(
				`Invalid input: "Tracking Number" must be text, not ${type} [item 2]`,
			);
		},
	);
});

describe('input limits (LIMITS)', () => {
	const schema = z.object({ id: requiredId(), email: emailAddress() });
	const labels = { id: 'Order ID', email: 'Email' };
	const local = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;

	it('take an ID and an email address up to the limit', () => {
		const value = { id: 'x'.repeat(LIMITS.id), email: local(LIMITS.email) };
		expect(validate(node, schema, value, 0, labels)).toEqual(value);
	});

	it('refuse a longer ID, naming field, limit, length and item', () => {
		expect(() =>
			validate(node, schema, { id: 'x'.repeat(1 << 20), email: 'a@b.co' }, 4, labels),
		).toThrow(`Invalid input: "Order ID" must be at most 255 characters, not ${1 << 20} [item 4]`);
	});

	it('refuse a longer email address (RFC 5321: 254)', () => {
		expect(() =>
			validate(node, schema, { id: '1', email: local(LIMITS.email + 1) }, 4, labels),
		).toThrow('Invalid input: "Email" must be at most 254 characters, not 255 [item 4]');
	});
});

describe('well-formed text in IDs', () => {
	it.each([
		['a lone high surrogate', 'A1\uD800', false],
		['a lone low surrogate', '\uDC8DA1', false],
		['an emoji (a whole pair)', 'A1💍', true],
		['Arabic with an RTL mark', 'خاتم\u200F', true],
	])('%s: %p', (_name, text, wellFormed) => {
		expect(isWellFormed(text)).toBe(wellFormed);
	});

	it('refuses an ID with half an emoji before it reaches a URL ("URI malformed")', () => {
		const schema = z.object({ id: requiredId() });
		expect(() => validate(node, schema, { id: '💍'.slice(0, 1) }, 5, { id: 'Product ID' })).toThrow(
			'Invalid input: "Product ID" holds a broken character (half of an emoji or symbol, as a cut or a bad copy leaves it) [item 5]',
		);
		expect(validate(node, schema, { id: 'RING-💍' }, 5, { id: 'Product ID' })).toEqual({
			id: 'RING-💍',
		});
	});
});

describe('finiteNumber', () => {
	const schema = z.object({ price: finiteNumber().min(0, 'must be 0 or more') });

	it.each([[Infinity], [-Infinity]])('refuses %p, which JSON would send as null', (value) => {
		expect(JSON.stringify({ price: value })).toBe('{"price":null}');
		expect(() => validate(node, schema, { price: value }, 1, { price: 'Price' })).toThrow(
			'Invalid input: "Price" must be a finite number (Infinity cannot be sent) [item 1]',
		);
	});

	it('refuses NaN by name', () => {
		expect(() => validate(node, schema, { price: Number.NaN }, 1, { price: 'Price' })).toThrow(
			'Invalid input: "Price" must be a number, not NaN [item 1]',
		);
	});

	it('keeps its other checks', () => {
		expect(validate(node, schema, { price: 45.5 }, 0, { price: 'Price' })).toEqual({ price: 45.5 });
		expect(() => validate(node, schema, { price: -1 }, 0, { price: 'Price' })).toThrow(
			'"Price" must be 0 or more',
		);
	});
});

describe('the shared vocabulary', () => {
	const check = (schema: z.ZodTypeAny, value: unknown) => {
		try {
			return validate(node, z.object({ field: schema }), { field: value }, 0, { field: 'Field' })
				.field as unknown;
		} catch (error) {
			return (error as Error).message;
		}
	};

	it('compact drops what was left empty and keeps false and 0', () => {
		expect(compact({ a: '', b: undefined, c: null, d: 0, e: false, f: 'x' })).toEqual({
			d: 0,
			e: false,
			f: 'x',
		});
	});

	it('isRecord is true for an object only', () => {
		expect([{}, [], null, 'x', 1].map(isRecord)).toEqual([true, false, false, false, false]);
	});

	it('optionalText keeps text as written, sends a number as text, names any other type', () => {
		expect(check(optionalText(), ' a note ')).toBe(' a note ');
		expect(check(optionalText(), 12)).toBe('12');
		expect(check(optionalText(), undefined)).toBeUndefined();
		expect(check(optionalText(), true)).toBe(
			'Invalid input: "Field" must be text, not a boolean (true) [item 0]',
		);
	});

	it('wholeNumber refuses fractions, bounds and other types; reads digits only when asked', () => {
		expect(check(wholeNumber({ min: 1 }), 3)).toBe(3);
		expect(check(wholeNumber(), 1.5)).toBe(
			'Invalid input: "Field" must be a whole number [item 0]',
		);
		expect(check(wholeNumber({ min: 1 }), 0)).toBe(
			'Invalid input: "Field" must be 1 or more [item 0]',
		);
		expect(check(wholeNumber({ max: 9 }), 10)).toBe(
			'Invalid input: "Field" must be 9 or less [item 0]',
		);
		expect(check(wholeNumber(), Infinity)).toBe(`Invalid input: "Field" ${NOT_FINITE} [item 0]`);
		expect(check(wholeNumber(), '5')).toBe(
			'Invalid input: "Field" must be a whole number, not text ("5") [item 0]',
		);
		expect(check(wholeNumber({ fromText: true }), ' 5 ')).toBe(5);
		expect(check(wholeNumber({ fromText: true }), '5a')).toBe(
			'Invalid input: "Field" must be a whole number, not text ("5a") [item 0]',
		);
		expect(check(wholeNumber({ fromText: true }), [12])).toBe(
			'Invalid input: "Field" must be a whole number, not a list [item 0]',
		);
	});

	it('numericId takes digits as text or a number, nothing else', () => {
		expect(check(numericId(), 42)).toBe('42');
		expect(check(numericId(), 'A-1')).toBe(
			'Invalid input: "Field" must be a whole number (the ID shown in the store) [item 0]',
		);
	});

	it('oneOf takes the values of an options list and lists them when refused, with the name the editor shows where it differs', () => {
		const list = [
			{ name: 'Draft', value: 'draft' },
			{ name: 'Published', value: 'publish' },
		];
		expect(check(oneOf(list), 'publish')).toBe('publish');
		expect(check(oneOf(list), 'live')).toBe(
			'Invalid input: "Field" must be one of draft, publish (Published) [item 0]',
		);
	});

	it('labelsOf reads labels from the properties, inside collections and fixed collections', () => {
		const properties: INodeProperties[] = [
			{ displayName: 'Order ID', name: 'orderId', type: 'string', default: '' },
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Note', name: 'note', type: 'string', default: '' }],
			},
			{
				displayName: 'Products',
				name: 'products',
				type: 'fixedCollection',
				default: {},
				options: [
					{
						displayName: 'Product',
						name: 'product',
						values: [{ displayName: 'Quantity', name: 'qty', type: 'number', default: 1 }],
					},
				],
			},
			{ displayName: 'Order ID (shown later)', name: 'orderId', type: 'string', default: '' },
		];
		expect(labelsOf(properties)).toEqual({
			orderId: 'Order ID',
			additionalFields: 'Additional Fields',
			'additionalFields.note': 'Additional Fields › Note',
			products: 'Products',
			'products.product.qty': 'Products › Quantity',
		});
	});

	it('labelsByApiPath moves the labels to the paths the request uses (Valigara)', () => {
		const properties: INodeProperties[] = [
			{ displayName: 'Product IDs', name: 'productIds', type: 'string', default: '' },
			{
				displayName: 'Product Fields',
				name: 'productFields',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 1 }],
			},
			{
				displayName: 'Metals',
				name: 'metals',
				type: 'fixedCollection',
				default: {},
				options: [
					{
						displayName: 'Metal',
						name: 'metal',
						values: [{ displayName: 'Name', name: 'name', type: 'string', default: '' }],
					},
				],
			},
		];
		const labels = labelsByApiPath(properties, {
			'': 'productFields',
			'metals.*': 'metals.metal',
			product_id: 'productIds',
			'product_id.*': 'productIds',
		});
		expect(labels).toMatchObject({
			'': 'Product Fields',
			quantity: 'Product Fields › Quantity',
			'metals.*': 'Metals',
			'metals.*.name': 'Metals › Name',
			product_id: 'Product IDs',
			'product_id.*': 'Product IDs',
		});
		const schema = z.object({
			quantity: z.number(),
			metals: z.array(z.object({ name: z.string().min(1, 'must not be empty') })),
		});
		expect(() =>
			validate(node, schema, { quantity: 1, metals: [{ name: '' }] }, 0, labels),
		).toThrow('Invalid input: "Metals › Name (#1)" must not be empty [item 0]');
	});

	it('labelsAt labels a request’s paths from the parameter paths they are read from, and what lies under them (a fixed collection’s row by its collection)', () => {
		const labels = {
			categoryIds: 'Category IDs',
			'imagesUi.imagesValues.src': 'Images › Source URL',
			imagesUi: 'Images',
			productJson: 'Product JSON',
		};
		expect(
			labelsAt(labels, {
				categories: 'categoryIds',
				'categories.*': 'categoryIds',
				'images.*': 'imagesUi.imagesValues',
				'': 'productJson',
			}),
		).toEqual({
			categories: 'Category IDs',
			'categories.*': 'Category IDs',
			'images.*': 'Images',
			'images.*.src': 'Images › Source URL',
			'': 'Product JSON',
		});
		// end to end: a list entry's problem is named by the field's label and its position
		const schema = z.object({
			images: z.array(z.object({ src: z.string().url('must be a URL') })),
		});
		expect(() =>
			validate(
				node,
				schema,
				{ images: [{ src: 'x' }] },
				0,
				labelsAt(labels, { 'images.*': 'imagesUi.imagesValues' }),
			),
		).toThrow('Invalid input: "Images › Source URL (#1)" must be a URL [item 0]');
	});

	it('optionsOf gives a field’s options list, for oneOf, and refuses a field without one', () => {
		const fields: INodeProperties[] = [
			{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [{ name: 'Draft', value: 'draft' }],
				default: 'draft',
			},
		];
		expect(optionsOf(fields, 'status')).toEqual([{ name: 'Draft', value: 'draft' }]);
		expect(() => optionsOf(fields, 'sku')).toThrow('No field "sku" with options');
	});
});

describe('decimalNumber', () => {
	const price = (schema: z.ZodTypeAny, value: unknown) =>
		validate(node, z.object({ price: schema }), { price: value }, 1, { price: 'Unit Price' })
			.price as unknown;

	it('takes a number with a fraction, and a number written as text when asked', () => {
		expect(price(decimalNumber({ min: 0 }), 25.9)).toBe(25.9);
		expect(price(decimalNumber({ fromText: true }), ' 25.90 ')).toBe(25.9);
		expect(price(decimalNumber({ fromText: true }), '-3')).toBe(-3);
	});

	it.each([
		['25.90', {}, 'must be a number, not text ("25.90")'],
		['25,90', { fromText: true }, 'must be a number, not text ("25,90")'],
		['', { fromText: true }, 'must be a number, not text ("")'],
		[false, { fromText: true }, 'must be a number, not a boolean (false)'],
		[[25.9], { fromText: true }, 'must be a number, not a list'],
		[{ amount: 5 }, { fromText: true }, 'must be a number, not an object'],
		[Number.NaN, {}, 'must be a number, not NaN'],
		[Infinity, {}, NOT_FINITE],
		[-0.5, { min: 0 }, 'must be 0 or more'],
		[10.5, { max: 10 }, 'must be 10 or less'],
	])('refuses %p (with %p), naming what it got', (value, options, problem) => {
		expect(() => price(decimalNumber(options), value)).toThrow(
			`Invalid input: "Unit Price" ${problem} [item 1]`,
		);
	});
});
