'use strict';
// The services' side of the bench, in a process of its own (forked by bench/lib/services.js), so
// that the stand-ins' work runs beside the engine the way a remote service would, and so that the
// bench process's memory figures hold only n8n, the nodes and their output.
//
// It runs two servers on 127.0.0.1:
//   - the project's sandbox (sandbox/server.js, `startSandbox({port: 0})`), unchanged: every
//     per-item, bulk and trigger figure is measured against it, and its request log counts requests;
//   - a Gigrove product catalog of any size (`catalog`), for the pagination figure only. The
//     sandbox's Gigrove stand-in rebuilds, sorts and deep-copies its whole product list on every
//     page and checks SKUs with a scan on every create, so 100 000 products would take it hours
//     (see `sandboxPageCost`). The catalog answers `GET products/` exactly as that stand-in does
//     (Bearer token, per_page 1–100, page, newest first, X-WP-Total, X-WP-TotalPages, Link) with
//     records cloned from one the stand-in itself built.
//
// Commands arrive over IPC as {id, cmd, args}; each gets {id, result} or {id, error}.

const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const { startSandbox, KEYS } = require(path.join(ROOT, 'sandbox', 'server'));

let sandbox;
let catalog;

// ── The request log as a counter ─────────────────────────────────────────────────────────────
// The sandbox numbers every request it answers (`seq`, never reset) and keeps the last 1 000. A
// probe request before and after a run brackets it: requests made = difference − 1, however many
// the log still holds; the entries it does hold show what those requests were.

async function probe() {
	await fetch(`${sandbox.baseUrl}/vanilla/__bench_probe`);
	const entries = sandbox.log('vanilla-eshop');
	return entries[entries.length - 1].seq;
}

function summary(entry) {
	const body = entry.body && typeof entry.body === 'object' ? entry.body : {};
	const listed = Array.isArray(body.products)
		? body.products.length
		: Array.isArray(body.orders)
			? body.orders.length
			: undefined;
	return {
		seq: entry.seq,
		service: entry.service,
		method: entry.method,
		path: entry.path,
		query: entry.query,
		headers: entry.headers,
		status: entry.status,
		items: listed,
		body: entry.body,
	};
}

function between(from, to) {
	return sandbox
		.log()
		.filter((entry) => entry.seq > from && entry.seq < to)
		.map(summary);
}

// ── The catalog ──────────────────────────────────────────────────────────────────────────────

async function startCatalog({ size, template, port = 0 }) {
	await stopCatalog();
	const token = KEYS.gigrove.sellerToken;
	const base = template.id;
	const createdAt = Date.parse(`${template.date_created}Z`) - size * 1000;
	const stamp = (offset) => new Date(createdAt + offset * 1000).toISOString().slice(0, 19);
	// Newest first, as WCFM lists by default: position 0 is the highest ID.
	const product = (position) => {
		const n = size - position;
		const slug = `catalog-product-${n}`;
		const date = stamp(n);
		return {
			...template,
			id: base + n,
			name: `Catalog product ${n}`,
			slug,
			permalink: `https://gigrove.com/product/${slug}/`,
			sku: `CAT-${n}`,
			date_created: date,
			date_created_gmt: date,
			date_modified: date,
			date_modified_gmt: date,
		};
	};
	const state = { requests: 0, bytes: 0 };
	const server = http.createServer((request, response) => {
		state.requests++;
		const url = new URL(request.url, 'http://127.0.0.1');
		const send = (status, body, headers = {}) => {
			const payload = JSON.stringify(body);
			state.bytes += Buffer.byteLength(payload);
			response.writeHead(status, {
				'Content-Type': 'application/json; charset=UTF-8',
				'Content-Length': Buffer.byteLength(payload),
				...headers,
			});
			response.end(payload);
		};
		request.resume();
		request.on('end', () => {
			if (
				!/^\/gigrove\/api\/request\/v1\/products\/?$/.test(url.pathname) ||
				request.method !== 'GET'
			) {
				return send(404, {
					code: 'rest_no_route',
					message: 'No route was found matching the URL and request method.',
					data: { status: 404 },
				});
			}
			if (request.headers.authorization !== `Bearer ${token}`) {
				return send(401, {
					code: 'rest_forbidden',
					message: 'Sorry, you are not allowed to do that.',
					data: { status: 401 },
				});
			}
			const query = Object.fromEntries(url.searchParams);
			const perPage = query.per_page === undefined ? 10 : Number(query.per_page);
			const page = query.page === undefined ? 1 : Number(query.page);
			if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
				return send(400, {
					code: 'rest_invalid_param',
					message: 'Invalid parameter(s): per_page',
					data: { status: 400 },
				});
			}
			if (!Number.isInteger(page) || page < 1) {
				return send(400, {
					code: 'rest_invalid_param',
					message: 'Invalid parameter(s): page',
					data: { status: 400 },
				});
			}
			const items = [];
			for (
				let position = (page - 1) * perPage;
				position < Math.min(size, page * perPage);
				position++
			)
				items.push(product(position));
			const totalPages = Math.max(1, Math.ceil(size / perPage));
			const link = (n) =>
				`<http://${request.headers.host}${url.pathname}?${new URLSearchParams({ ...query, page: String(n) })}>`;
			const links = [
				page > 1 && `${link(page - 1)}; rel="prev"`,
				page < totalPages && `${link(page + 1)}; rel="next"`,
			].filter(Boolean);
			send(200, items, {
				'X-WP-Total': String(size),
				'X-WP-TotalPages': String(totalPages),
				...(links.length ? { Link: links.join(', ') } : {}),
			});
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	catalog = { server, state };
	return { baseUrl: `http://127.0.0.1:${server.address().port}/gigrove/api/request/v1/` };
}

async function stopCatalog() {
	if (!catalog) return;
	const { server } = catalog;
	catalog = undefined;
	await new Promise((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

/** A product record as the sandbox's Gigrove stand-in builds it: the catalog's template. */
async function gigroveTemplate() {
	const response = await fetch(`${sandbox.urls.gigrove}products/5694270/`, {
		headers: { Authorization: `Bearer ${KEYS.gigrove.sellerToken}` },
	});
	return await response.json();
}

/**
 * What one page of Gigrove products costs the sandbox's own stand-in with `count` products in it
 * (seeded through its API, POST products/): why the pagination figure uses the catalog.
 */
async function sandboxPageCost(count) {
	sandbox.reset();
	const headers = {
		Authorization: `Bearer ${KEYS.gigrove.sellerToken}`,
		'Content-Type': 'application/json',
	};
	const seedStart = process.hrtime.bigint();
	for (let n = 0; n < count; n++) {
		await fetch(`${sandbox.urls.gigrove}products/`, {
			method: 'POST',
			headers,
			body: JSON.stringify({
				name: `Seed ${n}`,
				sku: `SEED-${n}`,
				categories: [30],
				regular_price: '5.00',
			}),
		});
	}
	const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;
	const pageStart = process.hrtime.bigint();
	const response = await fetch(`${sandbox.urls.gigrove}products/?per_page=100&page=2`, { headers });
	await response.arrayBuffer();
	const pageMs = Number(process.hrtime.bigint() - pageStart) / 1e6;
	sandbox.reset();
	return { count, seedMs, pageMs };
}

// ── Commands ─────────────────────────────────────────────────────────────────────────────────

/**
 * The sandbox's server listens with Node's default backlog (511 connections waiting to be accepted).
 * With `backlog`, it listens with that many instead (the kernel caps it at net.core.somaxconn).
 */
function listenWithBacklog(backlog) {
	const listen = net.Server.prototype.listen;
	net.Server.prototype.listen = function listenWith(...args) {
		if (typeof args[0] === 'number' && typeof args[1] === 'string' && typeof args[2] === 'function')
			return listen.call(this, args[0], args[1], backlog, args[2]);
		return listen.apply(this, args);
	};
	return () => {
		net.Server.prototype.listen = listen;
	};
}

/** How late the sandbox answers (ms): the `delay` command sets it between runs. */
let delayMs = 0;

/**
 * The sandbox's server starts handling each request `delayMs` milliseconds after it arrived: the
 * latency of a remote service, without changing the stand-ins (the bench's own wrapper of their
 * request handler; the probe requests that count the log are held too, which only adds to the
 * fixed part of a run).
 */
function delayRequests() {
	const createServer = http.createServer;
	http.createServer = function createDelayed(...args) {
		const index = args.findIndex((arg) => typeof arg === 'function');
		if (index >= 0) {
			const handler = args[index];
			args[index] = (request, response) =>
				delayMs > 0
					? setTimeout(() => handler(request, response), delayMs)
					: handler(request, response);
		}
		return createServer.apply(this, args);
	};
	return () => {
		http.createServer = createServer;
	};
}

const commands = {
	async start({ backlog, delayMs: delay = 0, port = 0 }) {
		delayMs = delay;
		const restoreListen = backlog ? listenWithBacklog(backlog) : () => {};
		const restoreCreate = delayRequests();
		try {
			sandbox = await startSandbox({ port });
		} finally {
			restoreListen();
			restoreCreate();
		}
		return { baseUrl: sandbox.baseUrl, urls: sandbox.urls };
	},
	reset() {
		sandbox.reset();
		return true;
	},
	delay({ ms }) {
		delayMs = ms;
		return delayMs;
	},
	probe,
	between: ({ from, to }) => between(from, to),
	/** the control routes' own actions (POST /_control/<service>/<route>), many at once */
	control({ service, route, bodies }) {
		return bodies.map((body) => sandbox.control(service, route, body));
	},
	/** `count` Valigara orders, `stepSeconds` apart, the newest `newestSecondsAgo` before now */
	seedValigaraOrders({ count, stepSeconds, newestSecondsAgo = 0 }) {
		const now = Date.now() - newestSecondsAgo * 1000;
		const pad = (n) => String(n).padStart(2, '0');
		const wallClock = (time) => {
			const d = new Date(time);
			return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
		};
		let last;
		for (let n = count - 1; n >= 0; n--)
			last = sandbox.control('valigara', 'POST /orders', {
				order_date: wallClock(now - n * stepSeconds * 1000),
			});
		return { count, newest: last };
	},
	async catalog({ size, port }) {
		return await startCatalog({ size, port, template: await gigroveTemplate() });
	},
	catalogStats: () => ({ ...(catalog?.state ?? {}) }),
	resetCatalogStats() {
		if (catalog) Object.assign(catalog.state, { requests: 0, bytes: 0 });
		return true;
	},
	stopCatalog,
	sandboxPageCost: ({ count }) => sandboxPageCost(count),
	memory: () => process.memoryUsage(),
	cpu: () => process.cpuUsage(),
	async stop() {
		await stopCatalog();
		await sandbox?.stop();
		setImmediate(() => process.exit(0));
		return true;
	},
};

process.on('message', async ({ id, cmd, args }) => {
	try {
		const result = await commands[cmd](args ?? {});
		process.send({ id, result });
	} catch (error) {
		process.send({ id, error: error.stack ?? String(error) });
	}
});
// The bench's process is the only reason to live: if it goes, so does this one.
process.on('disconnect', () => process.exit(0));
