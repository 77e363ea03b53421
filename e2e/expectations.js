'use strict';
// What each step of the example workflows (scripts/sandbox-setup.js) must send to the
// sandbox and give back, when run by `n8n execute`. Keyed by workflow ID, then node name.
// Each check gets { items, calls, out(name), sent(name) } and returns a list of problems:
//   items     the node's output items (json only)
//   calls     the sandbox log entries made while that node ran
//   out(n)    the output items of another node of the run
// A step of a workflow that has no entry here still gets the generic checks (it ran, no
// error, at least one item, at least one successful request to its service).

const GR_PUBLIC_KEY = '0123456789abcdef0123456789abcdef';

// ── helpers ─────────────────────────────────────────────────────────────────────────────

const json = (text) => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};

/** The Valigara parameters of a call: query, then form body on top (as the stand-in reads them). */
const valigaraParams = (call) => ({
	...(call.query || {}),
	...(call.body && typeof call.body === 'object' ? call.body : {}),
});

/** One request of `calls` matching method + path (regex) (+ Valigara action); problems when missing or failed. */
function request(calls, { method, path, action }, problems) {
	const found = calls.filter(
		(c) =>
			c.method === method && path.test(c.path) && (!action || valigaraParams(c).action === action),
	);
	const label = `${method} ${path}${action ? ` action=${action}` : ''}`;
	if (found.length === 0) {
		problems.push(
			`no ${label} reached the sandbox; it got: ${calls.map((c) => `${c.method} ${c.path}${valigaraParams(c).action ? ` action=${valigaraParams(c).action}` : ''}`).join(', ') || 'nothing'}`,
		);
		return undefined;
	}
	const call = found[0];
	if (call.status >= 400)
		problems.push(
			`${label} answered HTTP ${call.status}: ${JSON.stringify(call.reply).slice(0, 300)}`,
		);
	if (action && call.reply && call.reply.status !== 100)
		problems.push(
			`${label} answered Valigara code ${call.reply.status}: ${JSON.stringify(call.reply.data).slice(0, 300)}`,
		);
	return call;
}

const eq = (problems, what, got, want) => {
	if (JSON.stringify(got) !== JSON.stringify(want))
		problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
};
const ok = (problems, what, cond) => {
	if (!cond) problems.push(what);
};
const count = (problems, items, min, max = Infinity) => {
	if (items.length < min || items.length > max)
		problems.push(
			`${items.length} output item(s), want ${max === Infinity ? `at least ${min}` : min === max ? min : `${min}–${max}`}`,
		);
};

// ── Valigara ────────────────────────────────────────────────────────────────────────────

const V = /^\/valigara\/client\/V1\/?$/;
/** A Valigara step: one POST with `action`, auth sent (the log shows it as ***), `data` JSON. */
const valigara =
	(action, more) =>
	({ items, calls, out }) => {
		const problems = [];
		const call = request(calls, { method: 'POST', path: V, action }, problems);
		if (call) {
			ok(problems, 'the access key (auth) was not sent', valigaraParams(call).auth === '***');
			const data = valigaraParams(call).data;
			if (more)
				more({ problems, items, data: data === undefined ? undefined : json(data), out, call });
		}
		return problems;
	};

const valigaraSteps = {
	'List Product Fields': valigara('product_listfields', ({ problems, items }) => {
		count(problems, items, 1);
		ok(
			problems,
			'fields have no name',
			items.every((i) => typeof i.name === 'string'),
		);
	}),
	'Import Product': valigara('product_import', ({ problems, items, data }) => {
		eq(problems, 'data.title', data?.title, 'Sandbox Solitaire Ring');
		eq(problems, 'data.metals', data?.metals, [{ name: 'Gold', purity: '14K', weight: 2.4 }]);
		count(problems, items, 1, 1);
		ok(problems, 'no product_id in the output', Number.isInteger(items[0]?.product_id));
	}),
	'Search Rings': valigara('product_search', ({ problems, items, data, out }) => {
		// the first request: the filter and the guessed paging keys (nodes/Valigara/guesses.ts)
		eq(problems, 'data', data, { type: 'Ring', page: 1, limit: 100 });
		ok(
			problems,
			'the imported ring is not among the results',
			items.some((i) => i.product_id === out('Import Product')[0]?.product_id),
		);
	}),
	'Export Product': valigara('product_export', ({ problems, items, data, out }) => {
		const id = out('Import Product')[0]?.product_id;
		eq(problems, 'data.product_id', data?.product_id, id);
		count(problems, items, 1, 1);
		eq(
			problems,
			'exported product',
			[items[0]?.product_id, items[0]?.title],
			[id, 'Sandbox Solitaire Ring'],
		);
	}),
	'Report Sold': valigara('product_sold', ({ problems, items, data }) => {
		eq(problems, 'data.quantity', data?.quantity, 1);
		count(problems, items, 1, 1);
	}),
	'Get Listing Accounts': valigara('listings_accounts_get', ({ problems, items }) => {
		count(problems, items, 1);
		ok(
			problems,
			'accounts have no account_id',
			items.every((i) => i.account_id !== undefined),
		);
	}),
	'Import Gemstone': valigara('gemstone_import', ({ problems, items, data }) => {
		eq(problems, 'data.type', data?.type, 'Emerald');
		// The Color field is the parameter `hue`; Valigara's key stays `color`.
		eq(problems, 'data.color', data?.color, 'Green');
		ok(problems, 'no gemstone_id in the output', items[0]?.gemstone_id !== undefined);
	}),
	'Search Gemstones': valigara('gemstone_search', ({ problems, items, out }) => {
		ok(
			problems,
			'the imported gemstone is not among the results',
			items.some((i) => i.gemstone_id === out('Import Gemstone')[0]?.gemstone_id),
		);
	}),
	'Export Orders': valigara('orders_export', ({ problems, items }) => {
		count(problems, items, 1);
		ok(
			problems,
			'orders have no order_id',
			items.every((i) => i.order_id !== undefined),
		);
	}),
	'Set Tracking Number': valigara('order_set_tracking_number', ({ problems, items, data, out }) => {
		eq(problems, 'data', data, {
			order_id: out('Export Orders')[0]?.order_id,
			tracking_number: '1Z999AA10123456784',
			carrier: 'UPS',
		});
		count(problems, items, 1, 1);
	}),
	'Delete Product': valigara('product_delete', ({ problems, items, data, out }) => {
		ok(
			problems,
			`data.product_id ${JSON.stringify(data?.product_id)} does not name the imported product`,
			[].concat(data?.product_id).includes(out('Import Product')[0]?.product_id),
		);
		count(problems, items, 1);
	}),
};

// ── Vanilla eShop ───────────────────────────────────────────────────────────────────────

/** A Vanilla step: one request, the credential's X-Shop-Key header sent. */
const vanilla =
	(method, path, more) =>
	({ items, calls, out }) => {
		const problems = [];
		const call = request(calls, { method, path }, problems);
		if (call) {
			ok(
				problems,
				"the credential's header (X-Shop-Key) was not sent",
				call.headers?.['x-shop-key'] === '***',
			);
			if (more) more({ problems, items, body: call.body, out, call });
		}
		return problems;
	};
const VAN = (rest) => new RegExp(`^/vanilla/v1/in/${rest}$`);

const vanillaSteps = {
	'Create Customer': vanilla('POST', VAN('customer'), ({ problems, items, body }) => {
		eq(problems, 'body.firstname', body?.firstname, 'Sara');
		ok(problems, 'no customer_id in the output', items[0]?.customer_id !== undefined);
	}),
	'Update Customer': vanilla('PUT', VAN('customer/\\d+'), ({ problems, items, out, call }) => {
		eq(
			problems,
			'path',
			call.path,
			`/vanilla/v1/in/customer/${out('Create Customer')[0]?.customer_id}`,
		);
		ok(problems, 'an empty password was sent', !('password' in (call.body || {})));
		count(problems, items, 1, 1);
	}),
	'Create Product': vanilla('POST', VAN('products'), ({ problems, items, body }) => {
		eq(problems, 'body.en', body?.en, { name: 'Sandbox ring' });
		ok(problems, 'no product_id in the output', items[0]?.product_id !== undefined);
	}),
	'Add Price': vanilla('POST', VAN('pricing'), ({ problems, items, body }) => {
		eq(problems, 'body', [body?.entity_id, body?.price], ['77', 45.5]);
		count(problems, items, 1, 1);
	}),
	'Create Order': vanilla('POST', VAN('order'), ({ problems, items, body }) => {
		eq(problems, 'output order_id', items[0]?.order_id, body?.order_id);
		ok(
			problems,
			'no order products sent',
			Array.isArray(body?.products) && body.products.length === 1,
		);
		ok(
			problems,
			'fewer than 3 totals sent',
			Array.isArray(body?.totals) && body.totals.length === 3,
		);
	}),
	'Change Order Status': vanilla('POST', VAN('orderStatus'), ({ problems, body, out }) => {
		eq(
			problems,
			'body',
			[String(body?.order_id), body?.order_status_code],
			[String(out('Create Order')[0]?.order_id), 'processing'],
		);
	}),
	'Add Order Comment': vanilla('POST', VAN('orderHistory'), ({ problems, items }) => {
		eq(problems, 'output comment', items[0]?.comment, 'Packed and ready for the courier');
	}),
	'Get Order': vanilla('GET', VAN('order/\\d+'), ({ problems, items, out }) => {
		count(problems, items, 1, 1);
		eq(problems, 'output order_id', items[0]?.order_id, out('Create Order')[0]?.order_id);
	}),
};

// ── Gigrove ─────────────────────────────────────────────────────────────────────────────

/** A Gigrove step: one request with the Bearer token. */
const gigrove =
	(method, path, more) =>
	({ items, calls, out }) => {
		const problems = [];
		const call = request(calls, { method, path }, problems);
		if (call) {
			eq(problems, 'Authorization header', call.headers?.authorization, 'Bearer ***');
			if (more) more({ problems, items, body: call.body, query: call.query, out, call });
		}
		return problems;
	};
const GIG = (rest) => new RegExp(`^/gigrove/api/request/v1/${rest}$`);

const gigroveSteps = {
	'Create Product': gigrove('POST', GIG('products/?'), ({ problems, items, body }) => {
		eq(problems, 'body.categories', body?.categories, [30]);
		eq(problems, 'output name', items[0]?.name, 'Sandbox Poster');
	}),
	'Get Product': gigrove('GET', GIG('products/\\d+/?'), ({ problems, items, out }) => {
		eq(problems, 'output id', items[0]?.id, out('Create Product')[0]?.id);
	}),
	'Quick Edit Price and Stock': gigrove(
		'PUT',
		GIG('products/quick-edit/\\d+/?'),
		({ problems, items }) => {
			eq(
				problems,
				'output price and stock',
				[items[0]?.regular_price, items[0]?.stock_quantity],
				['10.00', 25],
			);
		},
	),
	'Get Many Products': gigrove('GET', GIG('products/?'), ({ problems, items, query }) => {
		count(problems, items, 5, 5);
		eq(problems, 'per_page', query?.per_page, '5');
	}),
	'Get Many Orders': gigrove('GET', GIG('orders/?'), ({ problems, items }) =>
		count(problems, items, 5, 5),
	),
	'Add Order Note': gigrove('PUT', GIG('orders/note/\\d+/?'), ({ problems, items, call, out }) => {
		ok(
			problems,
			`note sent to ${call.path}, not to the first order`,
			call.path.endsWith(`/${out('Get Many Orders')[0]?.id}`),
		);
		ok(
			problems,
			'the note is not in the output',
			items.some((i) => i.content === 'Packed and handed to the courier'),
		);
	}),
	'Get Notifications': gigrove('GET', GIG('notifications/?'), ({ problems, items }) => {
		count(problems, items, 1, 10);
		ok(
			problems,
			'notifications have no ID',
			items.every((i) => i.ID !== undefined),
		);
	}),
	'Get Bookings': gigrove('GET', GIG('bookings/?'), ({ problems, items }) =>
		count(problems, items, 1, 10),
	),
	'Delete Product': gigrove('DELETE', GIG('products/\\d+/?'), ({ problems, call, out }) => {
		ok(
			problems,
			`deleted ${call.path}, not the created product`,
			call.path.replace(/\/$/, '').endsWith(`/${out('Create Product')[0]?.id}`),
		);
	}),
};

// ── Guaranteed Reviews ──────────────────────────────────────────────────────────────────

const GR = (rest) => new RegExp(`^/guaranteed-reviews/${rest}$`);
/** A Guaranteed Reviews step. Private endpoints carry api_key; public ones must never (a CDN caches them). */
const reviews =
	(method, path, visibility, more) =>
	({ items, calls, out }) => {
		const problems = [];
		const call = request(calls, { method, path }, problems);
		if (call) {
			const key =
				call.query?.api_key ??
				(call.body && typeof call.body === 'object' ? call.body.api_key : undefined);
			if (visibility === 'private')
				ok(problems, 'api_key was not sent to a private endpoint', key === '***');
			else
				ok(
					problems,
					`api_key was sent to a public (CDN-cached) URL: ${JSON.stringify(call.query)}`,
					key === undefined,
				);
			if (
				call.reply &&
				call.reply.success === 0 &&
				!/already been sent/i.test(call.reply.message || '')
			)
				problems.push(`the service refused: ${call.reply.message}`);
			if (more) more({ problems, items, body: call.body, query: call.query, out, call });
		}
		return problems;
	};

const reviewsSteps = {
	'Send Order': reviews('POST', GR('private/v3/orders'), 'private', ({ problems, items, body }) => {
		ok(
			problems,
			'orders is not an array in a JSON body',
			Array.isArray(body?.orders) && body.orders.length === 1,
		);
		eq(problems, 'id_order', body?.orders?.[0]?.id_order, 'SANDBOX-1001');
		ok(
			problems,
			`status ${items[0]?.status}, want imported or alreadySent`,
			['imported', 'alreadySent'].includes(items[0]?.status),
		);
	}),
	'Get Shop Reviews': reviews(
		'GET',
		GR(`public/v3/reviews/${GR_PUBLIC_KEY}/site`),
		'public',
		({ problems, items }) => {
			count(problems, items, 1, 10);
			ok(
				problems,
				'reviews lack readable names (rating, text)',
				items.every((i) => i.rating !== undefined && i.text !== undefined),
			);
		},
	),
	'Get Product Rating': reviews(
		'GET',
		GR(`public/v3/reviews/${GR_PUBLIC_KEY}/100`),
		'public',
		({ problems, items }) => {
			count(problems, items, 1, 1);
			ok(
				problems,
				'no total/average in the summary',
				typeof items[0]?.total === 'number' && items[0]?.average !== undefined,
			);
		},
	),
	'Get Stats': reviews('GET', GR('private/v3/stats'), 'private', ({ problems, items }) => {
		eq(problems, 'public_key', items[0]?.public_key, GR_PUBLIC_KEY);
	}),
	'Get Private Reviews': reviews(
		'GET',
		GR('private/v3/reviews'),
		'private',
		({ problems, items }) => count(problems, items, 1, 20),
	),
};

module.exports = {
	sbxWfValigara: { service: 'valigara', steps: valigaraSteps },
	sbxWfVanilla: { service: 'vanilla-eshop', steps: vanillaSteps },
	sbxWfGigrove: { service: 'gigrove', steps: gigroveSteps },
	sbxWfGuarRev: { service: 'guaranteed-reviews', steps: reviewsSteps },
	valigaraParams,
};
