'use strict';
// What the bench sends: for each node one simple per-item operation, written four ways that make
// the same HTTP requests (method, path, query, body, auth): our node, n8n's HTTP Request node as a
// user would set it up (a generic Query Auth or Header Auth credential), the n8n floor (the bench's
// minimal community node, bench/n8n-nodes-bench-floor, with our credential) and a plain client.
// Each n8n variant is {type, parameters, credentials: {type: data}}; `type` is the node's name in
// its package (our package's, or a full type for n8n's own nodes). The bench compares the sandbox's
// log of the four before measuring.

const { KEYS } = require('../../sandbox/config');

/** our package's name: our node types are `<package>.<node>` */
const PACKAGE = require('../../package.json').name;

const HEADER_JSON = { name: 'Accept', value: 'application/json' };

/**
 * @param urls the sandbox's service URLs (sandbox/config.js serviceUrls)
 * @param credentials sandboxCredentials(baseUrl) by type (scripts/sandbox-setup.js)
 */
function perItemCases(urls, credentials) {
	const valigaraProducts = [1001, 1002, 1003];
	const gigroveProducts = Array.from({ length: 12 }, (_, n) => 5694268 + n);
	return [
		{
			node: 'Valigara',
			operation: 'Product › Export',
			service: 'valigara',
			input: (i) => ({ productId: String(valigaraProducts[i % valigaraProducts.length]) }),
			ours: {
				type: `${PACKAGE}.valigara`,
				// Data (JSON): one product_export per item, as the others send. With the Product ID field,
				// many items go to products_export Products Per Request at a time (not a per-item figure).
				parameters: {
					resource: 'product',
					operation: 'export',
					dataMode: 'json',
					dataJson: '={{ JSON.stringify({ product_id: Number($json.productId) }) }}',
				},
				credentials: { valigaraApi: credentials.valigaraApi },
			},
			httpRequest: {
				type: 'n8n-nodes-base.httpRequest',
				parameters: {
					method: 'POST',
					url: urls.valigara,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpQueryAuth',
					sendHeaders: true,
					headerParameters: { parameters: [HEADER_JSON] },
					sendBody: true,
					contentType: 'form-urlencoded',
					bodyParameters: {
						parameters: [
							{ name: 'action', value: 'product_export' },
							{
								name: 'data',
								value: '={{ JSON.stringify({ product_id: Number($json.productId) }) }}',
							},
						],
					},
					options: {},
				},
				credentials: { httpQueryAuth: { name: 'auth', value: KEYS.valigara.accessKey } },
			},
			plain: (item) => {
				const body = new URLSearchParams({
					action: 'product_export',
					data: JSON.stringify({ product_id: Number(item.productId) }),
				}).toString();
				return {
					method: 'POST',
					url: `${urls.valigara}?auth=${encodeURIComponent(KEYS.valigara.accessKey)}`,
					headers: {
						Accept: 'application/json',
						'Content-Type': 'application/x-www-form-urlencoded',
					},
					body,
				};
			},
			/** the output item our node makes of a reply */
			plainOutput: (reply) => reply.data,
			/** the same request through n8n's helper, nothing else (bench/n8n-nodes-bench-floor) */
			floor: {
				type: 'n8n-nodes-bench-floor.benchFloor',
				parameters: { service: 'valigara', id: '={{ $json.productId }}' },
				credentials: { valigaraApi: credentials.valigaraApi },
			},
		},
		{
			node: 'Vanilla eShop',
			operation: 'Order › Get',
			service: 'vanilla-eshop',
			input: () => ({ orderId: '500000' }),
			ours: {
				type: `${PACKAGE}.vanillaEshop`,
				parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.orderId }}' },
				credentials: { vanillaEshopApi: credentials.vanillaEshopApi },
			},
			httpRequest: {
				type: 'n8n-nodes-base.httpRequest',
				parameters: {
					method: 'GET',
					url: `=${urls.vanillaEshop}/v1/in/order/{{ $json.orderId }}`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					sendHeaders: true,
					headerParameters: { parameters: [HEADER_JSON] },
					options: {},
				},
				credentials: {
					httpHeaderAuth: {
						name: KEYS.vanillaEshop.headerName,
						value: KEYS.vanillaEshop.headerValue,
					},
				},
			},
			plain: (item) => ({
				method: 'GET',
				url: `${urls.vanillaEshop}/v1/in/order/${item.orderId}`,
				headers: {
					Accept: 'application/json',
					[KEYS.vanillaEshop.headerName]: KEYS.vanillaEshop.headerValue,
				},
			}),
			plainOutput: (reply) => reply.data,
			/** the same request through n8n's helper, nothing else (bench/n8n-nodes-bench-floor) */
			floor: {
				type: 'n8n-nodes-bench-floor.benchFloor',
				parameters: { service: 'vanillaEshop', id: '={{ $json.orderId }}' },
				credentials: { vanillaEshopApi: credentials.vanillaEshopApi },
			},
		},
		{
			node: 'Gigrove',
			operation: 'Product › Get',
			service: 'gigrove',
			input: (i) => ({ productId: String(gigroveProducts[i % gigroveProducts.length]) }),
			ours: {
				type: `${PACKAGE}.gigrove`,
				parameters: { resource: 'product', operation: 'get', productId: '={{ $json.productId }}' },
				credentials: { gigroveApi: credentials.gigroveApi },
			},
			httpRequest: {
				type: 'n8n-nodes-base.httpRequest',
				parameters: {
					method: 'GET',
					url: `=${urls.gigrove}products/{{ $json.productId }}/`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					sendHeaders: true,
					headerParameters: { parameters: [HEADER_JSON] },
					options: {},
				},
				credentials: {
					httpHeaderAuth: { name: 'Authorization', value: `Bearer ${KEYS.gigrove.sellerToken}` },
				},
			},
			plain: (item) => ({
				method: 'GET',
				url: `${urls.gigrove}products/${item.productId}/`,
				headers: {
					Accept: 'application/json',
					Authorization: `Bearer ${KEYS.gigrove.sellerToken}`,
				},
			}),
			plainOutput: (reply) => reply,
			/** the same request through n8n's helper, nothing else (bench/n8n-nodes-bench-floor) */
			floor: {
				type: 'n8n-nodes-bench-floor.benchFloor',
				parameters: { service: 'gigrove', id: '={{ $json.productId }}' },
				credentials: { gigroveApi: credentials.gigroveApi },
			},
		},
		{
			node: 'Guaranteed Reviews',
			operation: 'Review › Get Stats',
			service: 'guaranteed-reviews',
			input: (i) => ({ n: i }),
			ours: {
				type: `${PACKAGE}.guaranteedReviews`,
				parameters: {
					resource: 'review',
					operation: 'getStats',
					scope: 'site',
					includePublicKey: false,
				},
				credentials: { guaranteedReviewsApi: credentials.guaranteedReviewsApi },
			},
			httpRequest: {
				type: 'n8n-nodes-base.httpRequest',
				parameters: {
					method: 'GET',
					url: `${urls.guaranteedReviews}/private/v3/stats`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpQueryAuth',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'scope', value: 'site' }] },
					sendHeaders: true,
					headerParameters: { parameters: [HEADER_JSON] },
					options: {},
				},
				credentials: {
					httpQueryAuth: { name: 'api_key', value: KEYS.guaranteedReviews.privateKey },
				},
			},
			plain: () => ({
				method: 'GET',
				url: `${urls.guaranteedReviews}/private/v3/stats?scope=site&api_key=${encodeURIComponent(KEYS.guaranteedReviews.privateKey)}`,
				headers: { Accept: 'application/json' },
			}),
			plainOutput: (reply) => reply,
			/** the same request through n8n's helper, nothing else (bench/n8n-nodes-bench-floor) */
			floor: {
				type: 'n8n-nodes-bench-floor.benchFloor',
				parameters: { service: 'guaranteedReviews', id: '' },
				credentials: { guaranteedReviewsApi: credentials.guaranteedReviewsApi },
			},
		},
	];
}

// Bulk: the Vanilla product the node tests use (test/vanilla-eshop/fixtures.ts, loaded through
// ./register) and a Guaranteed Reviews order, one per input item, each with its own SKU / order ID.
const { productFields: vanillaProduct } = require('../../test/vanilla-eshop/fixtures');
// That fixture imports nock, which intercepts every http request and fetch of this process from
// then on: measured, it made the plain client 3–4× slower (1.45–1.81 against 0.40–0.63 ms per
// request) and kept some 25 KB per request alive (the bench ran out of heap at 4 GB). The bench
// mocks nothing: nock's interception is switched off again.
require('nock').restore();

function bulkCases(credentials) {
	return [
		{
			node: 'Vanilla eShop',
			operation: 'Product › Create or Update Many',
			service: 'vanilla-eshop',
			path: '/vanilla/v1/in/products/bulk',
			batch: 10,
			input: (i, run) => ({ sku: `BENCH-${run}-${i}` }),
			/** an output item for a product the shop created */
			ok: (json) => Number.isInteger(json.product_id) && typeof json.sku === 'string',
			/** `batchSize` undefined: the node's default */
			subject: (batchSize) => ({
				type: `${PACKAGE}.vanillaEshop`,
				parameters: {
					resource: 'product',
					operation: 'createOrUpdateMany',
					...vanillaProduct,
					product_id: '',
					sku: '={{ $json.sku }}',
					options: batchSize ? { batchSize } : {},
				},
				credentials: { vanillaEshopApi: credentials.vanillaEshopApi },
			}),
		},
		{
			node: 'Guaranteed Reviews',
			operation: 'Order › Send',
			service: 'guaranteed-reviews',
			path: '/guaranteed-reviews/private/v3/orders',
			batch: 100,
			input: (i, run) => ({ id: `BENCH-${run}-${i}`, date: '2026-11-20 10:15:00' }),
			/** an output item for an order the service imported */
			ok: (json, input) =>
				json.orderId === input.id && json.status === 'imported' && json.imported === true,
			subject: (batchSize) => ({
				type: `${PACKAGE}.guaranteedReviews`,
				parameters: {
					resource: 'order',
					operation: 'send',
					inputMode: 'fields',
					orderId: '={{ $json.id }}',
					orderDate: '={{ $json.date }}',
					firstName: 'Ada',
					lastName: 'Lovelace',
					email: 'ada@example.com',
					productsSource: 'none',
					options: batchSize ? { batchSize } : {},
				},
				credentials: { guaranteedReviewsApi: credentials.guaranteedReviewsApi },
			}),
		},
	];
}

module.exports = { perItemCases, bulkCases };
