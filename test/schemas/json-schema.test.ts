import { inferSchema, mergeSchemas, schemaProblems } from './json-schema';

describe('output schema inference and check', () => {
	it('infers types, properties and the items of lists, uniting what several records hold', () => {
		const schema = mergeSchemas([
			inferSchema({ id: 1, name: 'Ring', tags: [{ id: 4 }, { id: 5, slug: 'gold' }], note: null }),
			inferSchema({ id: 2.5, note: 'gift', tags: [] }),
		]);
		expect(schema).toEqual({
			type: 'object',
			properties: {
				id: { type: 'number' },
				name: { type: 'string' },
				note: { type: ['null', 'string'] },
				tags: {
					type: 'array',
					items: {
						type: 'object',
						properties: { id: { type: 'number' }, slug: { type: 'string' } },
					},
				},
			},
		});
	});

	it('names each value that does not fit: a wrong type, a field the schema does not list, inside lists too', () => {
		const schema = mergeSchemas([inferSchema({ id: 1, note: null, tags: [{ id: 4 }] })]);
		expect(schemaProblems({ id: 7, tags: [{ id: 5 }] }, schema)).toEqual([]);
		expect(
			schemaProblems({ id: '7', note: 'x', tags: [{ id: 5, slug: 'gold' }], extra: true }, schema),
		).toEqual([
			'$.id: string, the schema says number',
			'$.note: string, the schema says null',
			'$.tags[0].slug: not in the schema',
			'$.extra: not in the schema',
		]);
	});
});
