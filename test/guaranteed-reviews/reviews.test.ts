import nock from 'nock';

import { runNode } from '../kit/engine';
import { API_KEY, BASE, PUBLIC_KEY, credentials } from './fixtures';

const publicReviews = {
	ratings: { total: 3, average: 4.33, distribution: [0, 0, 1, 0, 2] },
	reviews: [
		{
			id: 3,
			c: 'Ada L.',
			r: 5,
			txt: 'Lovely',
			date: '2026-11-20 10:00',
			o: 77,
			odate: '2026-11-01',
			transl: 0,
			lang: 'en',
			extra: 'kept',
		},
		{
			id: 2,
			c: 'Bob M.',
			r: 5,
			txt: 'Great',
			date: '2026-11-19 09:00',
			reply: 'Thanks',
			rdate: '2026-11-19',
			transl: 1,
			lang: 'fr',
		},
		{ id: 1, c: 'Cy D.', r: 3, txt: 'OK', date: '2026-11-18 08:00', transl: 0, lang: 'en' },
	],
};

describe('Guaranteed Reviews › Review', () => {
	it('Get Many reads public shop reviews with the public key in the path and no private key anywhere', async () => {
		const scope = nock(BASE)
			.get(`/public/v3/reviews/${PUBLIC_KEY}/site`)
			.query((query) => Object.keys(query).length === 0)
			.reply(200, publicReviews);
		const { items, error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: {
				resource: 'review',
				operation: 'getMany',
				scope: 'site',
				returnAll: false,
				limit: 2,
			},
		});
		expect(error).toBeUndefined();
		scope.done();
		expect(items).toEqual([
			{
				json: {
					id: 3,
					customer: 'Ada L.',
					rating: 5,
					text: 'Lovely',
					date: '2026-11-20 10:00',
					orderId: 77,
					orderDate: '2026-11-01',
					translated: false,
					language: 'en',
					extra: 'kept',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					id: 2,
					customer: 'Bob M.',
					rating: 5,
					text: 'Great',
					date: '2026-11-19 09:00',
					reply: 'Thanks',
					replyDate: '2026-11-19',
					translated: true,
					language: 'fr',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('never sends the private key to public URLs, even when the base URL contains "/private/"', async () => {
		const base = 'https://proxy.example.com/private/gr';
		const scope = nock(base)
			.get(`/public/v3/reviews/${PUBLIC_KEY}/site`)
			.query((query) => Object.keys(query).length === 0)
			.reply(200, publicReviews);
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials: { guaranteedReviewsApi: { ...credentials.guaranteedReviewsApi, baseUrl: base } },
			parameters: { resource: 'review', operation: 'getMany', scope: 'site', returnAll: true },
		});
		expect(error).toBeUndefined();
		scope.done();
	});

	it('Get Many, Return All: a reply with fewer reviews than the service counts says so in a hint', async () => {
		const reviews = [1, 2, 3].map((id) => ({
			id,
			c: 'Ana B.',
			r: 5,
			txt: 'Great',
			date: '2026-11-01 10:00',
		}));
		nock(BASE)
			.get(`/public/v3/reviews/${PUBLIC_KEY}/site`)
			.reply(200, { ratings: { total: 1200, average: 4.8 }, reviews });
		nock(BASE)
			.get(`/public/v3/reviews/${PUBLIC_KEY}/site`)
			.reply(200, { ratings: { total: 3, average: 4.8 }, reviews });
		const parameters = { resource: 'review', operation: 'getMany', scope: 'site', returnAll: true };
		const cut = await runNode({ type: 'guaranteedReviews', credentials, parameters });
		expect(cut.items).toHaveLength(3);
		expect(cut.hints).toEqual([
			'Guaranteed Reviews sent 3 of the 1200 reviews it counts: the public API serves only the newest ones (up to 1 000), without further pages. Get Many (Private API) reads them all. [item 0]',
		]);
		const whole = await runNode({ type: 'guaranteedReviews', credentials, parameters });
		expect(whole.hints).toEqual([]);
	});

	it('Get Many of one product, all reviews, API field names kept, one run per input item', async () => {
		nock(BASE).get(`/public/v3/reviews/${PUBLIC_KEY}/100`).reply(200, publicReviews);
		nock(BASE).get(`/public/v3/reviews/${PUBLIC_KEY}/200`).reply(200, { ratings: {}, reviews: [] });
		const { items, error } = await runNode(
			{
				type: 'guaranteedReviews',
				credentials,
				parameters: {
					resource: 'review',
					operation: 'getMany',
					scope: 'product',
					productId: '={{ $json.product }}',
					returnAll: true,
					options: { rawFields: true },
				},
			},
			[{ product: 100 }, { product: 200 }],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(publicReviews.reviews);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('looks the public key up with the private key when the credential has none', async () => {
		nock(BASE)
			.get('/private/v3/stats')
			.query({ scope: 'site', include_public_key: 'true', api_key: API_KEY })
			.reply(200, { public_key: 'looked-up-key' })
			.get('/public/v3/reviews/looked-up-key/site')
			.reply(200, publicReviews);
		const { items, error } = await runNode({
			type: 'guaranteedReviews',
			credentials: { guaranteedReviewsApi: { ...credentials.guaranteedReviewsApi, publicKey: '' } },
			parameters: { resource: 'review', operation: 'getMany', scope: 'site', returnAll: true },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
	});

	it('looks the public key up once per run, not once per item', async () => {
		const stats = nock(BASE)
			.get('/private/v3/stats')
			.query({ scope: 'site', include_public_key: 'true', api_key: API_KEY })
			.times(3)
			.reply(200, { public_key: 'looked-up-key' });
		const reviews = nock(BASE)
			.get('/public/v3/reviews/looked-up-key/site')
			.times(3)
			.reply(200, publicReviews);
		const { items, error } = await runNode(
			{
				type: 'guaranteedReviews',
				credentials: {
					guaranteedReviewsApi: { ...credentials.guaranteedReviewsApi, publicKey: '' },
				},
				parameters: { resource: 'review', operation: 'getRatingSummary', scope: 'site' },
			},
			[{}, {}, {}],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(reviews.isDone()).toBe(true);
		expect(stats.pendingMocks()).toHaveLength(1); // 2 of the 3 allowed lookups left unused
		nock.cleanAll();
	});

	it('refuses an empty product ID before any request', async () => {
		const { error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: {
				resource: 'review',
				operation: 'getMany',
				scope: 'product',
				productId: '={{ "" }}',
				returnAll: true,
			},
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe('Invalid input: "Product ID" must not be empty [item 0]');
	});

	it('Get Rating Summary gives total, average and the count per score', async () => {
		nock(BASE).get(`/public/v3/reviews/${PUBLIC_KEY}/site`).reply(200, publicReviews);
		const { items } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: { resource: 'review', operation: 'getRatingSummary', scope: 'site' },
		});
		expect(items).toEqual([
			{
				json: {
					scope: 'site',
					total: 3,
					average: 4.33,
					distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 2 },
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Get Stats asks the private stats endpoint with the key in the query', async () => {
		const scope = nock(BASE)
			.get('/private/v3/stats')
			.query({ scope: '42', include_public_key: 'true', api_key: API_KEY })
			.reply(200, { public_key: PUBLIC_KEY, total: 12, average: 4.5 });
		const { items } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: {
				resource: 'review',
				operation: 'getStats',
				scope: 'product',
				productId: '42',
				includePublicKey: true,
			},
		});
		scope.done();
		expect(items).toEqual([
			{ json: { public_key: PUBLIC_KEY, total: 12, average: 4.5 }, pairedItem: { item: 0 } },
		]);
	});

	it('Get Many (Private API) pages until the last page the service announces, with the filters', async () => {
		const page = (n: number, ids: number[]) => ({
			reviews: ids.map((id) => ({ id, review_rating: 5 })),
			pagination: { total_results: 5, total_pages: 3, page: n },
		});
		const query = {
			api_key: API_KEY,
			review_type: 'product',
			product_id: '9',
			status: '1',
			update_from: '2026-11-01',
			sort: 'asc',
			limit: '2',
		};
		const asked: string[] = [];
		nock(BASE)
			.get('/private/v3/reviews')
			.query({ ...query, page: '1' })
			.reply(200, (uri) => (asked.push(uri), page(1, [1, 2])))
			.get('/private/v3/reviews')
			.query(true)
			.reply(200, (uri) => (asked.push(uri), page(2, [3, 4])));
		const { items, error } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: {
				resource: 'review',
				operation: 'getManyPrivate',
				reviewType: 'product',
				returnAll: false,
				limit: 2,
				filters: {
					product_id: '9',
					publishedOnly: true,
					update_from: '2026-11-01T00:00:00',
					oldestFirst: true,
				},
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([1, 2]);
		expect(asked).toHaveLength(1); // the limit was reached on page 1

		nock.cleanAll();
		// Return All against 5 reviews served by `limit` / `page`, with the pagination object: the
		// total ends the read
		const reviews = [1, 2, 3, 4, 5];
		const served: string[] = [];
		nock(BASE)
			.get('/private/v3/reviews')
			.query(true)
			.times(3)
			.reply(200, (uri) => {
				const search = new URL(uri, BASE).searchParams;
				const [n, limit] = [Number(search.get('page')), Number(search.get('limit'))];
				served.push(`${n}/${limit}`);
				// this service cuts every page to 3 reviews, whatever the limit asked
				const ids = reviews.slice((n - 1) * Math.min(limit, 3), n * Math.min(limit, 3));
				return {
					reviews: ids.map((id) => ({ id, review_rating: 5 })),
					pagination: { total_results: 5, total_pages: 2, page: n },
				};
			});
		const everything = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: {
				resource: 'review',
				operation: 'getManyPrivate',
				reviewType: 'site',
				returnAll: true,
			},
		});
		// asked 1 000, given 3: then pages of 3 or 2 that each start on a review already read
		expect(served).toEqual(['1/1000', '2/2', '2/3']);
		expect(everything.items.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);
	});

	it('Get Many (Private API) reads on past a page shorter than a full one when the service gives no page count', async () => {
		// 1 001 reviews served by `limit` / `page` (an offset), without the pagination object
		const reviews = Array.from({ length: 1001 }, (_, id) => ({ id }));
		const asked: string[] = [];
		const scope = nock(BASE)
			.get('/private/v3/reviews')
			.query(true)
			.times(2)
			.reply(200, (uri) => {
				const query = new URL(uri, BASE).searchParams;
				const [page, limit] = [Number(query.get('page')), Number(query.get('limit'))];
				asked.push(`${page}/${limit}`);
				return { reviews: reviews.slice((page - 1) * limit, page * limit) };
			});
		const { items } = await runNode({
			type: 'guaranteedReviews',
			credentials,
			parameters: {
				resource: 'review',
				operation: 'getManyPrivate',
				reviewType: 'site',
				returnAll: true,
			},
		});
		scope.done();
		// the second page starts on the last review of the first (so a list that moved is noticed)
		expect(asked).toEqual(['1/1000', '2/999']);
		expect(items.map((item) => item.json.id)).toEqual(reviews.map(({ id }) => id));
	});
});
