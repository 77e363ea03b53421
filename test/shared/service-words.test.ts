/**
 * The service's own words, on every service (nodes/shared/request.ts `serviceWords`, used by
 * `httpStatusFailure`): the error shapes services share, read the same way by all four nodes. A
 * JSON reply with a message is never shown as a bare "<Service> answered HTTP <status>".
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import { guaranteedReviews, gigrove, valigara, vanillaEshop } from '../reliability/operations';
import type { NodeSpec } from '../reliability/operations';

/** One read of each node that sends one request. */
const READS: Array<{ node: NodeSpec; parameters: INodeParameters }> = [
	{ node: valigara, parameters: { resource: 'product', operation: 'export', productId: '501' } },
	{ node: vanillaEshop, parameters: { resource: 'order', operation: 'get', orderId: '500999' } },
	{ node: gigrove, parameters: { resource: 'product', operation: 'get', productId: '42' } },
	{
		node: guaranteedReviews,
		parameters: {
			resource: 'review',
			operation: 'getStats',
			scope: 'site',
			includePublicKey: false,
		},
	},
];

interface Shape {
	shape: string;
	status: number;
	body: unknown;
	headers?: Record<string, string>;
	message: string;
	/** the first lines of the description (Valigara adds its debug line after them) */
	details?: string[];
	code?: string;
}

const SHAPES: Shape[] = [
	{
		shape: 'a 429 with {message}',
		status: 429,
		body: { message: 'Too many requests: 60 per minute allowed' },
		headers: { 'Retry-After': '0' },
		message: 'Too many requests: 60 per minute allowed',
	},
	{
		shape: 'WordPress / WCFM {code, message, data: {params, details}}',
		status: 400,
		body: {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): status',
			data: {
				status: 400,
				params: { status: 'status is not one of pending, processing, completed.' },
				details: {
					status: {
						code: 'rest_not_in_enum',
						message: 'status is not one of pending, processing, completed.',
						data: null,
					},
				},
			},
		},
		message: 'Invalid parameter(s): status',
		details: ['status: status is not one of pending, processing, completed.'],
		code: 'rest_invalid_param',
	},
	{
		shape: 'WordPress with data.details only',
		status: 400,
		body: {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): sku',
			data: {
				status: 400,
				details: {
					sku: { code: 'rest_invalid_type', message: 'sku is not of type string.', data: null },
				},
			},
		},
		message: 'Invalid parameter(s): sku',
		details: ['sku: sku is not of type string.'],
		code: 'rest_invalid_param',
	},
	{
		shape: 'Laravel {message, errors: {field: [...]}}',
		status: 422,
		body: {
			message: 'The email has already been taken. (and 1 more error)',
			errors: {
				email: ['The email has already been taken.'],
				telephone: ['The telephone format is invalid.'],
			},
		},
		message: 'The email has already been taken. (and 1 more error)',
		details: [
			'email: The email has already been taken.',
			'telephone: The telephone format is invalid.',
		],
	},
	{
		shape: 'OAuth {error, error_description}',
		status: 400,
		body: { error: 'invalid_grant', error_description: 'The access token expired' },
		message: 'The access token expired',
		code: 'invalid_grant',
	},
	{
		shape: 'a nested {error: {code, message}}',
		status: 503,
		body: { error: { code: 'maintenance', message: 'Down for maintenance until 02:00 UTC' } },
		message: 'Down for maintenance until 02:00 UTC',
		code: 'maintenance',
	},
	{
		shape: 'RFC 7807 {title, detail}',
		status: 409,
		body: { type: 'about:blank', title: 'Conflict', detail: 'SKU RR-1 is used by product 77' },
		message: 'SKU RR-1 is used by product 77',
	},
];

describe.each(READS)(
	'$node.name › the service’s own words in a JSON error reply',
	({ node, parameters }) => {
		it.each(SHAPES)('$shape', async ({ status, body, headers, message, details, code }) => {
			for (const method of ['GET', 'POST']) {
				nock(node.origin)
					.persist()
					.intercept(/.*/, method)
					.query(true)
					.reply(status, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });
			}

			const { error } = await runNode({
				type: node.name,
				credentials: node.credentials,
				parameters,
			});

			expect(error?.message).toBe(message);
			expect((error as { httpCode?: string }).httpCode).toBe(String(status));
			if (details)
				expect(error?.description?.split('\n').slice(0, details.length)).toEqual(details);
			expect(error?.context?.serviceCode).toBe(code);
		});
	},
);
