#!/usr/bin/env node
'use strict';
// node sandbox/cli.js [--port 5680] [--events-every <seconds>] [behaviour flags]   (--help lists them)
//
// Starts the four stand-ins in the foreground on 127.0.0.1 and prints where each one lives.
// Ctrl+C (or SIGTERM) stops it.

const { startSandbox, mergeBehaviour, behaviourFromEnv } = require('./server');
const { KEYS, DEFAULT_PORT } = require('./config');
const { SERVICES } = require('./behaviour');

const HELP = `Usage: node sandbox/cli.js [--port 5680] [--events-every <seconds>] [behaviour flags]

  --port <n>                 the port (0: any free one); default ${DEFAULT_PORT}
  --events-every <seconds>   a new Valigara order and Gigrove order (with its notification) that often

Behaviours (each off unless given; see "Behaving like a real service" in sandbox/README.md).
Any value may be written <service>=<value> to set it for one service only, e.g. --page-cap gigrove=3.
Services: ${SERVICES.join(', ')}.

  --page-cap <n>                       every list reply holds at most n records
  --cap-mode clamp|truncate            documented paging under a cap: the page size is min(asked, n)
                                       (clamp, default), or pages of the asked size cut to n (truncate)
  --no-totals[=<service>]              drop Gigrove's X-WP-Total, X-WP-TotalPages, Link and GR's pagination
  --valigara-paging ignore|honour|reject   Valigara's guessed page/limit keys in data (default ignore)
  --sort newestFirst|oldestFirst       the order of every list that has one
  --during-paging-add <n>              n new records arrive after each list page
  --during-paging-remove <n>           n already-served records leave the list after each list page
  --latency <ms>                       wait this long before each answer
  --jitter <ms>                        and up to this much more, drawn uniformly
  --throttle <limit>/<windowMs>        after limit requests within windowMs (per service): refused
  --retry-after seconds|date|none      the refusal's Retry-After (default seconds)
  --valigara-throttle 105|429          Valigara's refusal: HTTP 200 {status: 105} (default) or HTTP 429
  --behaviour <json>                   any of the above as JSON, e.g. '{"pageCap": 5, "gigrove": {"pageCap": 3}}'

The environment variable SANDBOX_BEHAVIOUR (the same JSON) is read first; flags go on top.
While it runs: GET, POST (merges) and DELETE (friendly again) /_control/behaviour.`;

// flag → how its value goes into a scope's settings
const BEHAVIOUR_FLAGS = {
	'--page-cap': (scope, value) => (scope.pageCap = whole(value, '--page-cap')),
	'--cap-mode': (scope, value) => (scope.capMode = value),
	'--valigara-paging': (scope, value) => (scope.valigaraPaging = value),
	'--sort': (scope, value) => (scope.sort = value),
	'--during-paging-add': (scope, value) =>
		(scope.duringPaging = { ...scope.duringPaging, add: whole(value, '--during-paging-add') }),
	'--during-paging-remove': (scope, value) =>
		(scope.duringPaging = {
			...scope.duringPaging,
			remove: whole(value, '--during-paging-remove'),
		}),
	'--latency': (scope, value) => (scope.latencyMs = number(value, '--latency')),
	'--jitter': (scope, value) => (scope.jitterMs = number(value, '--jitter')),
	'--throttle': (scope, value) => {
		const match = /^(\d+)\/(\d+)$/.exec(value);
		if (!match) throw new Error('--throttle takes <limit>/<windowMs>, e.g. 10/1000');
		scope.throttle = { ...scope.throttle, limit: Number(match[1]), windowMs: Number(match[2]) };
	},
	'--retry-after': (scope, value) => (scope.throttle = { ...scope.throttle, retryAfter: value }),
	'--valigara-throttle': (scope, value) => (scope.valigaraThrottle = value),
};

function whole(value, flag) {
	if (!/^\d+$/.test(String(value))) throw new Error(`${flag} takes a whole number`);
	return Number(value);
}
function number(value, flag) {
	const n = Number(value);
	if (String(value).trim() === '' || !Number.isFinite(n))
		throw new Error(`${flag} takes a number of milliseconds`);
	return n;
}

function parseArgs(argv) {
	const options = { port: DEFAULT_PORT, eventsEverySeconds: 0 };
	let behaviour = behaviourFromEnv();
	const patch = {};
	// `gigrove=3` sets the value for that service only
	const scoped = (raw) => {
		const match = /^([a-z-]+)=(.*)$/.exec(String(raw));
		if (match && SERVICES.includes(match[1]))
			return { scope: (patch[match[1]] ??= {}), value: match[2] };
		return { scope: patch, value: raw };
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const next = inline !== undefined ? inline : argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value (try --help)`);
			return next;
		};
		if (flag === '--port') options.port = Number(value());
		else if (flag === '--events-every') options.eventsEverySeconds = Number(value());
		else if (flag === '--behaviour') {
			const text = value();
			try {
				behaviour = mergeBehaviour(behaviour, JSON.parse(text));
			} catch (error) {
				throw new Error(`--behaviour: ${error.message}`);
			}
		} else if (flag === '--no-totals') {
			const scope = inline === undefined ? patch : scoped(`${inline}=true`).scope;
			if (inline !== undefined && scope === patch)
				throw new Error(`--no-totals=<service>: one of ${SERVICES.join(', ')}`);
			scope.noTotals = true;
		} else if (BEHAVIOUR_FLAGS[flag]) {
			const { scope, value: v } = scoped(value());
			BEHAVIOUR_FLAGS[flag](scope, v);
		} else if (flag === '--help' || flag === '-h') {
			console.log(HELP);
			process.exit(0);
		} else throw new Error(`Unknown argument "${argv[i]}" (try --help)`);
	}
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
		throw new Error('--port must be a port number');
	if (!(options.eventsEverySeconds >= 0))
		throw new Error('--events-every must be a number of seconds');
	options.behaviour = mergeBehaviour(behaviour, patch);
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox(options);
	const { urls } = sandbox;
	const behaviour = sandbox.behaviour().behaviour;
	console.log(`Commerce sandbox on ${sandbox.baseUrl} (127.0.0.1 only)

  Valigara             ${urls.valigara}
                       access key ${KEYS.valigara.accessKey}
  Vanilla eShop        ${urls.vanillaEshop}
                       header ${KEYS.vanillaEshop.headerName}: ${KEYS.vanillaEshop.headerValue}
  Gigrove              ${urls.gigrove}
                       bearer ${KEYS.gigrove.sellerToken} (seller), ${KEYS.gigrove.deliveryToken} (delivery person)
                       token URL ${urls.gigroveToken} (api_key ${KEYS.gigrove.apiKey}, api_secret ${KEYS.gigrove.apiSecret})
  Guaranteed Reviews   ${urls.guaranteedReviews}
                       private key ${KEYS.guaranteedReviews.privateKey}, public key ${KEYS.guaranteedReviews.publicKey}

  Control              ${urls.control}  (GET it for the list of routes)
                       curl -X POST ${urls.control}valigara/orders
                       curl -X POST ${urls.control}gigrove/orders
                       curl ${urls.control}log
${options.eventsEverySeconds ? `\n  A new Valigara order and Gigrove order appear every ${options.eventsEverySeconds} s.\n` : ''}
  Behaviour            ${Object.keys(behaviour).length ? JSON.stringify(behaviour) : 'friendly (none set)'}
                       curl ${urls.control}behaviour

Ctrl+C stops it.`);

	const stop = async () => {
		await sandbox.stop();
		process.exit(0);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error) => {
	console.error(`sandbox: ${error.message}`);
	process.exit(1);
});
