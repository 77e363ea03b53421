'use strict';
// The pieces of n8n's queue mode (scaling mode) for scripts/queue-mode.js: Redis and
// PostgreSQL from Debian's packages, each on a free 127.0.0.1 port with a temporary
// folder, n8n workers beside `n8n start`, the environment they share, and what the
// workers' logs say about who ran which execution. Plain CommonJS, Node's standard
// library only; n8n itself comes from scripts/lib/n8n-runtime.js.
//
//   redis      redis-server --port P --bind 127.0.0.1 --save '' --appendonly no
//   postgres   initdb + postgres -D <tmp> -p P (as the `postgres` user when run as root:
//              PostgreSQL refuses root), fsync off: a throwaway cluster for one run
//   workers    n8n worker --concurrency=C, each with its own user folder (a copy of the
//              main's community-nodes folder, as every worker host installs the package),
//              its own health port (QUEUE_HEALTH_CHECK_PORT) and, on line 2, its own task
//              broker port (N8N_RUNNERS_BROKER_PORT)

const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { stripVTControlCharacters } = require('node:util');
const rt = require('./n8n-runtime');

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
// Redis, PostgreSQL and the workers end with this process at once (SIGKILL): nothing of theirs
// is worth a graceful stop once the script is gone.
const spawnLogged = (command, args, opts) =>
	rt.spawnLogged(command, args, { ...opts, exitSignal: 'SIGKILL' });

// ---------------------------------------------------------------- Debian packages

function which(name) {
	const res = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	return res.status === 0 ? res.stdout.trim() : null;
}

/**
 * Installs Debian packages with apt-get when `present()` is false: as root (CI, this
 * machine), `apt-get update` once and `apt-get install -y`. Otherwise says what to run.
 */
function aptInstall(packages, present, log) {
	if (present()) return;
	if (!isRoot())
		throw new Error(
			`${packages.join(' ')} missing: run \`sudo apt-get install -y ${packages.join(' ')}\` (Debian's packages)`,
		);
	log(`apt-get install -y ${packages.join(' ')} (missing; Debian's packages)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let res = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { env, encoding: 'utf8' });
	if (res.status !== 0) {
		spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
		res = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { env, encoding: 'utf8' });
	}
	if (res.status !== 0 || !present())
		throw new Error(
			`apt-get install ${packages.join(' ')} failed:\n${(res.stdout || '') + (res.stderr || '')}`.slice(
				0,
				2000,
			),
		);
}

// ---------------------------------------------------------------- Redis

/** redis-server from Debian (installed when missing). Returns its path. */
function ensureRedis(log) {
	aptInstall(['redis-server'], () => Boolean(which('redis-server')), log);
	return which('redis-server');
}

/** One RESP command over a fresh connection; resolves the raw reply text. */
function redisCommand(port, ...args) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let data = '';
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error('redis: no reply within 3 s'));
		}, 3000);
		socket.on('connect', () =>
			socket.write(
				`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`,
			),
		);
		socket.on('data', (chunk) => {
			data += chunk;
			// a simple reply ends at its first CRLF; a bulk reply ($len) once len bytes arrived
			const bulk = /^\$(-?\d+)\r\n/.exec(data);
			if (
				bulk
					? Number(bulk[1]) < 0 || data.length >= bulk[0].length + Number(bulk[1]) + 2
					: data.includes('\r\n')
			) {
				clearTimeout(timer);
				socket.end();
				resolve(
					bulk && Number(bulk[1]) >= 0
						? data.slice(bulk[0].length, bulk[0].length + Number(bulk[1]))
						: data.trim(),
				);
			}
		});
		socket.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
	});
}

/** Starts redis-server on a free loopback port, no persistence, in a temporary folder. */
async function startRedis({ logFile, log = () => {} }) {
	const bin = ensureRedis(log);
	const port = await rt.freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const child = spawnLogged(
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--protected-mode',
			'yes',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
			'--logfile',
			'',
		],
		{ logFile },
	);
	const stop = async () => {
		const res = await rt.stopChild(child, { signal: 'SIGTERM', timeoutMs: 10000 });
		fs.rmSync(dir, { recursive: true, force: true });
		return res;
	};
	try {
		await rt.waitUntil(
			'answer to PING from redis-server',
			async () => (await redisCommand(port, 'PING')) === '+PONG',
			{ timeoutMs: 15000, child },
		);
	} catch (err) {
		await stop();
		err.message += `\n--- ${logFile} ---\n${rt.tail(logFile)}`;
		throw err;
	}
	const version = (/redis_version:(\S+)/.exec(await redisCommand(port, 'INFO', 'server')) || [])[1];
	return {
		child,
		pid: child.pid,
		host: '127.0.0.1',
		port,
		version,
		dir,
		command: (...args) => redisCommand(port, ...args),
		stop,
	};
}

// ---------------------------------------------------------------- PostgreSQL

/** The bin folder of the newest PostgreSQL from Debian (/usr/lib/postgresql/<v>/bin), installed when missing. */
function ensurePostgres(log) {
	const find = () => {
		const root = '/usr/lib/postgresql';
		const versions = fs.existsSync(root)
			? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
			: [];
		versions.sort((a, b) => Number(b) - Number(a));
		return versions.length ? path.join(root, versions[0], 'bin') : null;
	};
	aptInstall(['postgresql'], () => Boolean(find()), log);
	return find();
}

/** uid/gid of the `postgres` user (PostgreSQL will not run as root), or {} when not root. */
function postgresUser() {
	if (!isRoot()) return {};
	const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
	const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
	if (!Number.isInteger(uid) || uid <= 0)
		throw new Error(
			"running as root, but there is no `postgres` user to run PostgreSQL as (Debian's postgresql package creates it)",
		);
	return { uid, gid };
}

/**
 * A throwaway PostgreSQL cluster: initdb into a temporary folder, `postgres` on a free
 * 127.0.0.1 port (socket in the same folder), trust authentication for user n8n, and a
 * database `n8n`. fsync, synchronous commits and full-page writes are off: nothing
 * here must survive a crash, and the figures should measure n8n, not the disk.
 */
async function startPostgres({ logFile, log = () => {} }) {
	const bin = ensurePostgres(log);
	const user = postgresUser();
	const port = await rt.freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const dataDir = path.join(dir, 'data');
	if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid);
	const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
	const init = spawnSync(
		path.join(bin, 'initdb'),
		['-D', dataDir, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
		{
			env,
			cwd: dir,
			encoding: 'utf8',
			...user,
		},
	);
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	fs.writeFileSync(logFile, `$ initdb\n${init.stdout}${init.stderr}\n`);
	if (init.status !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`initdb failed (exit ${init.status}): ${init.stderr.slice(0, 1000)}`);
	}
	const settings = {
		listen_addresses: '127.0.0.1',
		unix_socket_directories: dir,
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		max_connections: '100',
		shared_buffers: '128MB',
	};
	const args = [
		'-D',
		dataDir,
		'-p',
		String(port),
		...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
	];
	const child = spawnLogged(path.join(bin, 'postgres'), args, { env, cwd: dir, logFile, ...user });
	// SIGINT is PostgreSQL's "fast" shutdown: it ends client sessions instead of waiting for them.
	const stop = async () => {
		const res = await rt.stopChild(child, { signal: 'SIGINT', timeoutMs: 15000 });
		fs.rmSync(dir, { recursive: true, force: true });
		return res;
	};
	const psql = (sql, db = 'postgres') =>
		spawnSync(
			path.join(bin, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'n8n',
				'-d',
				db,
				'-XAtq',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{ encoding: 'utf8', env },
		);
	try {
		await rt.waitUntil('PostgreSQL accepting connections', () => psql('select 1').status === 0, {
			timeoutMs: 30000,
			child,
		});
		const created = psql('create database n8n');
		if (created.status !== 0) throw new Error(`create database n8n: ${created.stderr}`);
	} catch (err) {
		await stop();
		err.message += `\n--- ${logFile} ---\n${rt.tail(logFile)}`;
		throw err;
	}
	const version = psql('show server_version').stdout.trim();
	return {
		child,
		pid: child.pid,
		host: '127.0.0.1',
		port,
		version,
		dir,
		/** runs SQL in database n8n; resolves stdout (rows as `a|b`), throws on an error */
		query: (sql) => {
			const res = psql(sql, 'n8n');
			if (res.status !== 0) throw new Error(`psql: ${res.stderr}`);
			return res.stdout.trim();
		},
		stop,
	};
}

// ---------------------------------------------------------------- n8n in queue mode

/**
 * What every n8n process of the setup shares (main, workers, CLI commands): the database,
 * Redis and queue mode. N8N_ENCRYPTION_KEY is already the same for all (n8nEnv).
 * `withQueue: false` for CLI commands (imports), which need the database only.
 */
function sharedEnv({ redis, postgres, sqliteFile, withQueue = true }) {
	const env = sqliteFile
		? // --db sqlite: every process on one SQLite file (n8n warns that this is not supported)
			{ DB_TYPE: 'sqlite', DB_SQLITE_DATABASE: sqliteFile }
		: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: postgres.host,
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: 'n8n',
				DB_POSTGRESDB_USER: 'n8n',
				DB_POSTGRESDB_PASSWORD: 'n8n',
			};
	env.N8N_DYNAMIC_BANNERS_ENABLED = 'false';
	if (withQueue) {
		Object.assign(env, {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Editor runs ("Execute workflow") go to the workers too, not only production runs.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// A stopped worker waits this long (s) for its running jobs.
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
		});
	}
	return env;
}

/**
 * A worker's user folder: empty but for the community-nodes folder copied from the
 * main's (the package as installed there by rt.installPackage), as each worker host of
 * a real setup has the package installed.
 */
function workerUserFolder(mainUserFolder, name) {
	const folder = rt.tempUserFolder(`n8n-commerce-pack-queue-${name}-`);
	fs.cpSync(path.join(mainUserFolder, '.n8n', 'nodes'), path.join(folder, '.n8n', 'nodes'), {
		recursive: true,
		verbatimSymlinks: true,
	});
	return folder;
}

/**
 * Starts `n8n worker --concurrency=C` and waits until its health endpoint says ready
 * and its log says "n8n worker is now ready". opts: userFolder, logFile, concurrency,
 * redis, postgres (or sqliteFile), name, onRetry(message). Returns { name, child, pid, healthPort, brokerPort, logFile, stop() }.
 */
async function startWorker(line, opts) {
	return rt.retryIfPortTaken(opts.name || 'worker', () => startWorkerOnce(line, opts), {
		onRetry: opts.onRetry,
	});
}

async function startWorkerOnce(
	line,
	{ userFolder, logFile, concurrency = 10, redis, postgres, sqliteFile, name = 'worker' },
) {
	const healthPort = await rt.freePort();
	const brokerPort = String(line) === '2' ? await rt.freePort() : undefined;
	const env = rt.n8nEnv(line, {
		userFolder,
		port: healthPort,
		brokerPort,
		extra: {
			...sharedEnv({ redis, postgres, sqliteFile }),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		},
	});
	const { command, args } = rt.n8nCommand(line);
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	fs.appendFileSync(
		logFile,
		`\n==== ${new Date().toISOString()} n8n worker --concurrency=${concurrency} (health port ${healthPort}${brokerPort ? `, task broker port ${brokerPort}` : ''})\n`,
	);
	const logStart = fs.statSync(logFile).size;
	const child = spawnLogged(command, [...args, 'worker', `--concurrency=${concurrency}`], {
		env,
		logFile,
	});
	const worker = {
		name,
		child,
		pid: child.pid,
		healthPort,
		brokerPort,
		logFile,
		concurrency,
		stop: () => rt.stopChild(child, { signal: 'SIGTERM', timeoutMs: 30000 }),
	};
	try {
		await rt.waitUntil(
			`${name} ready (GET /healthz/readiness on port ${healthPort} and "n8n worker is now ready")`,
			async () => {
				const res = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`);
				return res.ok && readLog(logFile, logStart).includes('n8n worker is now ready');
			},
			{ timeoutMs: 120000, everyMs: 500, child },
		);
	} catch (err) {
		await worker.stop();
		err.message += `\n--- last lines of ${logFile} ---\n${rt.tail(logFile, 40)}`;
		throw err;
	}
	return worker;
}

/** A log's text from byte `offset` on, without the colours n8n writes even to a file; '' when there is none. */
function readLog(file, offset = 0) {
	let fd;
	try {
		fd = fs.openSync(file, 'r');
		const size = fs.fstatSync(fd).size;
		const buf = Buffer.alloc(Math.max(0, size - offset));
		fs.readSync(fd, buf, 0, buf.length, offset);
		return stripVTControlCharacters(buf.toString('utf8'));
	} catch {
		return '';
	} finally {
		if (fd !== undefined) fs.closeSync(fd);
	}
}

/**
 * Who ran which execution, from the logs: the main's "Enqueued execution X (job J)" and
 * each worker's "Worker started execution X" / "Worker finished execution X".
 * Returns { enqueued: Map<id, count>, byWorker: { [name]: { started: Map, finished: Map } } }.
 */
function executionEvidence({ mainLog, workerLogs }) {
	const count = (text, re) => {
		const map = new Map();
		for (const m of text.matchAll(re)) map.set(m[1], (map.get(m[1]) || 0) + 1);
		return map;
	};
	const main = readLog(mainLog);
	const byWorker = {};
	for (const [name, file] of Object.entries(workerLogs)) {
		const text = readLog(file);
		byWorker[name] = {
			started: count(text, /Worker started execution (\d+)/g),
			finished: count(text, /Worker finished execution (\d+)/g),
		};
	}
	return {
		enqueued: count(main, /Enqueued execution (\d+)/g),
		// a main that ran an execution itself would log the nodes' work; in queue mode it only enqueues
		byWorker,
	};
}

/**
 * Problems with where execution `id` ran: it must have been enqueued by the main once,
 * started and finished by exactly one worker, once. Resolves { worker, problems }.
 */
function ranOnOneWorker(evidence, id) {
	id = String(id);
	const problems = [];
	const enqueued = evidence.enqueued.get(id) || 0;
	if (enqueued !== 1)
		problems.push(`execution ${id} was enqueued ${enqueued} times by the main (want 1)`);
	const starts = Object.entries(evidence.byWorker).filter(([, w]) => w.started.has(id));
	const totalStarts = starts.reduce((sum, [, w]) => sum + w.started.get(id), 0);
	if (totalStarts !== 1)
		problems.push(
			`execution ${id} was started ${totalStarts} times (${starts.map(([n, w]) => `${n}: ${w.started.get(id)}`).join(', ') || 'by no worker'}); want once, by one worker`,
		);
	const worker = starts.length === 1 ? starts[0][0] : undefined;
	if (worker && !evidence.byWorker[worker].finished.has(id))
		problems.push(`execution ${id}: ${worker} started it but never logged it finished`);
	return { worker, problems };
}

// ---------------------------------------------------------------- CPU time

const CLOCK_TICKS = (() => {
	const res = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
	return Number(res.stdout) > 0 ? Number(res.stdout) : 100;
})();

/**
 * CPU time (user + system, ms) of each process tree rooted at `pids` (a process and its
 * living descendants, plus what its ended children used: PostgreSQL's backends, n8n's
 * task runners), from /proc. { [pid]: ms }; a pid that is gone counts 0. Linux only.
 */
function cpuMsOfTrees(pids) {
	const stats = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let text;
		try {
			text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // ended meanwhile
		}
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		// after the name: state ppid … utime(11) stime(12) cutime(13) cstime(14)
		const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
		stats.set(Number(entry), { ppid: Number(fields[1]), ticks });
	}
	const children = new Map();
	for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) || []), pid]);
	const result = {};
	for (const root of pids) {
		let ticks = 0;
		const stack = stats.has(root) ? [root] : [];
		while (stack.length) {
			const pid = stack.pop();
			ticks += stats.get(pid).ticks;
			stack.push(...(children.get(pid) || []));
		}
		result[root] = (ticks * 1000) / CLOCK_TICKS;
	}
	return result;
}

// ---------------------------------------------------------------- workflows

/** A node ID shaped like n8n's UUIDs, the same on every import. */
function uuidFrom(text) {
	const hex = require('node:crypto').createHash('sha1').update(text).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A Webhook trigger node (POST /webhook/<path>, answering at once: the run goes to the queue). */
function webhookNode(workflowId, webhookPath, position = [0, 0]) {
	return {
		id: uuidFrom(`${workflowId}/webhook`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: uuidFrom(`${workflowId}/webhookId`),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	};
}

/**
 * A production-triggered copy of a Manual Trigger workflow: the Manual Trigger replaced by
 * a Webhook trigger at POST /webhook/<path>; every other node and connection unchanged.
 * Production runs (mode "webhook") always go to the queue, so a worker runs every node.
 */
function webhookCopy(workflow, { id, path: webhookPath }) {
	const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!manual) throw new Error(`${workflow.id} has no Manual Trigger to replace`);
	const copy = JSON.parse(JSON.stringify(workflow));
	copy.id = id;
	copy.name = `Queue mode: ${workflow.name.replace(/^Sandbox: /, '')} (webhook)`;
	copy.nodes = copy.nodes.map((n) =>
		n.name === manual.name ? webhookNode(id, webhookPath, n.position) : n,
	);
	const connections = {};
	for (const [from, value] of Object.entries(copy.connections))
		connections[from === manual.name ? 'Webhook' : from] = value;
	copy.connections = connections;
	copy.active = false;
	return copy;
}

/**
 * The per-item workflow of the figure: Webhook (body {items: [{id}, …]}) → Split Out
 * (one item per ID) → Gigrove Product › Get of each ID, through the sandbox.
 */
function benchWorkflow({ id, path: webhookPath, credential }) {
	const PACKAGE = rt.PACKAGE_NAME;
	return {
		id,
		name: 'Queue mode: per-item figure (Gigrove Product › Get per item)',
		nodes: [
			webhookNode(id, webhookPath),
			{
				id: uuidFrom(`${id}/split`),
				name: 'One Item per ID',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			{
				id: uuidFrom(`${id}/get`),
				name: 'Get Product',
				type: `${PACKAGE}.gigrove`,
				typeVersion: 1,
				position: [480, 0],
				parameters: { resource: 'product', operation: 'get', productId: '={{ $json.id }}' },
				credentials: { gigroveApi: credential },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'One Item per ID', type: 'main', index: 0 }]] },
			'One Item per ID': { main: [[{ node: 'Get Product', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

module.exports = {
	isRoot,
	ensureRedis,
	startRedis,
	redisCommand,
	ensurePostgres,
	startPostgres,
	sharedEnv,
	workerUserFolder,
	startWorker,
	executionEvidence,
	ranOnOneWorker,
	readLog,
	cpuMsOfTrees,
	uuidFrom,
	webhookNode,
	webhookCopy,
	benchWorkflow,
};
