import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import { KEYS, useSandbox } from './sandbox-kit';

const sandbox = useSandbox();

const run = (
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	credentials = sandbox.credentials().guaranteedReviewsApi,
) =>
	runNode(
		{
			type: 'guaranteedReviews',
			credentials: { guaranteedReviewsApi: credentials },
			parameters,
			onError: 'continue',
		},
		input,
	);

const send = (input: IDataObject[], batchSize = 100) =>
	run(
		{
			resource: 'order',
			operation: 'send',
			inputMode: 'fields',
			orderId: '={{ $json.id }}',
			orderDate: '={{ $json.date }}',
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			productsSource: 'none',
			additionalFields: { reference: '={{ $json.reference ?? "" }}' },
			options: { batchSize },
		},
		input,
	);

describe('Guaranteed Reviews node against the sandbox', () => {
	it('imports orders once: the same ID or reference again is "already sent", not an error', async () => {
		const first = await send([
			{ id: 'A-1', date: '2026-11-20 10:15:00', reference: 'REF-1' },
			{ id: 'A-2', date: '2026-11-20 11:00:00' },
		]);
		expect(first.items.map((item) => item.json.status)).toEqual(['imported', 'imported']);
		expect(first.items[0].json.request).toEqual({ ordersCount: 2, ordersImported: 2 });

		const again = await send([{ id: 'A-2', date: '2026-11-20 11:00:00' }], 1);
		expect(again.items[0].json).toMatchObject({
			orderId: 'A-2',
			imported: false,
			status: 'alreadySent',
		});

		// a new ID with a reference already sent is a duplicate too; in a batch with a new order, each
		// was imported or already sent (the reply says the others were already sent, not which)
		const mixed = await send([
			{ id: 'A-3', date: '2026-11-21 09:00:00', reference: 'REF-1' },
			{ id: 'A-4', date: '2026-11-21 09:30:00' },
		]);
		expect(mixed.items.map((item) => item.json.status)).toEqual([
			'importedOrAlreadySent',
			'importedOrAlreadySent',
		]);
		expect(mixed.items[0].json.request).toEqual({ ordersCount: 2, ordersImported: 1 });

		const replies = sandbox.current.log('guaranteed-reviews').map((entry) => entry.reply);
		expect(replies).toEqual([
			{ success: 1, orders_count: 2, orders_imported: 2, message: null },
			{
				success: 0,
				orders_count: 1,
				orders_imported: 0,
				message:
					'Some orders were not imported because they had already been sent (see documentation)',
			},
			{
				success: 1,
				orders_count: 2,
				orders_imported: 1,
				message:
					'Some orders were not imported because they had already been sent (see documentation)',
			},
		]);
		const [request] = sandbox.current.log('guaranteed-reviews');
		expect(request).toMatchObject({
			method: 'POST',
			path: '/guaranteed-reviews/private/v3/orders',
			headers: { 'content-type': 'application/json' },
		});
		expect(request.body).toMatchObject({
			api_key: '***',
			orders: [
				{ id_order: 'A-1', order_date: '2026-11-20 10:15:00', reference: 'REF-1' },
				{ id_order: 'A-2' },
			],
		});
	});

	it('reads public reviews and the rating summary without the private key, newest first', async () => {
		const reviews = await run({
			resource: 'review',
			operation: 'getMany',
			scope: 'site',
			returnAll: true,
		});
		const dates = reviews.items.map((item) => String(item.json.date));
		expect(reviews.items).toHaveLength(7); // the review waiting for moderation is not public
		expect(dates).toEqual([...dates].sort().reverse());
		expect(reviews.items[0].json).toMatchObject({
			customer: expect.stringMatching(/^\w+ \w\.$/),
			rating: expect.any(Number),
			translated: false,
		});

		const summary = await run({
			resource: 'review',
			operation: 'getRatingSummary',
			scope: 'product',
			productId: '100',
		});
		expect(summary.items[0].json).toEqual({
			scope: '100',
			total: 4,
			average: 4,
			distribution: { 1: 0, 2: 1, 3: 0, 4: 1, 5: 2 },
		});

		const publicRequests = sandbox.current.log('guaranteed-reviews');
		expect(publicRequests.map((entry) => entry.path)).toEqual([
			`/guaranteed-reviews/public/v3/reviews/${KEYS.guaranteedReviews.publicKey}/site`,
			`/guaranteed-reviews/public/v3/reviews/${KEYS.guaranteedReviews.publicKey}/100`,
		]);
		expect(publicRequests.every((entry) => Object.keys(entry.query).length === 0)).toBe(true);
	});

	it('looks the public key up through private stats, and filters and sorts private reviews', async () => {
		const credentials = { ...sandbox.credentials().guaranteedReviewsApi, publicKey: '' };
		const reviews = await run(
			{
				resource: 'review',
				operation: 'getMany',
				scope: 'product',
				productId: '200',
				returnAll: true,
			},
			[{}],
			credentials,
		);
		expect(reviews.items).toHaveLength(2);
		const stats = await run({
			resource: 'review',
			operation: 'getStats',
			scope: 'site',
			includePublicKey: false,
		});
		expect(stats.items[0].json).toMatchObject({ scope: 'site', total: 7, pending: 1 });
		expect(stats.items[0].json.public_key).toBeUndefined();

		const all = await run({
			resource: 'review',
			operation: 'getManyPrivate',
			reviewType: 'both',
			returnAll: true,
		});
		expect(all.items).toHaveLength(14);
		const published = await run({
			resource: 'review',
			operation: 'getManyPrivate',
			reviewType: 'site',
			returnAll: true,
			filters: { publishedOnly: true, oldestFirst: true },
		});
		const times = published.items.map((item) => String(item.json.date_time));
		expect(published.items).toHaveLength(7);
		expect(times).toEqual([...times].sort());

		const log = sandbox.current.log('guaranteed-reviews');
		expect(
			log.map(
				(entry) =>
					`${entry.method} ${entry.path.replace(KEYS.guaranteedReviews.publicKey, '{publicKey}')}`,
			),
		).toEqual([
			'GET /guaranteed-reviews/private/v3/stats',
			'GET /guaranteed-reviews/public/v3/reviews/{publicKey}/200',
			'GET /guaranteed-reviews/private/v3/stats',
			'GET /guaranteed-reviews/private/v3/reviews',
			'GET /guaranteed-reviews/private/v3/reviews',
		]);
		expect(log[0].query).toEqual({ scope: 'site', include_public_key: 'true', api_key: '***' });
		expect(JSON.stringify(log)).not.toContain(KEYS.guaranteedReviews.privateKey);
	});

	it('refuses a wrong private key with success 0 and says so', async () => {
		const refused = await run(
			{ resource: 'review', operation: 'getStats', scope: 'site', includePublicKey: true },
			[{}],
			{ ...sandbox.credentials().guaranteedReviewsApi, apiKey: '12345/en/wrong' },
		);
		expect(refused.items[0].json.error).toBe('Invalid API key');
		// a wrong key is still a key: not in the log either
		expect(sandbox.current.log('guaranteed-reviews')[0].query.api_key).toBe('***');
	});
});
