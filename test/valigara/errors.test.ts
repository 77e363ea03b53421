import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { valigara } from '../../nodes/Valigara/transport';
import {
	ACCESS_KEY,
	DEBUG_UID,
	HOST,
	PATH,
	credentials,
	expectedRequest,
	outputOf,
	runValigara,
	valigaraApi,
} from './fixtures';

const exportProduct: INodeParameters = {
	resource: 'product',
	operation: 'export',
	productId: '501',
};
const DEBUG_LINE = `X-DEBUG-UID: ${DEBUG_UID} (quote it to Valigara support)`;

describe('Valigara › message codes', () => {
	// Every code of the docs but 100 (OK) and 105 (rate limit, below); some sent as text.
	it.each([
		{
			status: 101,
			message: 'Valigara error 101 (Non HTTPS call)',
			hint: 'must start with https://',
		},
		{
			status: '102',
			message: 'Valigara error 102 (Authentication Failed)',
			hint: 'Valigara refused the access key',
		},
		{
			status: 103,
			message: 'Valigara error 103 (Unauthorized Request)',
			hint: 'may not call this action',
		},
		{
			status: 200,
			message: 'Valigara error 200 (Action Not Found): no action named "product_export"',
			hint: 'https://api.valigara.com/client/V1/',
		},
		{
			status: '201',
			message: 'Valigara error 201 (Action Failed)',
			hint: 'an ID that does not exist',
		},
		{ status: 300, message: 'Valigara error 300 (Data Not Specified)', hint: 'none was sent' },
		{
			status: 301,
			message: 'Valigara error 301 (Data Decode Failed)',
			hint: 'could not decode the data',
		},
		{
			status: 302,
			message: 'Valigara error 302 (Partial Content in Data)',
			hint: 'missing or incomplete',
		},
		{ status: ' 303 ', message: 'Valigara error 303 (Invalid Data)', hint: 'List Fields' },
		{ status: 999, message: 'Valigara error 999 (an unknown message code)', hint: undefined },
	])(
		'status $status fails with its meaning, a hint and the debug ID',
		async ({ status, message, hint }) => {
			const { scope } = valigaraApi({ status, data: null });

			const { error, items } = await runValigara(exportProduct);

			scope.done();
			expect(items).toEqual([]);
			expect(error?.message).toBe(message);
			const lines = error?.description?.split('\n') ?? [];
			expect(lines).toHaveLength(hint ? 2 : 1);
			if (hint) expect(lines[0]).toContain(hint);
			expect(lines[lines.length - 1]).toBe(DEBUG_LINE);
			expect(error?.context.serviceCode).toBe(Number(status));
			// a message code in an HTTP 200 is not an HTTP status
			expect((error as { httpCode?: string | null }).httpCode ?? null).toBeNull();
		},
	);

	it.each([
		['the meaning', 102, 'Authentication Failed'],
		['the meaning, in other case and with a stop', 102, { message: 'authentication failed.' }],
		['part of the meaning', 201, { error: 'Failed' }],
	])('does not repeat itself when Valigara’s words say %s again', async (_case, status, data) => {
		const { scope } = valigaraApi({ status, data });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe(
			`Valigara error ${status} (${status === 102 ? 'Authentication Failed' : 'Action Failed'})`,
		);
	});

	it('shows which values Valigara found wrong, when `data` lists them', async () => {
		const { scope } = valigaraApi({
			status: 303,
			data: {
				message: 'Invalid fields',
				errors: { price: ['must be a number'], sku: ['is taken'] },
			},
		});

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Valigara error 303 (Invalid Data): Invalid fields');
		expect(error?.description?.split('\n').slice(0, 2)).toEqual([
			'price: must be a number',
			'sku: is taken',
		]);
	});

	it('adds Valigara’s own words from `data` to the message', async () => {
		const { scope } = valigaraApi({ status: 201, data: 'Product 501 not found' });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Valigara error 201 (Action Failed): Product 501 not found');
	});

	it('explains a 201 on Report Sold with "Revise"', async () => {
		const { scope } = valigaraApi({ status: 201, data: { message: 'quantity < 1' } });

		const { error } = await runValigara({
			resource: 'product',
			operation: 'reportSold',
			productId: '501',
			soldAction: 'revise',
		});

		scope.done();
		expect(error?.message).toBe('Valigara error 201 (Action Failed): quantity < 1');
		expect(error?.description).toContain(
			'With Sold Action "Revise", Valigara answers 201 when the quantity left is below 1.',
		);
	});

	it('200 on an order action names the assumed action and points at the Action Name option', async () => {
		const { scope } = valigaraApi({ status: 200, data: null });

		const { error } = await runValigara({ resource: 'order', operation: 'exportClients' });

		scope.done();
		expect(error?.message).toBe(
			'Valigara error 200 (Action Not Found): no action named "clients_export"',
		);
		expect(error?.description).toBe(
			'Valigara has not published the names of its Orders actions; "clients_export" is this node\'s assumption. ' +
				"Ask Valigara support for the right name and enter it in the operation's Options › Action Name.\n" +
				DEBUG_LINE,
		);
	});

	it('200 on an assumed action name, items continuing: a hint says which option takes the right name', async () => {
		const { scope } = valigaraApi({ status: 200, data: null }, { status: 200, data: null });

		const { hints, items } = await runValigara(
			{ resource: 'order', operation: 'setTrackingNumber', orderId: '7', trackingNumber: '1Z9' },
			[{}, {}],
			{ onError: 'continue' },
		);

		scope.done();
		expect(items.map((item) => item.json.errorCode)).toEqual([200, 200]);
		// once per run, not once per item
		expect(hints).toEqual([
			'Valigara does not know "order_set_tracking_number", this node\'s assumed name for the action: enter Valigara\'s name for it in Options › Action Name.',
		]);
	});

	it('200 on an export the user named: no hint (the name is theirs, not an assumption)', async () => {
		const { scope } = valigaraApi({ status: 200, data: null });

		const { hints, items } = await runValigara(
			{ resource: 'order', operation: 'exportOrders', options: { actionName: 'orders_get' } },
			[{}],
			{
				onError: 'continue',
			},
		);

		scope.done();
		expect(items.map((item) => item.json.error)).toEqual([
			'Valigara error 200 (Action Not Found): no action named "orders_get"',
		]);
		expect(hints).toEqual([]);
	});

	it('200 on an overridden action name says so too', async () => {
		const { scope } = valigaraApi({ status: 200, data: null });

		const { error } = await runValigara({
			resource: 'order',
			operation: 'exportOrders',
			options: { actionName: 'orders_get' },
		});

		scope.done();
		expect(error?.message).toBe(
			'Valigara error 200 (Action Not Found): no action named "orders_get"',
		);
		expect(error?.description).toContain('Options › Action Name');
	});
});

describe('Valigara › replies that are not {status: 100}', () => {
	it('says when the X-DEBUG-UID header is missing, and what support needs instead', async () => {
		const { scope } = valigaraApi({ status: 303, data: null, noDebugUid: true });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Valigara error 303 (Invalid Data)');
		expect(error?.description).toBe(
			'Valigara rejected the data. The List Fields operations show the field names your account accepts.\n' +
				'Valigara sent no X-DEBUG-UID header. If you contact Valigara support, send the raw request and reply instead, without the access key.',
		);
	});

	it('an HTTP error with a JSON message and no message code: Valigara’s message', async () => {
		const { scope } = valigaraApi({
			httpStatus: 503,
			raw: '{"message": "Maintenance until 02:00 UTC"}',
		});

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Maintenance until 02:00 UTC');
		expect(error?.description).toBe(DEBUG_LINE);
		expect((error as { httpCode?: string }).httpCode).toBe('503');
	});

	it('an HTTP error page', async () => {
		const { scope } = valigaraApi({
			httpStatus: 502,
			raw: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			headers: { 'Content-Type': 'text/html' },
		});

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Valigara answered HTTP 502');
		expect(error?.description).toBe(`502 Bad Gateway\n${DEBUG_LINE}`);
	});

	it('a code inside an HTTP error keeps the code', async () => {
		const { scope } = valigaraApi({ httpStatus: 500, status: 201, data: 'database down' });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Valigara error 201 (Action Failed): database down');
	});

	it('a 200 that is not JSON', async () => {
		const { scope } = valigaraApi({ raw: '{"status": 100, "data": [1, 2' });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Valigara sent a reply that is not valid JSON');
		expect(error?.description).toBe(
			`The reply began: {"status": 100, "data": [1, 2\n${DEBUG_LINE}`,
		);
	});

	it('JSON without a message code', async () => {
		const { scope } = valigaraApi({ raw: '{"result": "ok"}' });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error?.message).toBe('Valigara sent a reply without a message code');
		expect(error?.description).toBe(
			`Expected {"status": 100, "data": …}; the reply began: {"result":"ok"}\n${DEBUG_LINE}`,
		);
	});

	it('"100" as text is success', async () => {
		const { scope } = valigaraApi({ status: '100', data: { product_id: 501 } });

		const { error, items } = await runValigara(exportProduct);

		scope.done();
		expect(error).toBeUndefined();
		expect(items.map(({ json }) => json)).toEqual([{ product_id: 501 }]);
	});
});

describe('Valigara › rate limit (105)', () => {
	const policy = valigara.retryPolicy;
	beforeEach(() => {
		// A small budget keeps the test fast; the behaviour is the shared transport's.
		valigara.retryPolicy = { maxAttempts: 3, maxWaitMs: 1_000, baseDelayMs: 5 };
	});
	afterEach(() => {
		valigara.retryPolicy = policy;
	});
	const updateListings: INodeParameters = {
		resource: 'product',
		operation: 'updateListings',
		productIds: '501',
	};

	it('retries, and succeeds when Valigara lets the call through', async () => {
		const { requests, scope } = valigaraApi(
			{ status: 105, data: null },
			{ status: 100, data: { product_id: 501 } },
		);

		const run = await runValigara(exportProduct);

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests).toEqual([
			expectedRequest('product_export', { product_id: 501 }),
			expectedRequest('product_export', { product_id: 501 }),
		]);
		expect(outputOf(run)).toEqual([{ json: { product_id: 501 }, pairedItem: { item: 0 } }]);
	});

	it('stops after the bounded attempts with an error that says when to retry', async () => {
		const { requests, scope } = valigaraApi({ status: 105 }, { status: '105' }, { status: 105 });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(requests).toHaveLength(3);
		expect(error?.message).toBe('Valigara error 105 (Rate limit exceeded)');
		expect(error?.description).toBe(
			'Valigara limits how often this action may be called. Try again in a few minutes.\n' +
				`${DEBUG_LINE}\n` +
				'Still rate limited after 3 attempt(s) and 0 s of waiting. Try again later, or send fewer items per run.',
		);
	});

	it('product_update_listings (4 calls per hour): an unannounced 105 fails at once, saying to retry in 15 minutes', async () => {
		// the full budget: retrying within a minute cannot free a call of a 4-per-hour leaky bucket
		valigara.retryPolicy = policy;
		const { requests, scope } = valigaraApi({ status: 105, data: null });

		const run = await runValigara(updateListings, [{}], { onError: 'continue' });

		scope.done();
		expect(requests).toEqual([expectedRequest('product_update_listings', { product_id: [501] })]);
		expect(outputOf(run)).toEqual([
			{
				json: {
					error: 'Valigara error 105 (Rate limit exceeded)',
					errorCode: 105,
					errorDescription:
						'Valigara allows product_update_listings 4 times per hour (a leaky bucket: a call frees up about every 15 minutes). ' +
						'Try again in 15 minutes, and put several product IDs into one call.\n' +
						`${DEBUG_LINE}\n` +
						'Not retried: no wait within this run can help.',
					debugUid: DEBUG_UID,
					itemIndex: 0,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('product_update_listings: a 105 that announces a wait within the budget is retried after it', async () => {
		const { requests, scope } = valigaraApi(
			{ status: 105, headers: { 'Retry-After': '0' } },
			{ data: { queued: 1 } },
		);

		const run = await runValigara(updateListings);

		scope.done();
		expect(run.error).toBeUndefined();
		expect(requests).toHaveLength(2);
		expect(outputOf(run)).toEqual([{ json: { queued: 1 }, pairedItem: { item: 0 } }]);
	});

	it('does not wait longer than its budget when Valigara asks for more', async () => {
		const { requests, scope } = valigaraApi({ status: 105, headers: { 'Retry-After': '900' } });

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('Valigara error 105 (Rate limit exceeded)');
		expect(error?.description).toContain(
			'Valigara limits how often this action may be called. Try again in a few minutes.',
		);
		expect(error?.description).toContain('It asks to wait 900 s.');
	});

	it('waits as long as Valigara asks when that fits the budget', async () => {
		const { requests, scope } = valigaraApi(
			{ status: 105, headers: { 'X-RateLimit-Reset': '0.2' } },
			{ data: { product_id: 501 } },
		);
		const started = Date.now();

		const { error } = await runValigara(exportProduct);

		scope.done();
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
	});
});

describe('Valigara › the access key never leaks', () => {
	function expectNoKey(value: unknown) {
		const text = typeof value === 'string' ? value : JSON.stringify(value);
		expect(text).not.toContain(ACCESS_KEY);
		expect(text).not.toContain(encodeURIComponent(ACCESS_KEY));
	}

	it('not when Valigara echoes it in an error', async () => {
		const { scope } = valigaraApi({
			status: 102,
			data: {
				message: `Key ${ACCESS_KEY} is not valid; sent auth=${ACCESS_KEY}`,
				request: `${HOST}${PATH}?auth=${ACCESS_KEY}`,
			},
		});

		const run = await runValigara(exportProduct);

		scope.done();
		expect(run.error?.message).toBe(
			'Valigara error 102 (Authentication Failed): Key *** is not valid; sent auth=***',
		);
		expectNoKey(run.error?.message);
		expectNoKey(run.error?.description);
		expectNoKey(run.error);
		expectNoKey(run.run);
	});

	it('not in the error items of continueOnFail', async () => {
		const { scope } = valigaraApi({ status: 201, data: `key ${ACCESS_KEY} failed` });

		const run = await runValigara(exportProduct, [{}], { onError: 'continue' });

		scope.done();
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json.error).toBe('Valigara error 201 (Action Failed): key *** failed');
		expect(run.items[0].json.debugUid).toBe(DEBUG_UID);
		expectNoKey(run.items);
		expectNoKey(run.run);
	});

	it('not when the request fails on the network with the URL in the message', async () => {
		nock(HOST)
			.post(PATH)
			.query(true)
			.replyWithError(`connect ECONNREFUSED ${HOST}${PATH}?auth=${ACCESS_KEY}`);

		const run = await runValigara(exportProduct);

		expect(run.error?.message).toBe('Could not reach Valigara');
		expectNoKey(run.error);
		expectNoKey(run.run);
	});

	it('is only ever sent in the query, as the credential adds it', async () => {
		const { requests, scope } = valigaraApi({ data: { product_id: 501 } });

		await runValigara(exportProduct);

		scope.done();
		expect(requests[0].query).toEqual({ auth: ACCESS_KEY });
		expectNoKey(requests[0].form);
		expect(credentials.valigaraApi.apiKey).toBe(ACCESS_KEY);
	});
});

describe('Valigara › continue on fail', () => {
	const threeItems = [{ id: '1' }, { id: '2' }, { id: '3' }];
	// a per-item operation (Export batches several items into one call: its own tests are in actions.test.ts)
	const parameters: INodeParameters = {
		resource: 'product',
		operation: 'update',
		productId: '={{ $json.id }}',
		updateFields: { price: 10 },
	};

	it('keeps going: the failed item becomes an error item, paired to its input', async () => {
		const { scope } = valigaraApi(
			{ data: { product_id: 1 } },
			{ status: 303, data: 'bad id' },
			{ data: { product_id: 3 } },
		);

		const run = await runValigara(parameters, threeItems, { onError: 'continue' });

		scope.done();
		expect(run.error).toBeUndefined();
		// what a workflow routes and reports by, in the json expressions read
		expect(outputOf(run)).toEqual([
			{ json: { product_id: 1 }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'Valigara error 303 (Invalid Data): bad id',
					errorCode: 303,
					errorDescription: `Valigara rejected the data. The List Fields operations show the field names your account accepts.\n${DEBUG_LINE}`,
					debugUid: DEBUG_UID,
					itemIndex: 1,
				},
				pairedItem: { item: 1 },
			},
			{ json: { product_id: 3 }, pairedItem: { item: 2 } },
		]);
	});

	it('routes the failed item to the error output', async () => {
		const { scope } = valigaraApi(
			{ data: { product_id: 1 } },
			{ status: 201 },
			{ data: { product_id: 3 } },
		);

		const run = await runValigara(parameters, threeItems, { onError: 'errorOutput' });

		scope.done();
		expect(run.items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: { product_id: 1 }, pairedItem: { item: 0 } },
			{ json: { product_id: 3 }, pairedItem: { item: 2 } },
		]);
		expect(run.errorItems).toHaveLength(1);
		expect(run.errorItems[0].json.error).toBe('Valigara error 201 (Action Failed)');
		expect(run.errorItems[0].pairedItem).toEqual({ item: 1 });
	});

	it('without it, stops at the failed item and names it', async () => {
		const { scope } = valigaraApi({ data: { product_id: 1 } }, { status: 201 });

		const run = await runValigara(parameters, threeItems);

		scope.done();
		expect(run.error?.message).toBe('Valigara error 201 (Action Failed)');
		expect(run.error?.context.itemIndex).toBe(1);
	});
});
