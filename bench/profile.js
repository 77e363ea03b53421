'use strict';
// One per-item case, one variant, timed run after run in the test kit's engine (n8n-core's
// WorkflowExecute in this process, in-memory credentials: no database, no decryption): quick
// profiles of our own code without starting n8n. Not part of `npm run bench`, whose figures come
// from a real n8n; for a profile of a real n8n, see bench/profile-n8n.js.
//
//   node --expose-gc bench/profile.js --case Valigara --variant ours --items 2000 --runs 3
//   node --expose-gc bench/profile.js --case all --variant ours,httpRequest,plain --delay 20
//   node --expose-gc bench/profile.js --case Gigrove --runs 1 --profile /tmp/gigrove.cpuprofile
//
// --case      a node name of bench/lib/cases.js (Valigara, "Vanilla eShop", Gigrove,
//             "Guaranteed Reviews"), several separated by commas, or `all` (default)
// --variant   ours, httpRequest, floor, plain (comma-separated; default ours)
// --items     input items per run (default 2000)
// --runs      timed runs per variant, after one warm-up run of 200 items (default 3)
// --delay     milliseconds the sandbox waits before answering each request (default 0)
// --concurrency  the ceiling of our read operations' adaptive limit (Options › Requests at Once,
//             set in our node's parameters; default 32, nodes/shared/items.ts READ_CEILING)
// --timeout   the request timeout of every service, in ms (0: none), instead of the transport's
// --profile   a .cpuprofile file (Chrome DevTools' format) of the timed runs only, per case and
//             variant (<file> gets `-<case>-<variant>` before its extension)

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const settings = {
		cases: 'all',
		variants: ['ours'],
		items: 2000,
		runs: 3,
		delay: 0,
		profile: undefined,
		concurrency: undefined,
		timeout: undefined,
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => argv[++i];
		if (arg === '--case') settings.cases = value();
		else if (arg === '--variant') settings.variants = value().split(',');
		else if (arg === '--items') settings.items = Number(value());
		else if (arg === '--runs') settings.runs = Number(value());
		else if (arg === '--delay') settings.delay = Number(value());
		else if (arg === '--profile') settings.profile = value();
		else if (arg === '--concurrency') settings.concurrency = Number(value());
		else if (arg === '--timeout') settings.timeout = Number(value());
		else throw new Error(`unknown option ${arg}`);
	}
	return settings;
}

/** The V8 profiler of this process, through the inspector: started now, stopped by `stop()`. */
async function startProfiler() {
	const inspector = require('node:inspector');
	const session = new inspector.Session();
	session.connect();
	const post = (method, params) =>
		new Promise((resolve, reject) =>
			session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
		);
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	return {
		async stop() {
			const { profile } = await post('Profiler.stop');
			session.disconnect();
			return profile;
		},
	};
}

/** Our node with Options › Requests at Once set to `ceiling` (unset: the node's default). */
function withCeiling(node, ceiling) {
	if (ceiling === undefined) return node;
	return {
		...node,
		parameters: {
			...node.parameters,
			options: { ...node.parameters.options, requestsAtOnce: ceiling },
		},
	};
}

async function main() {
	const settings = parseArgs(process.argv.slice(2));
	const userFolder = require('./lib/register').quietN8nEnvironment('commerce-pack-profile-');
	const engine = require('./lib/engine');
	const { startServices } = require('./lib/services');
	const { sandboxCredentials } = require(path.join(ROOT, 'scripts', 'sandbox-setup'));
	const { perItemCases } = require('./lib/cases');
	const { plainClient } = require('./lib/plain-client');
	const { measure, collectGarbage } = require('./lib/measure');
	const variantsOf = (testCase) => ({
		ours: (input) => engine.runWorkflow(withCeiling(testCase.ours, settings.concurrency), input),
		httpRequest: (input) =>
			engine.runWorkflow(
				{ typeVersion: engine.HTTP_REQUEST_VERSION, ...testCase.httpRequest },
				input,
			),
		floor: (input) => engine.runWorkflow(testCase.floor, input),
		async plain(input) {
			const client = plainClient();
			try {
				const output = [];
				for (const item of input)
					output.push(testCase.plainOutput((await client.send(testCase.plain(item))).json));
				return output;
			} finally {
				client.close();
			}
		},
	});

	if (settings.timeout !== undefined) {
		const transports = {
			Valigara: 'valigara',
			VanillaEshop: 'vanillaEshop',
			Gigrove: 'gigrove',
			GuaranteedReviews: 'guaranteedReviews',
		};
		for (const [folder, name] of Object.entries(transports)) {
			require(path.join(ROOT, 'nodes', folder, 'transport.ts'))[name].timeoutMs = settings.timeout;
		}
	}
	const services = await startServices({
		backlog: 4096,
		delayMs: settings.delay,
		port: await require('./lib/real-n8n').benchPort(),
	});
	try {
		const credentials = Object.fromEntries(
			sandboxCredentials(services.baseUrl).map((c) => [c.type, { ...c.data }]),
		);
		const wanted = settings.cases === 'all' ? undefined : settings.cases.split(',');
		const cases = perItemCases(services.urls, credentials).filter(
			(c) => !wanted || wanted.includes(c.node),
		);
		for (const testCase of cases) {
			const variants = variantsOf(testCase);
			for (const name of settings.variants) {
				const run = variants[name];
				if (!run) throw new Error(`no variant ${name}`);
				await run(Array.from({ length: 200 }, (_, i) => testCase.input(i)));
				const input = Array.from({ length: settings.items }, (_, i) => testCase.input(i));
				const times = [];
				const cpu = [];
				const profiler = settings.profile ? await startProfiler() : undefined;
				for (let round = 0; round < settings.runs; round++) {
					collectGarbage();
					const cpuStart = process.cpuUsage();
					const { ms, result } = await measure(() => run(input));
					const { user, system } = process.cpuUsage(cpuStart);
					if (result.length !== input.length)
						throw new Error(`${name}: ${result.length} items for ${input.length}`);
					times.push(ms / settings.items);
					cpu.push((user + system) / 1000 / settings.items);
				}
				if (profiler) {
					const file = settings.profile.replace(
						/(\.cpuprofile)?$/,
						`-${testCase.node.replace(/\W+/g, '')}-${name}.cpuprofile`,
					);
					fs.writeFileSync(file, JSON.stringify(await profiler.stop()));
				}
				const list = (values) => values.map((t) => t.toFixed(3)).join(' ');
				// CPU: this process only (the engine, the node, the client), not the sandbox's
				process.stdout.write(
					`${testCase.node} ${name}: ${list(times)} ms/item, CPU ${list(cpu)} ms/item (load ${os.loadavg()[0].toFixed(1)})\n`,
				);
			}
		}
	} finally {
		await services.stop().catch(() => services.kill());
		engine.shutdownEngine();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
