import { simplify } from '../../nodes/shared/simplify';

describe('simplify (Simplify’s few fields)', () => {
	it('keeps the listed fields with their names and nesting, and leaves out the ones the reply lacks', () => {
		const reply = {
			id: 7,
			note: 'x',
			billing: { first_name: 'Ada', email: 'ada@example.com', phone: '555' },
			line_items: [
				{ name: 'Shirt', quantity: 2, sku: 'S' },
				{ name: 'Hat', sku: 'H' },
			],
		};
		const kept = simplify(reply, [
			'id',
			'total',
			'billing.email',
			'billing.last_name',
			'line_items[].name',
			'line_items[].quantity',
		]);
		expect(kept).toEqual({
			id: 7,
			billing: { email: 'ada@example.com' },
			line_items: [{ name: 'Shirt', quantity: 2 }, { name: 'Hat' }],
		});
		expect(Object.keys(kept)).toEqual(['id', 'billing', 'line_items']);
	});

	it('keeps a field whole when it is not the object or list the path expects: nothing is lost', () => {
		const reply = {
			billing: 'none',
			categories: { name: 'one' },
			tags: ['a', { name: 'b', id: 2 }],
		};
		expect(simplify(reply, ['billing.email', 'categories[].name', 'tags[].name'])).toEqual({
			billing: 'none',
			categories: { name: 'one' },
			tags: ['a', { name: 'b' }],
		});
	});

	it('leaves the reply as it was', () => {
		const reply = { id: 1, billing: { email: 'a@b.c', phone: '1' } };
		simplify(reply, ['billing.email']);
		expect(reply).toEqual({ id: 1, billing: { email: 'a@b.c', phone: '1' } });
	});
});
