'use strict';
// The sandbox (sandbox/server.js) for an acceptance run: started in this process on a
// free 127.0.0.1 port, and then used only over HTTP, as n8n and a user reach it: the
// control routes add events, the request log says what n8n sent.

const path = require('node:path');
const { PROJECT_DIR } = require('./util');
const { fetchJson } = require('../../scripts/lib/n8n-runtime');

async function startSandbox() {
	const { startSandbox: start } = require(path.join(PROJECT_DIR, 'sandbox', 'server.js'));
	const sandbox = await start({ port: 0 });
	const base = sandbox.baseUrl.replace(/\/+$/, '');

	async function call(method, route, body) {
		const what = `sandbox ${method} /_control/${route}`;
		const { res, text, json } = await fetchJson(`${base}/_control/${route.replace(/^\/+/, '')}`, {
			method,
			body,
			what,
		});
		if (json === undefined)
			throw new Error(`${what}: not JSON (${res.status}): ${text.slice(0, 200)}`);
		return json;
	}

	return {
		baseUrl: sandbox.baseUrl,
		port: sandbox.port,
		/** POST /_control/<route> with a JSON body; resolves the reply. */
		control: (route, body = {}) => call('POST', route, body),
		/** The request log entries (secrets replaced), optionally of one service and after `since` (a seq number). */
		log: async ({ service, since } = {}) => {
			const qs = new URLSearchParams();
			if (service) qs.set('service', service);
			if (since) qs.set('since', String(since));
			return (await call('GET', `log?${qs}`)).entries;
		},
		/** The seq of the newest log entry (0 when empty): pass as `since` to read only what comes after. */
		lastSeq: async () => {
			const entries = (await call('GET', 'log')).entries;
			return entries.length ? entries[entries.length - 1].seq : 0;
		},
		/** POST /_control/behaviour: merges an unfriendly behaviour (sandbox/README.md) into the current one. */
		setBehaviour: (behaviour) => call('POST', 'behaviour', behaviour),
		/** DELETE /_control/behaviour: friendly again. */
		friendly: () => call('DELETE', 'behaviour'),
		stop: () => sandbox.stop(),
	};
}

module.exports = { startSandbox };
