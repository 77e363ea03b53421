#!/usr/bin/env node
'use strict';
// node sandbox/cli.js [--port 5680] [--events-every <seconds>]
//
// Starts the four stand-ins in the foreground on 127.0.0.1 and prints where each one lives.
// Ctrl+C (or SIGTERM) stops it.

const { startSandbox } = require('./server');
const { KEYS, DEFAULT_PORT } = require('./config');

function parseArgs(argv) {
	const options = { port: DEFAULT_PORT, eventsEverySeconds: 0 };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => (inline !== undefined ? inline : argv[++i]);
		if (flag === '--port') options.port = Number(value());
		else if (flag === '--events-every') options.eventsEverySeconds = Number(value());
		else if (flag === '--help' || flag === '-h') {
			console.log('Usage: node sandbox/cli.js [--port 5680] [--events-every <seconds>]');
			process.exit(0);
		} else throw new Error(`Unknown argument "${argv[i]}" (try --help)`);
	}
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be a port number');
	if (!(options.eventsEverySeconds >= 0)) throw new Error('--events-every must be a number of seconds');
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox(options);
	const { urls } = sandbox;
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
