import nock from 'nock';

import {
	BASE,
	HEADER_VALUE,
	QUERY_NAME,
	QUERY_VALUE,
	customerFields,
	expectRequests,
	ok,
	run,
} from './fixtures';

const getOrder = { resource: 'order', operation: 'get', orderId: '500999' };
const addComment = {
	resource: 'order',
	operation: 'addComment',
	orderId: '500999',
	comment: 'Called',
};

describe('Vanilla eShop: failures become errors with the service’s own words', () => {
	it('422: Laravel’s message, every per-field message, the HTTP code and the item', async () => {
		const api = expectRequests([
			{
				method: 'POST',
				path: '/v1/in/customer',
				body: { firstname: 'Ada', email: 'ada@example.com', telephone: '050', password: 'pw-1234' },
				status: 422,
				reply: {
					message: 'The given data was invalid.',
					errors: {
						email: ['The email has already been taken.'],
						telephone: [
							'The telephone must be at least 9 characters.',
							'The telephone format is invalid.',
						],
					},
				},
			},
		]);

		const { error } = await run({
			resource: 'customer',
			operation: 'create',
			firstname: 'Ada',
			email: 'ada@example.com',
			telephone: '050',
			password: 'pw-1234',
		});

		api.done();
		expect(error?.message).toBe('The given data was invalid.');
		expect(error?.description).toBe(
			'email: The email has already been taken.\n' +
				'telephone: The telephone must be at least 9 characters.\n' +
				'telephone: The telephone format is invalid.',
		);
		expect((error as { httpCode?: string }).httpCode).toBe('422');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('404: says which order was not found', async () => {
		const api = expectRequests([
			{
				method: 'GET',
				path: '/v1/in/order/500999',
				status: 404,
				reply: { message: 'No query results for model [App\\Models\\Order] 500999' },
			},
		]);

		const { error } = await run(getOrder);

		api.done();
		expect(error?.message).toBe('Order 500999 was not found');
		expect(error?.description).toBe('No query results for model [App\\Models\\Order] 500999');
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('404: names the product by the key the user chose', async () => {
		expectRequests([
			{ method: 'DELETE', path: '/v1/in/products/RING-1', status: 404, reply: { message: '' } },
		]);

		const { error } = await run({
			resource: 'product',
			operation: 'delete',
			productKey: 'sku',
			productSku: 'RING-1',
		});

		expect(error?.message).toBe('Product with SKU RING-1 was not found');
	});

	it('404 on a route that names no record: the service’s message', async () => {
		expectRequests([
			{
				method: 'POST',
				path: '/v1/in/orderHistory',
				status: 404,
				reply: { message: 'Route not found' },
			},
		]);

		const { error } = await run(addComment);

		expect(error?.message).toBe('Route not found');
	});

	it('500 with an HTML page: the status, and what the page said', async () => {
		expectRequests([
			{
				method: 'GET',
				path: '/v1/in/order/500999',
				status: 500,
				reply: '<html><body><h1>Whoops, looks like something went wrong.</h1></body></html>',
			},
		]);

		const { error } = await run(getOrder);

		expect(error?.message).toBe('Vanilla eShop answered HTTP 500');
		expect(error?.description).toBe('Whoops, looks like something went wrong.');
		expect((error as { httpCode?: string }).httpCode).toBe('500');
	});

	it('500 with a JSON message: that message', async () => {
		expectRequests([
			{
				method: 'GET',
				path: '/v1/in/order/500999',
				status: 500,
				reply: { message: 'Server Error' },
			},
		]);

		const { error } = await run(getOrder);

		expect(error?.message).toBe('Server Error');
		expect((error as { httpCode?: string }).httpCode).toBe('500');
	});

	it('success: false inside an HTTP 200: the envelope’s message, errors and status', async () => {
		expectRequests([
			{
				method: 'POST',
				path: '/v1/in/orderHistory',
				reply: {
					status: 422,
					success: false,
					message: 'The selected order id is invalid.',
					errors: { order_id: ['The selected order id is invalid.'] },
				},
			},
		]);

		const { error } = await run(addComment);

		expect(error?.message).toBe('The selected order id is invalid.');
		expect(error?.description).toBe('order_id: The selected order id is invalid.');
		expect((error as { httpCode?: string }).httpCode).toBe('422');
	});

	it('success: false without a message or errors: still an error, with the field messages found in data', async () => {
		expectRequests([
			{
				method: 'POST',
				path: '/v1/in/orderHistory',
				reply: {
					status: 400,
					success: false,
					data: { comment: ['The comment may not be greater than 255 characters.'] },
				},
			},
		]);

		const { error } = await run(addComment);

		expect(error?.message).toBe('Vanilla eShop refused the request');
		expect(error?.description).toBe('comment: The comment may not be greater than 255 characters.');
	});

	it('a 200 reply that is not JSON is an error, not an empty item', async () => {
		expectRequests([
			{ method: 'GET', path: '/v1/in/order/500999', reply: '<html>maintenance</html>' },
		]);

		const { error } = await run(getOrder);

		expect(error?.message).toBe('Vanilla eShop sent a reply that is not valid JSON');
	});

	it('with continue on fail: the failed item is an error item paired to it, and the next item still runs', async () => {
		expectRequests([
			{ method: 'GET', path: '/v1/in/order/500998', status: 404, reply: { message: 'Not Found' } },
			{ method: 'GET', path: '/v1/in/order/500999', reply: ok({ order_id: 500999 }) },
		]);

		const { items, error } = await run(
			{ ...getOrder, orderId: '={{ $json.id }}' },
			[{ id: 500998 }, { id: 500999 }],
			{ onError: 'continue' },
		);

		expect(error).toBeUndefined();
		expect(items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{
				json: {
					error: 'Order 500998 was not found',
					errorDescription: 'Not Found',
					httpStatus: 404,
					itemIndex: 0,
				},
				pairedItem: { item: 0 },
			},
			{ json: { order_id: 500999 }, pairedItem: { item: 1 } },
		]);
	});

	it('never shows the credential’s secrets, even when the service echoes them', async () => {
		expectRequests([
			{
				method: 'GET',
				path: '/v1/in/order/500999',
				status: 401,
				reply: { message: `Invalid key ${HEADER_VALUE} for ?${QUERY_NAME}=${QUERY_VALUE}` },
			},
		]);

		const { error } = await run(getOrder);

		expect(error?.message).toBe(`Invalid key *** for ?${QUERY_NAME}=***`);
		expect(JSON.stringify(error)).not.toContain(HEADER_VALUE);
		expect(JSON.stringify(error)).not.toContain(QUERY_VALUE);
	});

	it('429: waits as asked and tries again (the shared retry)', async () => {
		const limited = nock(BASE)
			.get('/v1/in/order/500999')
			.query({ [QUERY_NAME]: QUERY_VALUE })
			.reply(429, { message: 'Too Many Attempts.' }, { 'Retry-After': '0' });
		const api = expectRequests([
			{ method: 'GET', path: '/v1/in/order/500999', reply: ok({ order_id: 500999 }) },
		]);

		const { items, error } = await run(getOrder);

		expect(error).toBeUndefined();
		limited.done();
		api.done();
		expect(items).toEqual([{ json: { order_id: 500999 }, pairedItem: { item: 0 } }]);
	});
});

describe('Vanilla eShop: a message holding the word “canceled” is an error, not a canceled run', () => {
	// n8n shows a run as canceled when the message of the error that stopped it contains "canceled"
	// (WorkflowExecute.processSuccessExecution, n8n 1.x and 2.x).
	const changeStatus = {
		resource: 'order',
		operation: 'changeStatus',
		orderId: '500999',
		order_status_code: '={{ $json.status }}',
	};

	it('a status that is not one of the list: the list names "canceled", the run is an error', async () => {
		const stopped = await run(changeStatus, [{ status: 'cancelled' }]);

		expect(stopped.run.status).toBe('error');
		expect(stopped.error?.message.replace(/\u2060/g, '')).toMatch(
			/^Invalid input: "Status" must be one of canceled, complete, .* \[item 0\]$/,
		);
	});

	it('the service’s own words about a canceled order: the run is an error, the error item keeps the exact text', async () => {
		const refusal = { message: 'Order 500999 is canceled and cannot be changed.' };
		expectRequests([
			{
				method: 'POST',
				path: '/v1/in/orderStatus',
				status: 422,
				reply: refusal,
				body: { order_status_code: 'processing', order_id: '500999' },
			},
		]);
		const stopped = await run({ ...changeStatus, order_status_code: 'processing' });
		expect(stopped.run.status).toBe('error');
		expect(stopped.error?.message.replace(/\u2060/g, '')).toBe(refusal.message);

		expectRequests([
			{
				method: 'POST',
				path: '/v1/in/orderStatus',
				status: 422,
				reply: refusal,
				body: { order_status_code: 'processing', order_id: '500999' },
			},
		]);
		const continued = await run({ ...changeStatus, order_status_code: 'processing' }, [{}], {
			onError: 'continue',
		});
		expect(continued.items[0].json.error).toBe(refusal.message);
	});
});

describe('Vanilla eShop: a write run that stops at an item says what was applied before it', () => {
	const createCustomer = { resource: 'customer', operation: 'create', ...customerFields };
	const created = {
		method: 'POST' as const,
		path: '/v1/in/customer',
		reply: ok({ customer_id: 1 }),
	};
	const refused = {
		method: 'POST' as const,
		path: '/v1/in/customer',
		status: 422,
		reply: {
			message: 'The given data was invalid.',
			errors: { email: ['The email has already been taken.'] },
		},
	};

	it.each([
		{
			failing: 2,
			count: 4,
			said: ['Items 0, 1 were already applied by earlier requests.', 'Item 3 was not sent.'],
		},
		{
			failing: 4,
			count: 6,
			said: ['Items 0 to 3 were already applied by earlier requests.', 'Item 5 was not sent.'],
		},
		{
			failing: 1,
			count: 5,
			said: ['Item 0 was already applied by an earlier request.', 'Items 2 to 4 were not sent.'],
		},
		{ failing: 0, count: 3, said: ['Items 1, 2 were not sent.'] },
		{ failing: 2, count: 3, said: ['Items 0, 1 were already applied by earlier requests.'] },
	])('item $failing of $count fails', async ({ failing, count, said }) => {
		expectRequests([...Array.from({ length: failing }, () => created), refused]);

		const { error } = await run(
			createCustomer,
			Array.from({ length: count }, () => ({})),
		);

		expect(error?.message).toBe('The given data was invalid.');
		expect(error?.context?.itemIndex).toBe(failing);
		expect(error?.description).toBe(
			['email: The email has already been taken.', ...said].join('\n'),
		);
	});

	it('a read-only run says nothing of the kind (nothing was applied)', async () => {
		expectRequests([
			{ method: 'GET', path: '/v1/in/order/500999', reply: ok({ order_id: 500999 }) },
			{ method: 'GET', path: '/v1/in/order/500999', status: 404, reply: { message: 'Not Found' } },
		]);

		const { error } = await run(getOrder, [{}, {}, {}]);

		expect(error?.message).toBe('Order 500999 was not found');
		expect(error?.description).toBe('Not Found');
	});
});
