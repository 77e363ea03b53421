/**
 * The request timeout of the shared transport (nodes/shared/request.ts): a service that takes the
 * connection and stays silent fails the item with a NodeApiError naming the service, the request
 * (method and URL without its query, where keys travel) and the item, instead of holding the node
 * for n8n's 5 minutes. The timeout is shortened for the test through the service's `timeoutMs`.
 */
import nock from 'nock';

import { REQUEST_TIMEOUT_MS } from '../../nodes/shared/request';
import { vanillaEshop } from '../../nodes/VanillaEshop/transport';
import { BASE, HEADER_VALUE, QUERY_NAME, QUERY_VALUE, ok, run } from '../vanilla-eshop/fixtures';

const getOrder = { resource: 'order', operation: 'get', orderId: '={{ $json.id }}' };

/** Answers GET order/<id>: at once, or after `delayMs` (nock holds the reply back). */
function orders(replies: Array<{ id: string; delayMs?: number }>) {
	for (const { id, delayMs = 0 } of replies) {
		nock(BASE)
			.get(`/v1/in/order/${id}`)
			.query({ [QUERY_NAME]: QUERY_VALUE })
			.delay(delayMs)
			.reply(200, ok({ order_id: Number(id) }));
	}
}

describe('shared transport › request timeout', () => {
	beforeEach(() => {
		vanillaEshop.timeoutMs = 1000;
	});
	afterEach(() => {
		delete vanillaEshop.timeoutMs;
		// the replies nock still holds back would keep jest waiting
		nock.abortPendingRequests();
	});

	it('is 120 s unless a service sets its own', () => {
		expect(REQUEST_TIMEOUT_MS).toBe(120_000);
	});

	it('a silent service fails the item with an error naming the service, the request and the item, no secret', async () => {
		orders([{ id: '500001' }, { id: '500002', delayMs: 5000 }]);

		// (without the timeout the held reply would arrive after 5 s, and the run succeed)
		const result = await run(getOrder, [{ id: '500001' }, { id: '500002' }]);

		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			message: 'Vanilla eShop did not answer within 1 s',
		});
		expect(result.error?.context?.itemIndex).toBe(1);
		const description = String(result.error?.description);
		expect(description).toContain(
			`No reply to GET ${BASE}/v1/in/order/500002 for item 1 within 1 s`,
		);
		expect(JSON.stringify([result.error, description])).not.toContain(QUERY_VALUE);
		expect(JSON.stringify([result.error, description])).not.toContain(HEADER_VALUE);
	});

	it('with continue on fail: one error item, paired to the silent item; the others go on', async () => {
		orders([{ id: '1', delayMs: 5000 }, { id: '2' }]);

		const result = await run(getOrder, [{ id: '1' }, { id: '2' }], { onError: 'continue' });

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0]).toMatchObject({
			json: { error: 'Vanilla eShop did not answer within 1 s' },
			pairedItem: { item: 0 },
		});
		expect(result.items[1]).toEqual({ json: { order_id: 2 }, pairedItem: { item: 1 } });
	});

	it('a slow reply within the timeout is not cut', async () => {
		orders([{ id: '7', delayMs: 150 }]);

		const result = await run(getOrder, [{ id: '7' }]);

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { order_id: 7 }, pairedItem: { item: 0 } }]);
	});
});
