'use strict';
// Loaded into the n8n process the bench starts (`node --expose-gc --require <this> n8n start`), only
// when BENCH_PROBE_PORT is set: a small HTTP server on 127.0.0.1 that the bench calls between runs,
// never during one. It changes nothing in n8n; it only lets the bench
//   POST /gc                  collect garbage (so every run starts from the same heap), answers memory
//   POST /profile/start       start V8's CPU profiler in this process (sampling every `interval` µs)
//   POST /profile/stop?file=  stop it and write the .cpuprofile (Chrome DevTools' format) to `file`
//   POST /calls/start         count every function call from now on (V8's precise coverage)
//   POST /calls/stop?file=    write the counts ({url, functionName, count} of each function called)
// Peak RSS is read by the bench itself from /proc/<pid>/status (VmHWM, reset through clear_refs).

const http = require('node:http');
const fs = require('node:fs');

const port = Number(process.env.BENCH_PROBE_PORT);
if (port) {
	let session;
	const connect = () => {
		if (session) return;
		session = new (require('node:inspector').Session)();
		session.connect();
	};
	const disconnect = () => {
		session.disconnect();
		session = undefined;
	};
	const post = (method, params) =>
		new Promise((resolve, reject) =>
			session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
		);

	const routes = {
		'/gc': async () => {
			if (typeof global.gc !== 'function') throw new Error('n8n was started without --expose-gc');
			global.gc();
			global.gc();
			return process.memoryUsage();
		},
		'/profile/start': async (query) => {
			connect();
			await post('Profiler.enable');
			await post('Profiler.setSamplingInterval', {
				interval: Number(query.get('interval') || 200),
			});
			await post('Profiler.start');
			return { started: true };
		},
		'/profile/stop': async (query) => {
			const { profile } = await post('Profiler.stop');
			disconnect();
			fs.writeFileSync(query.get('file'), JSON.stringify(profile));
			return { written: query.get('file') };
		},
		'/calls/start': async () => {
			connect();
			await post('Profiler.enable');
			await post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
			// counts from here on: what ran before (start-up, loading) is not this run's
			await post('Profiler.takePreciseCoverage');
			return { started: true };
		},
		'/calls/stop': async (query) => {
			const { result } = await post('Profiler.takePreciseCoverage');
			await post('Profiler.stopPreciseCoverage');
			disconnect();
			const counts = [];
			for (const script of result) {
				for (const fn of script.functions) {
					const count = fn.ranges[0]?.count ?? 0;
					if (count > 0) counts.push({ url: script.url, functionName: fn.functionName, count });
				}
			}
			fs.writeFileSync(query.get('file'), JSON.stringify(counts));
			return { written: query.get('file'), functions: counts.length };
		},
	};

	const server = http.createServer((request, response) => {
		const url = new URL(request.url, 'http://127.0.0.1');
		const route = routes[url.pathname];
		const answer = (status, body) => {
			response.writeHead(status, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		if (!route || request.method !== 'POST') return answer(404, { error: 'no such probe route' });
		route(url.searchParams).then(
			(body) => answer(200, body),
			(error) => answer(500, { error: String(error.stack ?? error) }),
		);
	});
	// never the reason n8n stays up
	server.listen(port, '127.0.0.1', () => server.unref());
}
