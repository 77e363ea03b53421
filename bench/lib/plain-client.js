'use strict';
// The limit: Node's own http client with a keep-alive agent, one request at a time (the goal's
// reference; our read-only operations send several at once under an adaptive limit of up to 32,
// see nodes/shared/limiter.ts), reading
// each reply whole and parsing its JSON, nothing else. With `keepAlive: false` every request opens
// a connection of its own, as n8n-core's request helpers do (they build a new http.Agent per
// request): that variant only shows what the lost keep-alive costs. `maxSockets` above 1: for the
// caller that sends several at once (the diagnostic "plain, N at once").

const http = require('node:http');

function plainClient({ keepAlive = true, maxSockets = 1 } = {}) {
	const agent = keepAlive
		? new http.Agent({ keepAlive: true, maxSockets })
		: new http.Agent({ keepAlive: false });
	function send({ method, url, headers = {}, body }) {
		return new Promise((resolve, reject) => {
			const target = new URL(url);
			const request = http.request(
				{
					agent,
					method,
					host: target.hostname,
					port: target.port,
					path: `${target.pathname}${target.search}`,
					headers:
						body === undefined
							? headers
							: { ...headers, 'Content-Length': Buffer.byteLength(body) },
				},
				(response) => {
					const chunks = [];
					response.on('data', (chunk) => chunks.push(chunk));
					response.on('end', () => {
						const text = Buffer.concat(chunks).toString('utf8');
						if (response.statusCode < 200 || response.statusCode >= 300) {
							reject(
								new Error(
									`${method} ${target.pathname}: HTTP ${response.statusCode} ${text.slice(0, 200)}`,
								),
							);
							return;
						}
						resolve({
							status: response.statusCode,
							headers: response.headers,
							json: JSON.parse(text),
						});
					});
					response.on('error', reject);
				},
			);
			request.on('error', reject);
			if (body !== undefined) request.write(body);
			request.end();
		});
	}
	return { send, close: () => agent.destroy() };
}

module.exports = { plainClient };
