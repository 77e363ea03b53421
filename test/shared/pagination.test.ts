import { collectCursor, collectPages } from '../../nodes/shared/pagination';

function pagedSource(total: number) {
	const calls: Array<[number, number]> = [];
	const fetch = async (page: number, size: number) => {
		calls.push([page, size]);
		const start = (page - 1) * size;
		return { items: Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i) };
	};
	return { calls, fetch };
}

describe('collectPages', () => {
	it('Return All pages at the largest size until a short page', async () => {
		const source = pagedSource(250);
		const items = await collectPages({ returnAll: true, limit: Infinity }, 100, source.fetch);
		expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(source.calls).toEqual([[1, 100], [2, 100], [3, 100]]);
	});

	it('asks one more page when the last one is exactly full, and stops on the empty one', async () => {
		const source = pagedSource(200);
		expect(await collectPages({ returnAll: true, limit: Infinity }, 100, source.fetch)).toHaveLength(200);
		expect(source.calls).toHaveLength(3);
	});

	it('Limit keeps one page size for every page (offsets stay right) and stops at the limit', async () => {
		const source = pagedSource(1000);
		const items = await collectPages({ returnAll: false, limit: 25 }, 10, source.fetch);
		expect(items).toEqual(Array.from({ length: 25 }, (_, i) => i));
		expect(source.calls).toEqual([[1, 10], [2, 10], [3, 10]]);
	});

	it('Limit inside the first page asks only that many', async () => {
		const source = pagedSource(1000);
		expect(await collectPages({ returnAll: false, limit: 5 }, 100, source.fetch)).toEqual([0, 1, 2, 3, 4]);
		expect(source.calls).toEqual([[1, 5]]);
	});

	it('trusts hasMore over the page length when the service tells', async () => {
		const pages = [[1, 2], [3], [4]];
		const calls: number[] = [];
		const items = await collectPages({ returnAll: true, limit: Infinity }, 2, async (page) => {
			calls.push(page);
			return { items: pages[page - 1], hasMore: page < 3 };
		});
		expect(items).toEqual([1, 2, 3, 4]);
		expect(calls).toEqual([1, 2, 3]);
	});
});

describe('collectCursor', () => {
	it('follows the cursor until there is none, and stops at the limit', async () => {
		const pages: Record<string, { items: number[]; next?: string }> = {
			start: { items: [1, 2], next: 'b' },
			b: { items: [3, 4], next: 'c' },
			c: { items: [5] },
		};
		const fetch = async (cursor?: string) => pages[cursor ?? 'start'];
		expect(await collectCursor({ returnAll: true, limit: Infinity }, fetch)).toEqual([1, 2, 3, 4, 5]);
		expect(await collectCursor({ returnAll: false, limit: 3 }, fetch)).toEqual([1, 2, 3]);
	});

	it('stops when the service repeats the same cursor', async () => {
		let calls = 0;
		const items = await collectCursor({ returnAll: true, limit: Infinity }, async () => (calls++, { items: [calls], next: 'same' }));
		expect(items).toEqual([1, 2]);
	});
});
