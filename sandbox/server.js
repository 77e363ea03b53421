'use strict';
// The local sandbox: one node:http server on 127.0.0.1 with a stand-in for each of the four
// services under its own path prefix, control routes under /_control/, and a log of every request
// the stand-ins answered (secrets replaced by ***). No dependencies, no build: Node 20 and 24.
//
//   const { startSandbox } = require('./sandbox/server');
//   const sandbox = await startSandbox({ port: 0 });   // 0: any free port
//   sandbox.urls.valigara  // http://127.0.0.1:<port>/valigara/client/V1/
//   await sandbox.stop();
// Unfriendly behaviours (capped pages, latency, throttling…) are off unless set: behaviour.js.

const http = require('node:http');

const { KEYS, serviceUrls, DEFAULT_PORT } = require('./config');
const { reply } = require('./util');
const behaviours = require('./behaviour');

// Each module: { name, prefix, create(now, {behaviour}) → { handle(req), controls, secrets() } };
// `behaviour()` gives the module's effective settings at the moment of the call.
const MODULES = [
	require('./valigara'),
	require('./vanilla-eshop'),
	require('./gigrove'),
	require('./guaranteed-reviews'),
];

const HOST = '127.0.0.1'; // never another interface: the stand-ins hold no real data and no auth worth the name
const MAX_BODY = 5 * 1024 * 1024;
const MAX_LOG = 1000;

// ── Reading requests ────────────────────────────────────────────────────────────────────────

/** A flat object of the query (the last value wins, as PHP and Laravel read it). */
function queryObject(searchParams) {
	const query = {};
	for (const [key, value] of searchParams) query[key] = value;
	return query;
}

/** multipart/form-data text fields (the Guaranteed Reviews doc's own example posts this way). */
function parseMultipart(text, contentType) {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	const fields = {};
	if (!boundary) return fields;
	for (const part of text.split(`--${boundary}`)) {
		const [head, ...rest] = part.split('\r\n\r\n');
		const name = /name="([^"]*)"/i.exec(head ?? '')?.[1];
		if (name !== undefined) fields[name] = rest.join('\r\n\r\n').replace(/\r\n$/, '');
	}
	return fields;
}

/** The body as the stand-ins read it: JSON, a form, or multipart fields; `jsonError` when JSON does not parse. */
function parseBody(text, contentType) {
	const type = String(contentType ?? '').toLowerCase();
	if (text === '') return { body: undefined };
	if (type.includes('application/json')) {
		try {
			return { body: JSON.parse(text) };
		} catch {
			return { body: undefined, jsonError: true };
		}
	}
	if (type.includes('application/x-www-form-urlencoded'))
		return { body: queryObject(new URLSearchParams(text)) };
	if (type.includes('multipart/form-data')) return { body: parseMultipart(text, contentType) };
	return { body: text };
}

function readBody(request) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		request.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY) reject(Object.assign(new Error('body too large'), { status: 413 }));
			else chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

// ── The request log, with secrets replaced ────────────────────────────────────────────────

// Parameters and headers that carry a secret whatever their value (a wrong key is still a key).
const SECRET_NAMES = new Set([
	'auth',
	'api_key',
	'api_secret',
	'access_token',
	'password',
	'authorization',
	'x-api-key',
	'x-api-secret',
	KEYS.vanillaEshop.headerName.toLowerCase(),
]);

function redact(value, secrets, name) {
	if (name && SECRET_NAMES.has(name.toLowerCase()) && typeof value === 'string') {
		// keep the scheme, so the log still shows that a Bearer token was sent
		return /^bearer\s/i.test(value) ? 'Bearer ***' : '***';
	}
	if (typeof value === 'string')
		return secrets.reduce((text, secret) => text.split(secret).join('***'), value);
	if (Array.isArray(value)) return value.map((entry) => redact(entry, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, redact(entry, secrets, key)]),
		);
	}
	return value;
}

const LOGGED_HEADERS = [
	'content-type',
	'accept',
	'authorization',
	'x-api-key',
	'x-api-secret',
	KEYS.vanillaEshop.headerName.toLowerCase(),
];

// ── The server ───────────────────────────────────────────────────────────────────────────

function sendReply(response, { status, body, headers }) {
	const isText = typeof body === 'string';
	const payload = body === undefined ? '' : isText ? body : JSON.stringify(body);
	response.writeHead(status, {
		'Content-Type': isText ? 'text/html; charset=UTF-8' : 'application/json; charset=UTF-8',
		...headers,
		'Content-Length': Buffer.byteLength(payload),
	});
	response.end(payload);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the sandbox. Options: `port` (default 5680; 0 for any free port), `eventsEverySeconds`
 * (when set, a new Valigara order and a new Gigrove order with its notification appear that often,
 * so triggers can be watched firing without calling the control routes), `now` (a clock, for seeds),
 * `behaviour` (the unfriendly behaviours, see behaviour.js; without it SANDBOX_BEHAVIOUR is read).
 */
async function startSandbox({
	port = DEFAULT_PORT,
	eventsEverySeconds,
	now = () => new Date(),
	behaviour: wanted,
} = {}) {
	let services = {};
	let log = [];
	let seq = 0;
	let behaviour =
		wanted === undefined ? behaviours.behaviourFromEnv() : behaviours.parseBehaviour(wanted);
	const throttle = behaviours.createThrottle();
	const settingsOf = (name) => behaviours.effectiveBehaviour(behaviour, name);

	function reset() {
		services = Object.fromEntries(
			MODULES.map((module) => [
				module.name,
				module.create(now(), { behaviour: () => settingsOf(module.name) }),
			]),
		);
		log = [];
		throttle.clear();
	}
	reset();

	/** The behaviour as set, and each service's settings in full. */
	const describeBehaviour = () => ({
		behaviour,
		effective: Object.fromEntries(MODULES.map((module) => [module.name, settingsOf(module.name)])),
	});

	/** Replaces the whole behaviour (`{}`: friendly again); every throttle window starts afresh. Throws on a wrong setting. */
	function setBehaviour(next) {
		behaviour = behaviours.parseBehaviour(next);
		throttle.clear();
		return describeBehaviour();
	}

	const moduleFor = (pathname) =>
		MODULES.find((m) => pathname === m.prefix || pathname.startsWith(`${m.prefix}/`));
	const secrets = () =>
		Object.values(services)
			.flatMap((service) => service.secrets())
			.filter(Boolean);

	function record(module, request, url, parsed, answer) {
		const headers = Object.fromEntries(
			LOGGED_HEADERS.filter((h) => request.headers[h] !== undefined).map((h) => [
				h,
				request.headers[h],
			]),
		);
		const entry = {
			seq: ++seq,
			time: new Date().toISOString(),
			service: module.name,
			method: request.method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers,
			body: parsed.body,
			status: answer.status,
			reply: answer.body,
		};
		log.push(redact(entry, secrets()));
		if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
	}

	function control(method, parts, body, url, jsonError) {
		const [first, ...rest] = parts;
		if (!first && method === 'GET') {
			return reply(200, { services: serviceUrls(baseUrl), routes: controlRoutes() });
		}
		if (first === 'reset' && method === 'POST') {
			reset();
			return reply(200, { reset: true });
		}
		if (first === 'log' && method === 'GET') {
			const service = url.searchParams.get('service');
			const since = Number(url.searchParams.get('since') ?? 0);
			return reply(200, {
				entries: log.filter(
					(entry) => (!service || entry.service === service) && entry.seq > since,
				),
			});
		}
		if (first === 'log' && method === 'DELETE') {
			log = [];
			return reply(200, { cleared: true });
		}
		if (first === 'behaviour' && rest.length === 0) {
			if (jsonError) return reply(400, { message: 'The body is not valid JSON' });
			if (method === 'GET') return reply(200, describeBehaviour());
			if (method === 'POST')
				return reply(200, setBehaviour(behaviours.mergeBehaviour(behaviour, body ?? {})));
			if (method === 'DELETE') return reply(200, setBehaviour({}));
		}
		const service = services[first];
		const handler = service?.controls[`${method} /${rest.join('/')}`];
		if (handler) return handler(body ?? {});
		return reply(404, {
			message: `No control route ${method} /_control/${parts.join('/')}`,
			routes: controlRoutes(),
		});
	}

	function controlRoutes() {
		const own = [
			'GET /_control/',
			'POST /_control/reset',
			'GET /_control/log?service=&since=',
			'DELETE /_control/log',
			'GET /_control/behaviour',
			'POST /_control/behaviour',
			'DELETE /_control/behaviour',
		];
		return [
			...own,
			...Object.entries(services).flatMap(([name, service]) =>
				Object.keys(service.controls).map((key) => key.replace(' /', ` /_control/${name}/`)),
			),
		];
	}

	async function handle(request, response) {
		const url = new URL(request.url, `http://${HOST}`);
		// Collapse doubled slashes (`…/client/V1//`): clients join base URLs and paths in different ways.
		url.pathname = url.pathname.replace(/\/{2,}/g, '/');
		let text;
		try {
			text = await readBody(request);
		} catch (error) {
			return sendReply(response, reply(error.status ?? 400, { message: error.message }));
		}
		const parsed = parseBody(text, request.headers['content-type']);

		if (url.pathname === '/_control' || url.pathname.startsWith('/_control/')) {
			const parts = url.pathname.split('/').slice(2).filter(Boolean);
			let answer;
			try {
				answer = control(request.method, parts, parsed.body, url, parsed.jsonError === true);
			} catch (error) {
				if (!(error instanceof behaviours.BehaviourError)) throw error;
				answer = reply(error.status, { message: error.message });
			}
			return sendReply(response, answer);
		}

		const module = moduleFor(url.pathname);
		if (!module) {
			return sendReply(
				response,
				reply(404, {
					message: `Nothing here. The stand-ins live under ${MODULES.map((m) => m.prefix).join(', ')}; see GET /_control/`,
				}),
			);
		}
		const req = {
			method: request.method,
			path: url.pathname.slice(module.prefix.length) || '/',
			query: queryObject(url.searchParams),
			headers: request.headers,
			rawBody: text,
			body: parsed.body,
			jsonError: parsed.jsonError === true,
		};
		const settings = settingsOf(module.name);
		const delay = behaviours.delayOf(settings);
		if (delay > 0) {
			await sleep(delay);
			if (response.destroyed) return; // stopped, or the client gave up, while we waited
		}
		// settings as they are now: a behaviour set while this request waited applies to it
		let answer = throttle.check(module.name, settingsOf(module.name));
		if (!answer) {
			try {
				answer = services[module.name].handle(req);
			} catch (error) {
				answer = reply(500, { message: `The ${module.name} stand-in failed: ${error.message}` });
			}
		}
		record(module, request, url, parsed, answer);
		sendReply(response, answer);
	}

	const server = http.createServer((request, response) => {
		handle(request, response).catch((error) =>
			sendReply(response, reply(500, { message: error.message })),
		);
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, HOST, resolve);
	});
	const actualPort = server.address().port;
	const baseUrl = `http://${HOST}:${actualPort}`;

	// Events that appear over time, for watching triggers: unref'd so they never hold the process.
	let timer;
	if (eventsEverySeconds > 0) {
		timer = setInterval(() => {
			services.valigara.controls['POST /orders']({});
			services.gigrove.controls['POST /orders']({});
		}, eventsEverySeconds * 1000);
		timer.unref();
	}

	return {
		port: actualPort,
		baseUrl,
		urls: serviceUrls(baseUrl),
		/** the request log (secrets replaced), optionally of one service */
		log: (service) => log.filter((entry) => !service || entry.service === service),
		clearLog: () => {
			log = [];
		},
		reset,
		/** the behaviour as set and each service's settings in full: {behaviour, effective} */
		behaviour: describeBehaviour,
		setBehaviour,
		/** the control routes' actions, for callers in the same process: control('gigrove', 'POST /notifications', {...}) */
		control: (service, route, body = {}) => services[service].controls[route](body).body,
		stop: () =>
			new Promise((resolve) => {
				clearInterval(timer);
				server.close(() => resolve());
				// keep-alive connections would hold close() open
				server.closeAllConnections?.();
			}),
	};
}

module.exports = {
	startSandbox,
	serviceUrls,
	KEYS,
	parseBehaviour: behaviours.parseBehaviour,
	mergeBehaviour: behaviours.mergeBehaviour,
	behaviourFromEnv: behaviours.behaviourFromEnv,
};
