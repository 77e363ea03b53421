/**
 * API faults, every operation of every node: a 500 with a JSON message, a 502 with an HTML page, a timeout (the
 * transport sets no timeout of its own, so it is the socket error a proxy or the OS gives: the
 * request fails with ETIMEDOUT, as nock's `replyWithError` makes it), a truncated JSON reply, an
 * empty body, and a 429 storm
 * (`Retry-After: 0`, every attempt refused) each give a clear NodeApiError with the service's own
 * message when the reply has one; with continue on fail, one error item per failed input item,
 * paired to it, its json saying what failed (message, HTTP status, description, item index), and
 * the other items still run. Bulk
 * operations (Guaranteed Reviews Order Send, Vanilla eShop's bulk routes) fail exactly the items
 * of the failed request, and say which.
 *
 * One run per operation: item N meets fault N (items are sent one after the other, one request
 * each; bulk operations with one item per request), the last item gets a normal reply.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeRun } from '../kit/engine';
import { OPERATIONS, guaranteedReviews, replyOf, titleOf, vanillaEshop } from './operations';
import type { NodeName, NodeSpec, OperationCase } from './operations';

type Fault = 'http500' | 'html502' | 'timeout' | 'truncated' | 'empty' | 'rateLimitStorm';

const FAULTS: Fault[] = ['http500', 'html502', 'timeout', 'truncated', 'empty', 'rateLimitStorm'];

/** The shared transport's retry budget: attempts in all before a rate limit becomes an error. */
const ATTEMPTS = 5;

const SERVICE: Record<NodeName, string> = {
	valigara: 'Valigara',
	vanillaEshop: 'Vanilla eShop',
	gigrove: 'Gigrove',
	guaranteedReviews: 'Guaranteed Reviews',
};

type Reply = { status: number; body: string; headers?: Record<string, string> } | 'timeout';

/** The replies a fault takes, one per request. */
function repliesFor(fault: Fault): Reply[] {
	const json = { 'Content-Type': 'application/json' };
	switch (fault) {
		case 'http500':
			return [
				{ status: 500, body: JSON.stringify({ message: 'Internal Server Error' }), headers: json },
			];
		case 'html502':
			return [
				{
					status: 502,
					body: '<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
					headers: { 'Content-Type': 'text/html' },
				},
			];
		case 'timeout':
			return ['timeout'];
		case 'truncated':
			return [
				{
					status: 200,
					body: '{"status": 100, "success": true, "data": [{"id": 1, "name": "Ri',
					headers: json,
				},
			];
		case 'empty':
			return [{ status: 200, body: '', headers: json }];
		case 'rateLimitStorm':
			return Array.from({ length: ATTEMPTS }, () => ({
				status: 429,
				body: JSON.stringify({ message: 'Too Many Requests' }),
				headers: { ...json, 'Retry-After': '0' },
			}));
	}
}

/** What a failure shows: the error that stopped the run, or the json of an error item. */
interface Shown {
	message?: string;
	description?: string | null;
	httpCode?: string | null;
}

/** The error that stopped a run: a NodeApiError. */
function thrown(error: ({ name?: string } & Shown) | undefined): Shown | undefined {
	expect(error?.name).toBe('NodeApiError');
	return error;
}

/** An error item as a workflow reads it: its json. */
function shownBy(item: INodeExecutionData): Shown {
	const { error, errorDescription, httpStatus, itemIndex } = item.json;
	expect(itemIndex).toBe(paired(item));
	return {
		message: error as string,
		description: errorDescription as string | undefined,
		httpCode: httpStatus === undefined ? undefined : String(httpStatus),
	};
}

/** What each fault must say. */
function expectClearError(node: NodeName, fault: Fault, error: Shown | undefined) {
	const service = SERVICE[node];
	const { message = '', description = '', httpCode } = error ?? {};
	switch (fault) {
		case 'http500':
			// the JSON reply's own message, not "answered HTTP 500"
			expect(message).toBe('Internal Server Error');
			expect(httpCode).toBe('500');
			return;
		case 'html502':
			expect(message).toBe(`${service} answered HTTP 502`);
			expect(description).toContain('502 Bad Gateway nginx');
			expect(description).not.toContain('<');
			expect(httpCode).toBe('502');
			return;
		case 'timeout':
			expect(message).toBe(`Could not reach ${service}`);
			expect(description).toContain('ETIMEDOUT');
			return;
		case 'truncated':
			expect(message).toBe(`${service} sent a reply that is not valid JSON`);
			return;
		case 'empty':
			expect(message).toBe(`${service} sent an empty reply where data was expected`);
			return;
		case 'rateLimitStorm':
			expect(message).toBe('Too Many Requests');
			expect(httpCode).toBe('429');
			expect(description).toContain(`Still rate limited after ${ATTEMPTS} attempt(s)`);
			return;
	}
}

/**
 * The service: answers each request with the next reply of the queue, then with the node's OK.
 * Returns how many requests it got.
 */
function service(
	node: NodeSpec,
	queue: Reply[],
	ok: (body: string) => unknown,
): { count: () => number } {
	let count = 0;
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		nock(node.origin)
			.persist()
			.intercept(/.*/, method)
			.query(true)
			// async: a thrown error becomes the request's error, as a socket error would
			.reply(async (_uri, body) => {
				count++;
				const reply = queue.shift();
				if (reply === 'timeout')
					throw Object.assign(new Error('connect ETIMEDOUT 203.0.113.7:443'), {
						code: 'ETIMEDOUT',
					});
				if (reply) return [reply.status, reply.body, reply.headers ?? {}];
				return [
					200,
					JSON.stringify(ok(typeof body === 'string' ? body : JSON.stringify(body))),
					{ 'Content-Type': 'application/json' },
				];
			});
	}
	return { count: () => count };
}

/** One item per request: bulk operations are asked to send one item per request. */
function parametersOf(c: OperationCase): INodeParameters {
	const parameters: INodeParameters = {
		resource: c.resource,
		operation: c.operation,
		...c.parameters,
	};
	if (c.batchSize)
		parameters.options = {
			...((parameters.options as IDataObject) ?? {}),
			[c.batchOption ?? 'batchSize']: 1,
		} as INodeParameters;
	return parameters;
}

const paired = (item: INodeExecutionData) =>
	(item.pairedItem as { item: number } | undefined)?.item;

// one row per operation (the first of its input modes): the faults do not depend on the mode
const seen = new Set<string>();
const operations = OPERATIONS.filter((c) => {
	const key = `${c.node.name} ${c.resource} ${c.operation}`;
	return seen.has(key) ? false : (seen.add(key), true);
});

describe.each(operations.map((c) => [titleOf(c), c] as const))('%s', (_title, c) => {
	it('each fault fails its own item with a clear NodeApiError, paired; the item after them still runs', async () => {
		// how many requests one item takes when all goes well (a list may read a second page)
		const alone = service(c.node, [], (body) => replyOf(c, body));
		await runNode(
			{
				type: c.node.name,
				credentials: c.node.credentials,
				parameters: parametersOf(c),
				onError: 'continue',
			},
			[{}],
		);
		const fineRequests = alone.count();
		nock.cleanAll();

		const queue = FAULTS.flatMap(repliesFor);
		const api = service(c.node, queue, (body) => replyOf(c, body));

		const run = await runNode(
			{
				type: c.node.name,
				credentials: c.node.credentials,
				parameters: parametersOf(c),
				onError: 'continue',
			},
			[...FAULTS, 'fine'].map(() => ({})),
		);

		expect(run.error).toBeUndefined();
		expect(queue).toEqual([]); // every fault was met, the rate limit retried to the end of its budget
		expect(fineRequests).toBeGreaterThanOrEqual(1);
		expect(api.count()).toBe(FAULTS.length - 1 + ATTEMPTS + fineRequests);
		FAULTS.forEach((fault, index) => {
			const items = run.items.filter((item) => paired(item) === index);
			expect({ fault, items: items.length }).toEqual({ fault, items: 1 });
			expectClearError(c.node.name, fault, shownBy(items[0]));
		});
		const last = run.items.filter((item) => paired(item) === FAULTS.length);
		expect(last.every((item) => item.json.error === undefined)).toBe(true);
	});
});

describe.each(['valigara', 'vanillaEshop', 'gigrove', 'guaranteedReviews'] as const)(
	'%s › without continue on fail',
	(node) => {
		const c = operations.find(
			(operation) =>
				operation.node.name === node && !operation.batchSize && requiresOneRequest(operation),
		)!;

		it.each(FAULTS)(
			`${titleOf(c)}: %s stops the run with a clear NodeApiError naming the item`,
			async (fault) => {
				const queue = repliesFor(fault);
				service(c.node, queue, (body) => replyOf(c, body));

				const run = await runNode(
					{ type: c.node.name, credentials: c.node.credentials, parameters: parametersOf(c) },
					[{}],
				);

				expect(run.items).toEqual([]);
				expectClearError(node, fault, thrown(run.error as never));
				expect(run.error?.context?.itemIndex).toBe(0);
			},
		);
	},
);

function requiresOneRequest(c: OperationCase): boolean {
	return !/getMany|exportMany|search/.test(c.operation);
}

// ── bulk operations: a failed request fails exactly its own items ───────────────────────────

const BULK: Array<{ title: string; node: NodeSpec; parameters: INodeParameters }> = [
	{
		title: 'Guaranteed Reviews › Order › Send',
		node: guaranteedReviews,
		parameters: operations.find((c) => c.node === guaranteedReviews && c.batchSize)!.parameters,
	},
	...operations
		.filter((c) => c.node === vanillaEshop && c.batchSize)
		.map((c) => ({
			title: `Vanilla eShop › ${c.resource} › ${c.operation}`,
			node: vanillaEshop,
			parameters: { resource: c.resource, operation: c.operation, ...c.parameters },
		})),
];

const okFor = (node: NodeSpec) =>
	node === guaranteedReviews
		? { success: 1, orders_count: 2, orders_imported: 2, message: null }
		: { status: 200, success: true, data: null };

async function bulkRun(
	node: NodeSpec,
	parameters: INodeParameters,
	onError?: 'continue',
): Promise<{ run: NodeRun; requests: number }> {
	// five items, two per request: requests carry [0, 1], [2, 3], [4]; the second one fails
	const queue: Reply[] = [
		{ status: 200, body: JSON.stringify(okFor(node)) },
		...repliesFor('http500'),
	];
	const api = service(node, queue, () => okFor(node));
	const run = await runNode(
		{
			type: node.name,
			credentials: node.credentials,
			parameters: { ...parameters, options: { batchSize: 2 } },
			onError,
		},
		[{}, {}, {}, {}, {}],
	);
	return { run, requests: api.count() };
}

describe.each(BULK)('$title › a failed request among several', ({ node, parameters }) => {
	it('with continue on fail: fails exactly the items it carried, and sends the rest', async () => {
		const { run, requests } = await bulkRun(node, parameters, 'continue');

		expect(requests).toBe(3);
		expect(run.items.map((item) => [paired(item), item.json.error ? 'failed' : 'sent'])).toEqual([
			[0, 'sent'],
			[1, 'sent'],
			[2, 'failed'],
			[3, 'failed'],
			[4, 'sent'],
		]);
		expect(run.items[2].json.errorDescription).toContain('This request carried items 2, 3.');
		expectClearError(node.name, 'http500', shownBy(run.items[3]));
	});

	it('without it: stops at the failed request, names its items, and sends nothing after it', async () => {
		const { run, requests } = await bulkRun(node, parameters);

		expect(requests).toBe(2);
		expect(run.items).toEqual([]);
		expectClearError(node.name, 'http500', thrown(run.error as never));
		expect(run.error?.description).toContain('This request carried items 2, 3.');
	});

	// Once a bug (nodes/shared/batch.ts, runInBatches): when a failed request stopped the run, the
	// error named the items that request carried, but not that the requests before it went through:
	// items 0 and 1 were applied at the service while the run showed only an error, so the user could
	// not tell what to send again. The error now says which items were already applied.
	it('without it: says which items earlier requests already applied', async () => {
		const { run } = await bulkRun(node, parameters);

		expect(`${run.error?.message}\n${run.error?.description}`).toMatch(
			/items? 0, 1\b[^\n]*(sent|applied|imported|went through)/i,
		);
	});
});
