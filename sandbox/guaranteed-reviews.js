'use strict';
// Guaranteed Reviews stand-in:
//   POST /private/v3/orders                      orders import (doc 004), dedupe on id_order / reference
//   GET  /public/v3/reviews/{publicKey}/{scope}  public reviews: no key, newest first, at most 1 000
//   GET  /private/v3/stats                       the account's rating summary (+ public_key on request)
//   GET  /private/v3/reviews                     private reviews, paged (unofficial: third-party clients)
// The private key goes in the body of the POST and in the query of GETs, as the official plugins send it.
// Docs: 004_9179b5e2cc3b99d4.txt, https://www.guaranteed-reviews.com/settings/public-api-reviews/, notes/guaranteed-reviews.md.

const { KEYS } = require('./config');
const { reply, wallClock, ago, isObject } = require('./util');
const { serveList } = require('./behaviour');

const PUBLIC_MAX = 1000;
const ALREADY_SENT =
	'Some orders were not imported because they had already been sent (see documentation)';
const MISSING_FIELDS = 'Missing fields for array';

// ── Seed: reviews of the shop and of two products ────────────────────────────────────────

function seed(now) {
	const people = [
		['Ada', 'Lovelace'],
		['Bob', 'Martin'],
		['Chloé', 'Durand'],
		['Dmitri', 'Ivanov'],
		['Emma', 'Schmidt'],
		['Farid', 'Haddad'],
		['Grace', 'Hopper'],
	];
	const texts = {
		5: [
			'Lovely ring, delivered in two days.',
			'Perfect, exactly as pictured.',
			'Great service and beautiful packaging.',
		],
		4: ['Very nice, a little smaller than I expected.', 'Good quality for the price.'],
		3: ['OK, but delivery took a week.'],
		2: ['The clasp broke after a month.'],
	};
	const reviews = [];
	const add = (n, { rating, product = 'no', daysAgo, status = 1, reply: answer, lang = 'en' }) => {
		const [first, last] = people[n % people.length];
		const date = ago(now, { days: daysAgo, hours: n });
		reviews.push({
			id: 1000 + n,
			order: `GR-${5000 + n}`,
			review_rating: rating,
			review_text: texts[rating][n % texts[rating].length],
			reviewer_name: first,
			reviewer_lastname: last,
			reviewer_email: `${first.toLowerCase()}@example.com`,
			product,
			type: product === 'no' ? 'site' : 'product',
			status,
			lang,
			translated: lang !== 'en' ? 1 : 0,
			date_time: wallClock(date),
			order_date: wallClock(ago(date, { days: 12 })).slice(0, 10),
			update_date_time: wallClock(date),
			...(answer
				? { answer_text: answer, answer_date_time: wallClock(ago(date, { hours: -20 })) }
				: {}),
		});
	};
	add(1, { rating: 5, daysAgo: 58 });
	add(2, { rating: 4, daysAgo: 51, lang: 'fr' });
	add(3, { rating: 5, daysAgo: 40, reply: 'Thank you, Chloé!' });
	add(4, { rating: 3, daysAgo: 33, reply: 'Sorry about the delay, we changed carriers since.' });
	add(5, { rating: 5, daysAgo: 21 });
	add(6, { rating: 2, daysAgo: 12, status: 0 }); // waiting for moderation: private API only
	add(7, { rating: 5, daysAgo: 6 });
	add(8, { rating: 4, daysAgo: 2 });
	add(9, { rating: 5, product: '100', daysAgo: 45 });
	add(10, { rating: 4, product: '100', daysAgo: 30 });
	add(11, { rating: 5, product: '100', daysAgo: 9 });
	add(12, {
		rating: 2,
		product: '100',
		daysAgo: 4,
		reply: 'Please contact us, we will repair it.',
	});
	add(13, { rating: 5, product: '200', daysAgo: 15 });
	add(14, { rating: 4, product: '200', daysAgo: 1 });
	return { reviews, orders: [], nextReviewId: 1015 };
}

// ── Readings of the reviews ──────────────────────────────────────────────────────────────

const inScope = (review, scope) =>
	scope === 'site' ? review.type === 'site' : review.product === String(scope);
const newestFirst = (a, b) =>
	a.date_time < b.date_time ? 1 : a.date_time > b.date_time ? -1 : b.id - a.id;

function ratings(list) {
	const distribution = [1, 2, 3, 4, 5].map(
		(score) => list.filter((review) => review.review_rating === score).length,
	);
	const total = list.length;
	const average = total
		? Math.round((list.reduce((sum, review) => sum + review.review_rating, 0) / total) * 100) / 100
		: 0;
	return { total, average, distribution };
}

/** The public API's short field names (c, r, txt…): no e-mail, no full last name. */
function publicReview(review) {
	return {
		id: review.id,
		c: `${review.reviewer_name} ${review.reviewer_lastname.charAt(0)}.`,
		r: review.review_rating,
		txt: review.review_text,
		date: review.date_time.slice(0, 16),
		o: Number(review.order.replace(/\D/g, '')),
		odate: review.order_date,
		...(review.answer_text
			? { reply: review.answer_text, rdate: review.answer_date_time.slice(0, 10) }
			: {}),
		transl: review.translated,
		lang: review.lang,
	};
}

// ── Orders import ────────────────────────────────────────────────────────────────────────

const present = (value) => value !== undefined && value !== null && String(value).trim() !== '';

function orderProblem(order) {
	if (!isObject(order)) return MISSING_FIELDS;
	if (
		!['id_order', 'order_date', 'firstname', 'lastname', 'email'].every((key) =>
			present(order[key]),
		)
	)
		return MISSING_FIELDS;
	if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(order.order_date)))
		return 'Invalid order_date format (expected YYYY-MM-DD HH:MM:SS)';
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(order.email))) return 'Invalid email address';
	if (order.products !== undefined) {
		if (!Array.isArray(order.products)) return MISSING_FIELDS;
		if (!order.products.every((p) => isObject(p) && present(p.name) && /^\d+$/.test(String(p.id))))
			return MISSING_FIELDS;
	}
	return undefined;
}

function importOrders(state, orders) {
	let imported = 0;
	let alreadySent = false;
	let problem;
	for (const order of orders) {
		const refused = orderProblem(order);
		if (refused) {
			problem ??= refused;
			continue;
		}
		// "An order will not be re-imported if another order with the same order_id or reference has already been sent."
		const duplicate = state.orders.some(
			(sent) =>
				String(sent.id_order) === String(order.id_order) ||
				(present(order.reference) &&
					present(sent.reference) &&
					String(sent.reference) === String(order.reference)),
		);
		if (duplicate) {
			alreadySent = true;
			continue;
		}
		state.orders.push({ ...order, received: wallClock(new Date()) });
		imported++;
	}
	// A refused order says why; "already sent" alone is the doc's own message.
	const message = problem ?? (alreadySent ? ALREADY_SENT : null);
	return {
		success: imported > 0 ? 1 : 0,
		orders_count: orders.length,
		orders_imported: imported,
		message,
	};
}

/** `orders` as the doc sends it (a JSON-encoded string in a form) or as the plugins do (an array in JSON). */
function ordersOf(body) {
	const raw = body.orders;
	if (typeof raw === 'string') {
		try {
			return JSON.parse(raw);
		} catch {
			return undefined;
		}
	}
	return raw;
}

/** A customer's review arrives (published unless status 0): {rating, text, product, name, order}. */
function addReview(state, input) {
	const [name = 'Sandbox', lastname = 'Customer'] = String(input.name ?? 'Sandbox Customer').split(
		' ',
	);
	const review = {
		id: state.nextReviewId++,
		order: String(input.order ?? `GR-${state.nextReviewId}`),
		review_rating: Math.min(5, Math.max(1, Number(input.rating) || 5)),
		review_text: String(input.text ?? 'Arrived quickly, lovely piece.'),
		reviewer_name: name,
		reviewer_lastname: lastname,
		reviewer_email: `${name.toLowerCase()}@example.com`,
		product: input.product ? String(input.product) : 'no',
		type: input.product ? 'product' : 'site',
		status: input.status === 0 ? 0 : 1,
		lang: 'en',
		translated: 0,
		date_time: wallClock(new Date()),
		order_date: wallClock(ago(new Date(), { days: 10 })).slice(0, 10),
		update_date_time: wallClock(new Date()),
	};
	state.reviews.push(review);
	return review;
}

const reviewAge = [(review) => review.date_time, (review) => review.id];

// ── The service ──────────────────────────────────────────────────────────────────────────

function create(now, { behaviour }) {
	const state = seed(now);
	const { privateKey, publicKey } = KEYS.guaranteedReviews;
	const refused = reply(200, { success: 0, message: 'Invalid API key' });

	function handle(req) {
		const publicMatch = /^\/public\/v3\/reviews\/([^/]+)\/([^/]+)\/?$/.exec(req.path);
		if (publicMatch && req.method === 'GET') {
			const [key, scope] = publicMatch.slice(1).map(decodeURIComponent);
			// Cached by a CDN: errors come back as {data: <status>, message} inside a 200.
			if (key !== publicKey) return reply(200, { data: 403, message: 'Unknown public key' });
			const list = state.reviews
				.filter((review) => review.status === 1 && inScope(review, scope))
				.sort(newestFirst);
			// "at most 1000 reviews per request", and no paging: a page cap cuts the reply silently
			return serveList(behaviour(), list, {
				max: PUBLIC_MAX,
				age: reviewAge,
				render: (reviews) =>
					reply(
						200,
						{ ratings: ratings(list), reviews: reviews.map(publicReview) },
						{ 'Cache-Control': 'public, max-age=600' },
					),
				arrive: () => addReview(state, { product: scope === 'site' ? undefined : scope }),
				// a review leaves the public list by being unpublished
				leave: (review) => (review.status = 0),
			});
		}

		const body = isObject(req.body) ? req.body : {};
		if (req.path.replace(/\/$/, '') === '/private/v3/orders' && req.method === 'POST') {
			if (req.jsonError) return reply(400, { success: 0, message: 'Invalid JSON body' });
			if (body.api_key !== privateKey) return refused;
			const orders = ordersOf(body);
			if (!Array.isArray(orders))
				return reply(200, {
					success: 0,
					orders_count: 0,
					orders_imported: 0,
					message: 'orders must be a JSON encoded array of orders',
				});
			return reply(200, importOrders(state, orders));
		}

		if (req.path.replace(/\/$/, '') === '/private/v3/stats' && req.method === 'GET') {
			if (req.query.api_key !== privateKey) return refused;
			const scope = req.query.scope || 'site';
			const list = state.reviews.filter((review) => inScope(review, scope));
			const published = list.filter((review) => review.status === 1);
			const { total, average, distribution } = ratings(published);
			return reply(200, {
				scope,
				total,
				average,
				distribution: Object.fromEntries(
					distribution.map((count, index) => [String(index + 1), count]),
				),
				pending: list.length - published.length,
				orders_received: state.orders.length,
				...(req.query.include_public_key === 'true' ? { public_key: publicKey } : {}),
			});
		}

		if (req.path.replace(/\/$/, '') === '/private/v3/reviews' && req.method === 'GET') {
			const q = req.query;
			if (q.api_key !== privateKey) return refused;
			const type = q.review_type || 'site';
			const limit = Math.min(PUBLIC_MAX, Math.max(1, Number(q.limit) || 100));
			const page = Math.max(1, Number(q.page) || 1);
			const list = state.reviews
				.filter(
					(review) =>
						(type === 'both' || review.type === type) &&
						(!q.product_id || review.product === String(q.product_id)) &&
						(q.status === undefined || review.status === Number(q.status)) &&
						(!q.update_from || review.update_date_time >= String(q.update_from)),
				)
				.sort(newestFirst);
			if (q.sort === 'asc') list.reverse();
			return serveList(behaviour(), list, {
				paging: { size: limit, page },
				age: reviewAge,
				render: (reviews, window) =>
					reply(200, {
						reviews,
						...(window.totals
							? {
									pagination: {
										total_results: window.total,
										total_pages: window.totalPages,
										current_page: page,
										limit: window.size,
									},
								}
							: {}),
					}),
				arrive: () =>
					addReview(state, { product: type === 'product' ? (q.product_id ?? '100') : undefined }),
				leave: (review) => state.reviews.splice(state.reviews.indexOf(review), 1),
			});
		}

		return reply(404, { success: 0, message: `No route ${req.method} ${req.path}` });
	}

	return {
		handle,
		controls: {
			/** a customer's review arrives (published unless status 0): {rating, text, product, name} */
			'POST /reviews': (input) => reply(201, addReview(state, input)),
		},
		secrets: () => [privateKey],
	};
}

module.exports = { name: 'guaranteed-reviews', prefix: '/guaranteed-reviews', create };
