/**
 * readPages, the one reader of page-numbered lists, against lists as real services serve them:
 * pages capped below what was asked (without saying so), totals sent or not, page sizes ignored,
 * and records arriving at the top or leaving while the list is read. Unit cases first, then a
 * property over random services and histories: every record that is in the list for the whole
 * read comes out exactly once, and nothing comes out twice.
 */
import fc from 'fast-check';

import { nextPage, readPages } from '../../nodes/shared/pagination';
import type { Page } from '../../nodes/shared/pagination';

// 100 random histories by default, 1 000 in CI (RELIABILITY_RUNS in .ci/run), as the other property suites.
const RUNS = Number(process.env.RELIABILITY_RUNS ?? 100);

interface ServiceShape {
	/** the most a reply holds, whatever was asked */
	cap?: number;
	/** clamp: offsets in the served size; truncate: offsets in the asked size, the reply cut */
	capMode?: 'clamp' | 'truncate';
	/** pages of this size whatever was asked */
	fixedSize?: number;
	/** send the list's length (X-WP-Total) */
	total?: boolean;
}

/** Records (numbers, newest first) served page by page; `before(request)` may change the list. */
function service(
	count: number,
	shape: ServiceShape = {},
	before?: (request: number, list: number[], start: number) => void,
) {
	const list = Array.from({ length: count }, (_, i) => count - i);
	const calls: Array<[number, number]> = [];
	const fetchPage = async (page: number, perPage: number): Promise<Page<number>> => {
		calls.push([page, perPage]);
		const asked = shape.fixedSize ?? perPage;
		// a proxy cutting a service's own fixed pages would hide records from any client: not modelled
		const truncates = shape.capMode === 'truncate' && shape.fixedSize === undefined;
		const served = shape.cap !== undefined && !truncates ? Math.min(asked, shape.cap) : asked;
		const start = (page - 1) * served;
		before?.(calls.length, list, start);
		let items = list.slice(start, start + served);
		if (shape.cap !== undefined) items = items.slice(0, shape.cap);
		return { items, total: shape.total ? list.length : undefined };
	};
	return { list, calls, fetchPage };
}

const all = { returnAll: true, limit: Infinity };
const read = (source: ReturnType<typeof service>, scope = all) =>
	readPages(scope, { maxPerPage: 100, key: String, fetchPage: source.fetchPage });

describe('nextPage', () => {
	it('starts one record before the end, at the size reaching furthest', () => {
		expect(nextPage(0, 1, 100)).toEqual({ page: 1, perPage: 100, overlaps: true });
		expect(nextPage(100, 1, 100)).toEqual({ page: 2, perPage: 99, overlaps: true });
	});

	it('each page holds 50 to 100, starts at least `overlap` records before the end, and reaches past it by 50 or more', () => {
		const problems: string[] = [];
		for (let end = 100; end <= 20_000; end++) {
			for (const overlap of [1, 3, 64]) {
				const { page, perPage } = nextPage(end, overlap, 100);
				const start = (page - 1) * perPage;
				// a page read again from higher up (a larger overlap) need not reach further
				const reach = overlap > 1 || start + perPage >= end + 50;
				const fine =
					perPage >= 50 && perPage <= 100 && (start === 0 || start <= end - overlap) && reach;
				if (!fine) problems.push(`end ${end}, overlap ${overlap}: ${perPage}×${page}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('goes back to the top when the list moved further than a page can overlap', () => {
		expect(nextPage(10, 16, 100)).toEqual({ page: 1, perPage: 100, overlaps: true });
	});

	it('with 1 or 2 records a page, reads on without an overlap', () => {
		expect(nextPage(4, 1, 1)).toEqual({ page: 5, perPage: 1, overlaps: false });
		expect(nextPage(4, 1, 2)).toEqual({ page: 3, perPage: 2, overlaps: false });
	});
});

describe('readPages', () => {
	it('Return All reads overlapping pages until a page shorter than a full one', async () => {
		const source = service(250);
		const { records, warning } = await read(source);
		expect(records).toEqual(source.list);
		expect(warning).toBeUndefined();
		expect(source.calls).toEqual([
			[1, 100],
			[2, 99],
			[3, 98],
		]);
	});

	it('a first page shorter than asked may be a cap: the next page tells (one more request)', async () => {
		const source = service(30);
		expect((await read(source)).records).toHaveLength(30);
		expect(source.calls).toEqual([
			[1, 100],
			[2, 29],
		]);
	});

	it('a service capping pages at 10 without saying so is read to the end', async () => {
		const source = service(95, { cap: 10 });
		expect((await read(source)).records).toEqual(source.list);
	});

	it('a proxy cutting replies to 10 (offsets in the asked size) is read to the end', async () => {
		const source = service(95, { cap: 10, capMode: 'truncate' });
		expect((await read(source)).records).toEqual(source.list);
	});

	it('the total ends the list without an extra request', async () => {
		const source = service(30, { total: true });
		expect((await read(source)).records).toHaveLength(30);
		expect(source.calls).toEqual([[1, 100]]);
	});

	it('Limit asks for no more than the limit, and stops at it', async () => {
		const source = service(1000);
		expect((await read(source, { returnAll: false, limit: 5 })).records).toEqual([
			1000, 999, 998, 997, 996,
		]);
		expect(source.calls).toEqual([[1, 5]]);
	});

	it('a record leaving the list above the page being read does not hide the next one', async () => {
		// before the 2nd request, the newest record leaves: every later one moves up one place
		const source = service(150, {}, (request, list) => request === 2 && list.splice(0, 1));
		const { records } = await read(source);
		expect(records).toEqual(expect.arrayContaining(source.list));
		expect(new Set(records).size).toBe(records.length);
	});

	it('records arriving at the top while reading come out once', async () => {
		let next = 1000;
		const source = service(
			250,
			{},
			(request, list) => request > 1 && list.unshift(next++, next++, next++),
		);
		const { records } = await read(source);
		expect(new Set(records).size).toBe(records.length);
		expect(records).toEqual(expect.arrayContaining(Array.from({ length: 250 }, (_, i) => i + 1)));
	});

	it('a service ignoring `page` (the same page again and again) ends the read with a warning', async () => {
		const fetchPage = async () => ({ items: [1, 2, 3, 4, 5] });
		const { records, warning } = await readPages(all, { maxPerPage: 5, key: String, fetchPage });
		expect(records).toEqual([1, 2, 3, 4, 5]);
		expect(warning).toMatch(/ignored the page asked for/);
	});

	it('stops at the first page reaching the end mark (a trigger’s cursor)', async () => {
		const source = service(1000);
		const { records } = await readPages(all, {
			maxPerPage: 100,
			key: String,
			fetchPage: source.fetchPage,
			reachedEnd: (page) => page.some((n) => n <= 850),
		});
		expect(source.calls).toHaveLength(2);
		expect(records).toContain(851);
	});
});

describe('readPages, property: nothing lost, nothing twice, whatever the service does', () => {
	const shapes = fc.record({
		count: fc.integer({ min: 0, max: 700 }),
		cap: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
		capMode: fc.constantFrom<'clamp' | 'truncate'>('clamp', 'truncate'),
		fixedSize: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
		total: fc.boolean(),
		// before some requests: records leave (from above the page asked for, or anywhere) or arrive at the top
		changes: fc.array(
			fc.record({
				request: fc.integer({ min: 1, max: 40 }),
				leave: fc.array(fc.nat(), { maxLength: 3 }),
				aboveOnly: fc.boolean(),
				arrive: fc.integer({ min: 0, max: 150 }),
			}),
			{ maxLength: 6 },
		),
		limit: fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
	});

	it('every record in the list for the whole read comes out exactly once', async () => {
		await fc.assert(
			fc.asyncProperty(shapes, async (shape) => {
				const left = new Set<number>();
				let next = 100_000;
				const source = service(shape.count, shape, (request, list, start) => {
					for (const change of shape.changes.filter((c) => c.request === request)) {
						for (const pick of change.leave) {
							const range = change.aboveOnly ? Math.min(start, list.length) : list.length;
							if (range === 0) continue;
							left.add(list.splice(pick % range, 1)[0]);
						}
						for (let i = 0; i < change.arrive; i++) list.unshift(next++);
					}
				});
				const original = [...source.list];
				const scope = shape.limit === undefined ? all : { returnAll: false, limit: shape.limit };
				const { records, warning } = await readPages(scope, {
					maxPerPage: 100,
					key: String,
					fetchPage: source.fetchPage,
				});
				expect(new Set(records).size).toBe(records.length);
				if (shape.limit !== undefined) {
					expect(records.length).toBeLessThanOrEqual(shape.limit);
					if (shape.changes.length === 0) expect(records).toEqual(original.slice(0, shape.limit));
					return;
				}
				// a warning only where pages cannot overlap (1 or 2 a page, or a size of its own) and the list changed
				const pageSize = Math.min(shape.cap ?? 100, shape.fixedSize ?? 100);
				if (warning) {
					expect((pageSize <= 2 || shape.fixedSize !== undefined) && shape.changes.length > 0).toBe(
						true,
					);
					return;
				}
				const stayed = original.filter((record) => !left.has(record));
				expect(records).toEqual(expect.arrayContaining(stayed));
			}),
			{ numRuns: RUNS },
		);
	});
});
