'use strict';
// The bench's handle on bench/lib/sandbox-process.js: forks it, and calls its commands over IPC.

const { fork } = require('node:child_process');
const path = require('node:path');

async function startServices({ backlog, delayMs, port } = {}) {
	const child = fork(path.join(__dirname, 'sandbox-process.js'), [], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		execArgv: [],
		env: { ...process.env, NO_PROXY: '*' },
	});
	let next = 0;
	const pending = new Map();
	child.on('message', ({ id, result, error }) => {
		const waiter = pending.get(id);
		if (!waiter) return;
		pending.delete(id);
		if (error) waiter.reject(new Error(`sandbox process: ${error}`));
		else waiter.resolve(result);
	});
	child.on('exit', (code) => {
		for (const waiter of pending.values())
			waiter.reject(new Error(`sandbox process exited (${code})`));
		pending.clear();
	});
	const call = (cmd, args) =>
		new Promise((resolve, reject) => {
			const id = ++next;
			pending.set(id, { resolve, reject });
			child.send({ id, cmd, args });
		});

	const { baseUrl, urls } = await call('start', { backlog, delayMs, port });
	return {
		pid: child.pid,
		baseUrl,
		urls,
		call,
		/**
		 * Runs `fn` between two probe requests and returns its result with the requests the sandbox
		 * answered in between: `count` (exact, from the log's sequence numbers) and `entries` (the
		 * last ≤ 1 000 of them, as the log keeps them).
		 */
		async counted(fn) {
			const from = await call('probe');
			const result = await fn();
			const to = await call('probe');
			const entries = await call('between', { from, to });
			return { result, count: to - from - 1, entries };
		},
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			await call('stop').catch(() => {});
			await exited;
		},
		kill() {
			if (child.exitCode === null) child.kill();
		},
	};
}

module.exports = { startServices };
