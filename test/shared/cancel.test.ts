/**
 * A stopped execution stops (nodes/shared/request.ts): when n8n cancels the execution (the Stop
 * button: `cancel()` on the run, which aborts the signal `getExecutionCancelSignal()` returns), a
 * rate-limit wait ends at once, a request under way is abandoned, no request is sent after it,
 * and the run shows as canceled, not as failed, whatever On Error says.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeRun } from '../kit/engine';
import { BASE as GR_BASE, credentials as grCredentials } from '../guaranteed-reviews/fixtures';
import {
	BASE as VANILLA_BASE,
	customerFields,
	credentials as vanillaCredentials,
	ok,
} from '../vanilla-eshop/fixtures';

const getStats: INodeParameters = {
	resource: 'review',
	operation: 'getStats',
	scope: 'site',
	includePublicKey: false,
};
const createCustomer: INodeParameters = {
	resource: 'customer',
	operation: 'create',
	...customerFields,
};

/**
 * Vanilla eShop's customer route: the first request is held back and the execution canceled while
 * it is under way; any later request would be answered at once (and counted).
 */
function customersCancelingAtFirst(controller: AbortController): { count: () => number } {
	let count = 0;
	nock(VANILLA_BASE)
		.persist()
		.post('/v1/in/customer')
		.query(true)
		.delay(2_000)
		.reply(() => {
			count++;
			if (count === 1) controller.abort();
			return [200, ok({ customer_id: count })];
		});
	return { count: () => count };
}

describe('shared transport › a canceled execution', () => {
	afterEach(() => nock.abortPendingRequests());

	it('ends a rate-limit wait at once and sends no request after it', async () => {
		const controller = new AbortController();
		let requests = 0;
		nock(GR_BASE)
			.get('/private/v3/stats')
			.query(true)
			.times(2)
			.reply(() => {
				requests++;
				// the service asks for 30 s (within the retry budget): the node is waiting when n8n cancels
				void sleep(200).then(() => controller.abort());
				return [429, { message: 'Too many requests' }, { 'Retry-After': '30' }];
			});

		// A run still going long after the cancel is one that kept waiting the 30 s it was asked for.
		let guard: NodeJS.Timeout | undefined;
		const run = await Promise.race([
			runNode(
				{ type: 'guaranteedReviews', credentials: grCredentials, parameters: getStats },
				[{}],
				{ cancel: controller.signal },
			),
			new Promise<'still waiting after the cancel'>((resolve) => {
				guard = setTimeout(() => resolve('still waiting after the cancel'), 10_000);
			}),
		]);
		clearTimeout(guard);

		expect(run).not.toBe('still waiting after the cancel');
		const { run: result, error } = run as NodeRun;
		expect(result.status).toBe('canceled');
		expect(error?.message).toBe(
			'Execution canceled: no further request to Guaranteed Reviews was sent',
		);
		expect(requests).toBe(1);
	});

	it('abandons a request under way: the run is canceled, not “could not reach”, and the next item is not sent', async () => {
		const controller = new AbortController();
		const api = customersCancelingAtFirst(controller);

		const { run, error, items } = await runNode(
			{ type: 'vanillaEshop', credentials: vanillaCredentials, parameters: createCustomer },
			[{}, {}],
			{ cancel: controller.signal },
		);

		expect(run.status).toBe('canceled');
		expect(error?.message).toBe('Execution canceled: no further request to Vanilla eShop was sent');
		expect(items).toEqual([]);
		expect(api.count()).toBe(1);
	});

	it('with On Error “Continue”, the cancel still stops the run: no error items for the items never sent', async () => {
		const controller = new AbortController();
		const api = customersCancelingAtFirst(controller);

		const { run, items } = await runNode(
			{
				type: 'vanillaEshop',
				credentials: vanillaCredentials,
				parameters: createCustomer,
				onError: 'continue',
			},
			[{}, {}, {}],
			{ cancel: controller.signal },
		);

		expect(run.status).toBe('canceled');
		// n8n passes the input items on when a node set to continue throws; none is an error item
		expect(items.filter((item) => item.json.error !== undefined)).toEqual([]);
		expect(api.count()).toBe(1);
	});
});
