/**
 * The error items of On Error "Continue" (nodes/shared/items.ts `errorItem`): their json carries
 * what a workflow routes and reports a failure by, where expressions can read it: `error` (the
 * message), `errorCode`, `httpStatus`, `errorDescription`, `debugUid` (Valigara, see
 * test/valigara/errors.test.ts) and `itemIndex`.
 *
 * With "Continue (using error output)" n8n routes an item to the error branch by the error it
 * carries and then keeps only `{error: message}` of its json (both n8n lines): there the item is
 * routed, and its json is n8n's.
 */
import nock from 'nock';

import { runNode } from '../kit/engine';
import { credentials as grCredentials } from '../guaranteed-reviews/fixtures';
import { gigrove } from '../reliability/operations';

const API = 'https://gigrove.com/api/request/v1';
const getProduct = { resource: 'product', operation: 'get', productId: '={{ $json.id }}' };
const invalidParam = {
	code: 'rest_invalid_param',
	message: 'Invalid parameter(s): id',
	data: { status: 400, params: { id: 'id is not of type integer.' } },
};

function products(...replies: Array<[number, unknown]>) {
	for (const [status, body] of replies)
		nock(API)
			.get(/\/products\/\d+\/$/)
			.reply(status, JSON.stringify(body), { 'Content-Type': 'application/json' });
}

describe('error items (On Error: Continue)', () => {
	it('a service failure: message, the service’s code, HTTP status, description and item index, beside `error`', async () => {
		products([200, { id: 1 }], [400, invalidParam]);

		const { items, error } = await runNode(
			{
				type: 'gigrove',
				credentials: gigrove.credentials,
				parameters: getProduct,
				onError: 'continue',
			},
			[{ id: 1 }, { id: 2 }],
		);

		expect(error).toBeUndefined();
		expect(items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'Invalid parameter(s): id',
					errorCode: 'rest_invalid_param',
					httpStatus: 400,
					errorDescription: 'id: id is not of type integer.',
					itemIndex: 1,
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('bad input: the message naming the field and the item, and the item index', async () => {
		products([200, { id: 2 }]);

		const { items } = await runNode(
			{
				type: 'gigrove',
				credentials: gigrove.credentials,
				parameters: getProduct,
				onError: 'continue',
			},
			[{ id: 'abc' }, { id: 2 }],
		);

		expect(items.map(({ json }) => json)).toEqual([
			{
				error:
					'Invalid input: "Product" must be a whole number (the ID shown in the store) [item 0]',
				itemIndex: 0,
			},
			{ id: 2 },
		]);
	});

	it('no reply at all: the network’s code (ECONNREFUSED) as the error code', async () => {
		nock.enableNetConnect('127.0.0.1:1'); // a real refused connection
		const { items } = await runNode(
			{
				type: 'guaranteedReviews',
				credentials: {
					guaranteedReviewsApi: {
						...grCredentials.guaranteedReviewsApi,
						baseUrl: 'http://127.0.0.1:1',
					},
				},
				parameters: {
					resource: 'review',
					operation: 'getStats',
					scope: 'site',
					includePublicKey: false,
				},
				onError: 'continue',
			},
			[{}],
		);
		nock.disableNetConnect();

		expect(items[0].json).toMatchObject({
			error: 'Could not reach Guaranteed Reviews',
			errorCode: 'ECONNREFUSED',
			itemIndex: 0,
		});
		expect(items[0].json.errorDescription).toContain('Check the base URL in the credential');
	});
});

describe('error items (On Error: Continue using error output)', () => {
	it('go to the error branch, paired, with n8n’s {error: message}', async () => {
		products([200, { id: 1 }], [400, invalidParam]);

		const { items, errorItems } = await runNode(
			{
				type: 'gigrove',
				credentials: gigrove.credentials,
				parameters: getProduct,
				onError: 'errorOutput',
			},
			[{ id: 1 }, { id: 2 }],
		);

		expect(items.map(({ json }) => json)).toEqual([{ id: 1 }]);
		expect(errorItems.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: { error: 'Invalid parameter(s): id' }, pairedItem: { item: 1 } },
		]);
	});
});
