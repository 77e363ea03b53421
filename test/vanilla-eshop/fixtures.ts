import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../kit/engine';
import type { NodeUnderTest } from '../kit/engine';
import { recordRequests } from '../kit/recorder';
import sampleJson from './sample.json';

export const BASE = 'http://api.vanillaeshop.com';
export const HEADER_NAME = 'X-Shop-Key';
export const HEADER_VALUE = 'hdr-0f3a9c1e5b7d2468';
export const QUERY_NAME = 'api_token';
export const QUERY_VALUE = 'qry-ace0f3a9c1e5b7d2';

export const credentials = {
	vanillaEshopApi: {
		baseUrl: BASE,
		headerName: HEADER_NAME,
		headerSecret: HEADER_VALUE,
		queryName: QUERY_NAME,
		querySecret: QUERY_VALUE,
	},
};

/** The reply envelope of every route. */
export const ok = (data: unknown) => ({ status: 200, success: true, data });

export function run(
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: Partial<NodeUnderTest> = {},
) {
	return runNode({ type: 'vanillaEshop', credentials, parameters, ...options }, input);
}

export interface ExpectedRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	body?: unknown;
	status?: number;
	reply: unknown;
}

/**
 * Requests as the service must receive them: method, path, the credential's header and query
 * parameter (and no other query parameter). Bodies are recorded, for the test to compare whole.
 */
export function expectRequests(requests: ExpectedRequest[]) {
	const bodies: unknown[] = [];
	const scopes = requests.map(
		(request) =>
			recordRequests(
				BASE,
				request.method,
				request.path,
				[{ status: request.status ?? 200, body: request.reply }],
				{
					headers: { [HEADER_NAME]: HEADER_VALUE, accept: 'application/json' },
					query: { [QUERY_NAME]: QUERY_VALUE },
					into: bodies,
					read: ({ body }) => body ?? '',
				},
			).scope,
	);
	return {
		bodies,
		/** every request was made, with exactly the expected bodies, in order */
		done() {
			scopes.forEach((scope) => scope.done());
			expect(bodies).toEqual(requests.map((request) => request.body ?? ''));
		},
	};
}

/**
 * The sample order and product (sample.json): one merchant's data, also the example workflow's
 * (scripts/sandbox-setup.js) and the sandbox tests'. Each use says what it changes.
 */
export const sample = sampleJson;

/** A customer as a merchant creates one. */
export const customerFields: INodeParameters = sample.customer;

/** Order fields as a merchant fills them in (fields mode): coordinates, blanks and a lower-case country to be read. */
export const orderFields: INodeParameters = {
	...sample.order,
	paymentAddress: {
		address: { ...sample.order.paymentAddress.address, address_lat: '', address_lng: '' },
	},
	shippingAddress: {
		address: {
			...sample.order.shippingAddress.address,
			lastname: '',
			postcode: '',
			country_id: 'sa',
			address_lat: '24.7',
			address_lng: '46.6',
		},
	},
	language: 'ar',
	is_gift: true,
	is_mobile_order: false,
	additionalFields: { gift_code: 'G3', comment: 'Leave at the door' },
};

/** The body those fields make. */
export const orderBody = {
	store_id: 0,
	firstname: 'Sara',
	lastname: 'Ali',
	email: 'sara@example.com',
	telephone: '0551234567',
	payment_firstname: 'Sara',
	payment_lastname: 'Ali',
	payment_address_1: 'King Fahd Road 12',
	payment_address_2: 'Floor 3',
	payment_city: 'Riyadh',
	payment_postcode: '12211',
	payment_country_id: 'SA',
	payment_zone_id: 'RIY',
	shipping_firstname: 'Sara',
	shipping_address_1: 'King Fahd Road 12',
	shipping_address_2: 'Floor 3',
	shipping_city: 'Riyadh',
	shipping_country_id: 'SA',
	shipping_zone_id: 'RIY',
	shipping_address_lat: '24.7',
	shipping_address_lng: '46.6',
	shipping_telephone: '0551234567',
	shipping_code: 'flat.flat',
	payment_code: 'cod',
	order_status_code: 'pending',
	is_gift: true,
	is_mobile_order: false,
	language: 'ar',
	gift_code: 'G3',
	comment: 'Leave at the door',
	products: [
		{ sku: 'RING-1', name: 'Gold ring', quantity: 2, price: 50, cost: 20, total: 100, tax: 15 },
	],
	totals: [
		{ code: 'sub_total', title: 'Sub-Total', value: 100 },
		{ code: 'shipping', title: 'Shipping', value: 10 },
		{ code: 'total', title: 'Total', value: 110 },
	],
};

/** What the service answers for an order (trimmed from the doc's example). */
export const orderReply = {
	order_id: 500123,
	store_id: 0,
	firstname: 'Sara',
	email: 'sara@example.com',
	total: '110.0000',
	order_status_id: 1,
	products: [],
	totals: [],
	history: [],
};

/** Product fields as a merchant fills them in. */
export const productFields: INodeParameters = {
	...sample.product,
	ar_name: 'خاتم ذهب',
	en_name: 'Gold ring',
	product_link: 'https://magento.example.com/gold-ring',
};

export const productBody = {
	ar: { name: 'خاتم ذهب' },
	en: { name: 'Gold ring' },
	price: 50,
	cost: 20,
	logistics_cost: 2,
	inventory_cost: 1,
	quantity: 5,
	minimum: 1,
	maximum: 3,
	stock_status_id: '7',
	status: '1',
	master_category_id: '20',
	product_link: 'https://magento.example.com/gold-ring',
	is_returnable: true,
};

export const productReply = {
	product_id: 85,
	sku: 'van.85',
	quantity: 5,
	price: '50.0000',
	optionValues: [],
};

/** Answers any request and records it: validation tests expect this list to stay empty. */
export function recordAnyRequest(): string[] {
	const seen: string[] = [];
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		recordRequests(BASE, method, /.*/, () => ({ body: ok(null) }), {
			into: seen,
			read: ({ url }) => `${method} ${url}`,
		});
	}
	return seen;
}
