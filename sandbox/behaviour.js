'use strict';
// Unfriendly behaviours: what real services do and a friendly stand-in does not. Capped pages,
// their own sort order, records arriving and leaving while a client pages, latency, throttling.
// Every one is off by default, so the stand-ins answer exactly as they always have until a
// behaviour is set (SANDBOX_BEHAVIOUR, cli.js flags, /_control/behaviour, startSandbox({behaviour})).
//
// Settings are global, with per-service overrides under the service's name:
//   {"pageCap": 5, "gigrove": {"pageCap": 3}}
// `null` puts a setting back to its default (in an override: whatever the global value says).

const { randomBytes } = require('node:crypto');

const { reply, isObject } = require('./util');

const SERVICES = ['valigara', 'vanilla-eshop', 'gigrove', 'guaranteed-reviews'];

const DEFAULTS = {
	pageCap: null,
	capMode: 'clamp',
	noTotals: false,
	valigaraPaging: 'ignore',
	sort: null,
	duringPaging: null,
	latencyMs: 0,
	jitterMs: 0,
	throttle: null,
	valigaraThrottle: '105',
};

const THROTTLE_MESSAGE = 'Too many requests, slow down.';
const MAX_BURST = 10_000;

/** A wrong setting or control body: the control routes answer it with 400. */
class BehaviourError extends Error {
	constructor(message) {
		super(message);
		this.status = 400;
	}
}
const wrong = (message) => {
	throw new BehaviourError(message);
};

// ── Reading settings ──────────────────────────────────────────────────────────────────────

const wholeNumber = (name, min) => (value) =>
	Number.isInteger(value) && value >= min
		? value
		: wrong(`${name} must be a whole number from ${min} (got ${JSON.stringify(value)})`);
const milliseconds = (name) => (value) =>
	typeof value === 'number' && Number.isFinite(value) && value >= 0
		? value
		: wrong(`${name} must be a number of milliseconds from 0 (got ${JSON.stringify(value)})`);
const oneOf =
	(name, ...allowed) =>
	(value) =>
		allowed.includes(String(value))
			? String(value)
			: wrong(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
const boolean = (name) => (value) =>
	typeof value === 'boolean'
		? value
		: wrong(`${name} must be true or false (got ${JSON.stringify(value)})`);

function fields(name, value, checks, required = []) {
	if (!isObject(value)) wrong(`${name} must be an object with ${Object.keys(checks).join(', ')}`);
	for (const key of Object.keys(value))
		if (!checks[key])
			wrong(`${name} has no setting "${key}" (it takes ${Object.keys(checks).join(', ')})`);
	if (required.some((key) => value[key] === undefined))
		wrong(`${name} needs ${required.join(' and ')}`);
	return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, checks[key](entry)]));
}

// Each setting's check: it answers the value as stored, or throws what is wrong with it.
const CHECKS = {
	pageCap: wholeNumber('pageCap', 1),
	capMode: oneOf('capMode', 'clamp', 'truncate'),
	noTotals: boolean('noTotals'),
	valigaraPaging: oneOf('valigaraPaging', 'ignore', 'honour', 'reject'),
	sort: oneOf('sort', 'newestFirst', 'oldestFirst'),
	duringPaging: (value) => ({
		add: 0,
		remove: 0,
		...fields('duringPaging', value, {
			add: wholeNumber('duringPaging.add', 0),
			remove: wholeNumber('duringPaging.remove', 0),
		}),
	}),
	latencyMs: milliseconds('latencyMs'),
	jitterMs: milliseconds('jitterMs'),
	throttle: (value) => {
		const checked = fields(
			'throttle',
			value,
			{
				limit: wholeNumber('throttle.limit', 0),
				windowMs: wholeNumber('throttle.windowMs', 1),
				retryAfter: oneOf('throttle.retryAfter', 'seconds', 'date', 'none'),
			},
			['limit', 'windowMs'],
		);
		return {
			limit: checked.limit,
			windowMs: checked.windowMs,
			retryAfter: checked.retryAfter ?? 'seconds',
		};
	},
	valigaraThrottle: oneOf('valigaraThrottle', '105', '429'),
};

function checkSettings(input, where) {
	const out = {};
	for (const [key, value] of Object.entries(input)) {
		if (!CHECKS[key])
			wrong(
				`Unknown behaviour setting "${key}"${where}. Settings: ${Object.keys(CHECKS).join(', ')}; per-service overrides under ${SERVICES.join(', ')}`,
			);
		out[key] = value === null ? null : CHECKS[key](value);
	}
	return out;
}

/** A whole behaviour, checked: global settings and per-service overrides. Throws BehaviourError. */
function parseBehaviour(input) {
	if (input === undefined || input === null) return {};
	if (!isObject(input))
		wrong('The behaviour must be a JSON object, e.g. {"pageCap": 5, "gigrove": {"pageCap": 3}}');
	const global = {};
	const overrides = {};
	for (const [key, value] of Object.entries(input)) {
		if (SERVICES.includes(key)) {
			if (value === null) continue;
			if (!isObject(value)) wrong(`The override for ${key} must be an object of settings`);
			overrides[key] = checkSettings(value, ` for ${key}`);
		} else Object.assign(global, checkSettings({ [key]: value }, ''));
	}
	// null at the top level is the default: leave it out, so GET shows only what is set
	return {
		...Object.fromEntries(Object.entries(global).filter(([, value]) => value !== null)),
		...overrides,
	};
}

/** `patch` on top of `current`: objects (overrides, duringPaging, throttle) merge key by key; `{"gigrove": null}` drops an override. */
function mergeSettings(current, patch) {
	const out = { ...current };
	for (const [key, value] of Object.entries(patch)) {
		if (value === null && SERVICES.includes(key)) delete out[key];
		else if (isObject(out[key]) && isObject(value)) out[key] = mergeSettings(out[key], value);
		else out[key] = value;
	}
	return out;
}

/** `current` with `patch` on top, checked: what POST /_control/behaviour does. */
function mergeBehaviour(current, patch) {
	if (!isObject(patch))
		wrong('The behaviour must be a JSON object, e.g. {"pageCap": 5, "gigrove": {"pageCap": 3}}');
	return parseBehaviour(mergeSettings(current, patch));
}

/** SANDBOX_BEHAVIOUR (JSON), checked; `{}` when unset. */
function behaviourFromEnv(env = process.env) {
	const text = env.SANDBOX_BEHAVIOUR;
	if (text === undefined || text.trim() === '') return {};
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		wrong(`SANDBOX_BEHAVIOUR is not JSON: ${error.message}`);
	}
	return parseBehaviour(parsed);
}

/** One service's settings, every one filled in: the defaults, the global values, then its override. */
function effectiveBehaviour(behaviour, service) {
	const out = { ...DEFAULTS };
	for (const [key, value] of Object.entries(behaviour))
		if (!SERVICES.includes(key) && value !== null) out[key] = value;
	for (const [key, value] of Object.entries(behaviour[service] ?? {}))
		out[key] = value === null ? DEFAULTS[key] : value;
	return out;
}

// ── Latency and throttling (server.js applies them to every request a stand-in answers) ──

/** How long to wait before answering: latencyMs, plus 0..jitterMs drawn uniformly. */
function delayOf(settings) {
	return settings.latencyMs + (settings.jitterMs > 0 ? Math.random() * settings.jitterMs : 0);
}

/**
 * A sliding window per service: the first `limit` requests within `windowMs` are answered, the
 * next are refused until the oldest answered one leaves the window. Refused requests do not count,
 * so a client that waits for Retry-After is answered.
 */
function createThrottle() {
	let windows = new Map();
	return {
		clear: () => {
			windows = new Map();
		},
		/** undefined when the request may go on; else the refusal to send */
		check(service, settings, now = Date.now()) {
			const { throttle } = settings;
			if (!throttle) return undefined;
			const times = (windows.get(service) ?? []).filter((time) => now - time < throttle.windowMs);
			windows.set(service, times);
			if (times.length < throttle.limit) {
				times.push(now);
				return undefined;
			}
			const freeAt = times.length ? times[0] + throttle.windowMs : now + throttle.windowMs;
			const retry = {
				seconds: { 'Retry-After': String(Math.max(1, Math.ceil((freeAt - now) / 1000))) },
				// an HTTP date has whole seconds: round up, so waiting until then is always enough
				date: { 'Retry-After': new Date(Math.ceil(freeAt / 1000) * 1000).toUTCString() },
				none: {},
			}[throttle.retryAfter];
			if (service === 'valigara' && settings.valigaraThrottle === '105') {
				// Valigara's own refusal: HTTP 200, message code 105, as on product_update_listings
				return reply(
					200,
					{ status: 105, data: 'Rate limit exceeded' },
					{ 'X-DEBUG-UID': randomBytes(8).toString('hex'), ...retry },
				);
			}
			return reply(429, { message: THROTTLE_MESSAGE }, retry);
		},
	};
}

// ── Lists: sort, cap, page, and records arriving and leaving while a client pages ─────────

function sortByAge(list, sort, [dateOf, idOf]) {
	const direction = sort === 'newestFirst' ? -1 : 1;
	const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
	return [...list].sort(
		(a, b) =>
			direction * (compare(dateOf(a), dateOf(b)) || compare(Number(idOf(a)), Number(idOf(b)))),
	);
}

/**
 * One list reply as the behaviour shapes it. Every stand-in's list handler calls this.
 *   list      the records the request selects, in the stand-in's own order
 *   spec.age  [dateOf, idOf]: a record's date (sortable text) and ID, for `sort`
 *   spec.paging   {size, page}: the asked page, where the docs name paging (already checked)
 *   spec.guessed  {page, limit}: paging keys the docs do not name, given only when they are honoured
 *   spec.max      the service's own largest reply, if any
 *   spec.render(items, window) → the reply; window = {start, size, page, total, totalPages, totals}
 *   spec.arrive() adds a new record; spec.leave(record) takes one out of this list (duringPaging)
 */
function serveList(settings, list, spec) {
	const sorted = settings.sort ? sortByAge(list, settings.sort, spec.age) : list;
	const cap = settings.pageCap ?? Infinity;
	let start;
	let items;
	let window;
	if (spec.paging) {
		const { size: asked, page } = spec.paging;
		// clamp: the server's page size is min(asked, cap); truncate: pages of the asked size, each cut to the cap
		const size = settings.capMode === 'truncate' ? asked : Math.min(asked, cap);
		start = (page - 1) * size;
		items = sorted.slice(start, start + size).slice(0, cap);
		window = {
			start,
			size,
			page,
			total: sorted.length,
			totalPages: Math.max(1, Math.ceil(sorted.length / size)),
			totals: !settings.noTotals,
		};
	} else {
		const page = spec.guessed?.page ?? 1;
		const limit = Math.min(spec.guessed?.limit ?? Infinity, cap, spec.max ?? Infinity);
		start = page === 1 ? 0 : (page - 1) * limit;
		items = sorted.slice(start, start + limit);
		window = {
			start,
			size: limit,
			page,
			total: sorted.length,
			totalPages: undefined,
			totals: !settings.noTotals,
		};
	}
	const answer = spec.render(items, window);
	if (settings.duringPaging) shiftList(sorted, start, items.length, settings.duringPaging, spec);
	return answer;
}

/**
 * After a page is served: `remove` records leave the list from among those already served, so
 * every later record moves up. They are the records just above the page's start (start-1,
 * start-2, …); on the first page, where nothing is above, the page's own first records. Then
 * `add` new records arrive (where depends on the list's order: newest first puts them on top).
 */
function shiftList(list, start, served, { add, remove }, spec) {
	const positions = [];
	for (let i = Math.min(start, list.length) - 1; i >= 0; i--) positions.push(i);
	for (let i = start; i < start + served; i++) positions.push(i);
	positions
		.slice(0, remove)
		.map((i) => list[i])
		.forEach((record) => spec.leave(record));
	for (let n = 0; n < add; n++) spec.arrive();
}

// ── Bursts (control routes that add records) ──────────────────────────────────────────────

/**
 * A control route's body: `count` records at once (one, and today's single reply, without it),
 * dated back over `spreadSeconds` (evenly, the last one newest) and `lateSeconds` before now.
 * `create(fields, date)` makes one record from the remaining body fields.
 */
function burst(body, create) {
	const { count, spreadSeconds = 0, lateSeconds = 0, ...rest } = isObject(body) ? body : {};
	if (count !== undefined) wholeNumber('count', 1)(count);
	if (count > MAX_BURST) wrong(`count must be at most ${MAX_BURST}`);
	milliseconds('spreadSeconds')(spreadSeconds);
	milliseconds('lateSeconds')(lateSeconds);
	const n = count ?? 1;
	const newest = Date.now() - lateSeconds * 1000;
	const made = Array.from({ length: n }, (_, i) =>
		create(
			{ ...rest },
			new Date(newest - (n > 1 ? (spreadSeconds * 1000 * (n - 1 - i)) / (n - 1) : 0)),
		),
	);
	return count === undefined ? made[0] : made;
}

module.exports = {
	SERVICES,
	DEFAULTS,
	THROTTLE_MESSAGE,
	BehaviourError,
	parseBehaviour,
	mergeBehaviour,
	behaviourFromEnv,
	effectiveBehaviour,
	delayOf,
	createThrottle,
	serveList,
	burst,
};
