/**
 * The real nodes against the sandbox made unfriendly (sandbox/behaviour.js): replies cut to a few
 * records without a word, lists sorted as the service likes, records leaving the list while a
 * node pages, bursts of many pages, a rate limit, late answers. Every Return All and both triggers
 * deliver each record once. The property suites (test/reliability/) try thousands of such
 * histories against small stand-ins; these runs show the same on the sandbox users try by hand.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ActivePoller, runNode } from '../kit/engine';
import { call, useSandbox } from './sandbox-kit';
import type { SandboxBehaviour } from './sandbox-kit';

const sandbox = useSandbox();

const run = (type: string, parameters: INodeParameters) =>
	runNode({ type, credentials: sandbox.credentials(), parameters, onError: 'continue' }, [{}]);

const keys = (items: Array<{ json: IDataObject }>, field: string) =>
	items.map(({ json }) => String(json[field]));
const once = (list: string[]) => new Set(list).size === list.length;

async function behave(behaviour: SandboxBehaviour): Promise<void> {
	sandbox.current.setBehaviour(behaviour);
}

/** A burst through a control route: `count` records at once, dated over `spreadSeconds`. */
async function burst(route: string, count: number, spreadSeconds = count): Promise<void> {
	const reply = await call(`${sandbox.current.urls.control}${route}`, 'POST', {
		count,
		spreadSeconds,
	});
	expect(reply.status).toBe(201);
}

describe('Gigrove against an unfriendly store', () => {
	it('Return All of products and orders: pages cut to 7, oldest first, a record leaving above each page read', async () => {
		await burst('gigrove/orders', 40);
		await behave({ gigrove: { pageCap: 7, sort: 'oldestFirst', duringPaging: { remove: 1 } } });
		const unfriendly: SandboxBehaviour = {
			gigrove: { pageCap: 7, sort: 'oldestFirst', duringPaging: { remove: 1 } },
		};
		for (const [resource, path] of [
			['product', 'products'],
			['order', 'orders'],
		]) {
			await behave(unfriendly);
			sandbox.current.clearLog();
			const result = await run('gigrove', { resource, operation: 'getMany', returnAll: true });
			expect(result.error).toBeUndefined();
			const got = keys(result.items, 'id');
			// only a first page asks for more than 7: once a reply showed the cap, pages keep to it
			const asked = sandbox.current
				.log('gigrove')
				.filter((entry) => entry.path.endsWith(`/${path}/`));
			expect(
				asked
					.filter((entry) => Number(entry.query.per_page) > 7)
					.every((entry) => entry.query.page === '1'),
			).toBe(true);
			expect(asked.length).toBeGreaterThan(2);
			// what is still listed was listed for the whole read (records only left): all of it, once
			await behave({});
			const listed = await run('gigrove', { resource, operation: 'getMany', returnAll: true });
			expect({ resource, once: once(got) }).toEqual({ resource, once: true });
			expect(got).toEqual(expect.arrayContaining(keys(listed.items, 'id')));
		}
	});

	it('Gigrove Trigger: a burst of ten pages under a cap of 5 comes out once, across polls', async () => {
		await behave({ gigrove: { pageCap: 5 } });
		const poller = new ActivePoller({
			type: 'gigroveTrigger',
			credentials: sandbox.credentials(),
			parameters: { event: 'newOrder', options: {} },
		});
		expect(await poller.poll()).toBeNull();
		await burst('gigrove/orders', 50);
		const first = keys((await poller.poll()) ?? [], 'id');
		expect(first).toHaveLength(50);
		expect(once(first)).toBe(true);
		await burst('gigrove/orders', 3);
		const second = keys((await poller.poll()) ?? [], 'id');
		expect(second).toHaveLength(3);
		expect(second.some((id) => first.includes(id))).toBe(false);
		expect(await poller.poll()).toBeNull();
	});
});

describe('Valigara against an export that cuts its replies', () => {
	it.each(['ignore', 'honour', 'reject'] as const)(
		'Export Orders, Return All: every order once, the paging keys: %s',
		async (valigaraPaging) => {
			await burst('valigara/orders', 60, 3600);
			await behave({ valigara: { pageCap: 4, valigaraPaging } });
			const result = await run('valigara', {
				resource: 'order',
				operation: 'exportOrders',
				returnAll: true,
			});
			expect(result.error).toBeUndefined();
			expect(result.hints).toEqual([]);
			const got = keys(result.items, 'order_id');
			await behave({});
			const all = await run('valigara', {
				resource: 'order',
				operation: 'exportOrders',
				returnAll: true,
				options: { wholeReplies: true },
			});
			expect(all.items.length).toBeGreaterThanOrEqual(64); // the 4 seeded orders and the burst
			expect(got.sort()).toEqual(keys(all.items, 'order_id').sort());
		},
	);

	it('Valigara Trigger: a burst of ten replies under a cap of 3 comes out once; the next poll nothing', async () => {
		await behave({ valigara: { pageCap: 3 } });
		const poller = new ActivePoller({
			type: 'valigaraTrigger',
			credentials: sandbox.credentials(),
			parameters: { event: 'newOrder', options: {} },
		});
		expect(await poller.poll()).toBeNull();
		await burst('valigara/orders', 30, 600);
		const first = keys((await poller.poll()) ?? [], 'order_id');
		expect(first).toHaveLength(30);
		expect(once(first)).toBe(true);
		expect(await poller.poll()).toBeNull();
	});

	it('a search it cannot read in parts says so on the output', async () => {
		await behave({ valigara: { pageCap: 2 } });
		const result = await run('valigara', {
			resource: 'product',
			operation: 'search',
			returnAll: true,
		});
		expect(result.items).toHaveLength(2);
		expect(result.hints).toEqual([expect.stringContaining('may have been cut')]);
	});
});

describe('Rate limits and late answers', () => {
	it('a store that allows 4 requests a second: a Return All of many pages finishes, waiting as told', async () => {
		await burst('gigrove/orders', 30);
		await behave({
			gigrove: { pageCap: 5, throttle: { limit: 4, windowMs: 1000, retryAfter: 'seconds' } },
		});
		const result = await run('gigrove', {
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.every((item) => item.json.error === undefined)).toBe(true);
		expect(result.items.length).toBeGreaterThanOrEqual(38);
		expect(sandbox.current.log('gigrove').some((entry) => entry.status === 429)).toBe(true);
	});

	it('Valigara’s own 105 refusal without a wait asked for: retried with back-off until answered', async () => {
		await behave({ valigara: { throttle: { limit: 2, windowMs: 1500, retryAfter: 'none' } } });
		const result = await runNode(
			{
				type: 'valigara',
				credentials: sandbox.credentials(),
				parameters: { resource: 'product', operation: 'listFields' },
				onError: 'continue',
			},
			[{}, {}, {}],
		);
		expect(result.items.map((item) => item.json.error)).toEqual([undefined, undefined, undefined]);
		expect(
			sandbox.current
				.log('valigara')
				.filter((entry) => (entry.reply as IDataObject | undefined)?.status === 105).length,
		).toBeGreaterThan(0);
	});

	it('answers 40 ms late, with jitter: every operation still reads the same', async () => {
		await behave({ latencyMs: 40, jitterMs: 20 });
		const result = await run('gigrove', {
			resource: 'product',
			operation: 'getMany',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
	});
});
