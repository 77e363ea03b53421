export const BASE = 'https://api.guaranteed-reviews.com';
export const API_KEY = '12345/en/0f3a9c1e5b7d2468ace0f3a9c1e5b7d2';
export const PUBLIC_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

export const credentials = {
	guaranteedReviewsApi: { apiKey: API_KEY, publicKey: PUBLIC_KEY, baseUrl: BASE },
};

/** The fields of one order, as a merchant fills them in. */
export const orderFields = {
	resource: 'order',
	operation: 'send',
	inputMode: 'fields',
	orderId: '={{ $json.id }}',
	orderDate: '={{ $json.date }}',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	email: '={{ $json.email }}',
	productsSource: 'none',
};

export function order(n: number) {
	return {
		id: `A-${n}`,
		date: '2026-11-20 10:15:00',
		first: `First${n}`,
		last: `Last${n}`,
		email: `c${n}@example.com`,
	};
}

export function apiOrder(n: number) {
	return {
		id_order: `A-${n}`,
		order_date: '2026-11-20 10:15:00',
		firstname: `First${n}`,
		lastname: `Last${n}`,
		email: `c${n}@example.com`,
	};
}
