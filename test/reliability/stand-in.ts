/**
 * A stand-in service on the loopback interface, answering from an in-memory model. Two suites
 * use it instead of nock:
 * - the property-based trigger suites make some 10 000 requests each: through nock's
 *   interception a request costs about twice the CPU it costs over loopback, which would put the
 *   two suites alone past a minute;
 * - the bad-input suite must see every request a node tries, even one whose URL is a megabyte
 *   long: nock never answers a request line past Node's 16 KiB header limit (the run hangs, and
 *   nock reports no unmatched request), while a real server refuses it at once (431), which the
 *   stand-in counts as a request sent.
 * nock is switched off while a suite's server runs (`withoutNock`), so nothing else is mocked
 * then; the server is the only address the nodes under test are given.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import nock from 'nock';

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** What the stand-in answers: a reply, or `'drop'` to reset the connection (a network failure). */
export type Answer = { status: number; body: string; headers?: Record<string, string> } | 'drop';

export interface StandIn {
	/** http://127.0.0.1:<port> */
	origin: string;
	/** requests that reached the server, plus those it refused as malformed or too large */
	readonly requestsSeen: number;
	close(): Promise<void>;
}

/**
 * `answer` replies to each request; `refused` hears of each request the server itself turned
 * away (431), whose content it never read.
 */
export async function startStandIn(
	answer: (request: Received) => Answer,
	refused?: () => void,
): Promise<StandIn> {
	let requestsSeen = 0;
	const server = http.createServer((req, res) => {
		requestsSeen++;
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			let reply: Answer;
			try {
				reply = answer({
					method: req.method ?? 'GET',
					url: req.url ?? '/',
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				});
			} catch (error) {
				reply = { status: 599, body: `stand-in failed: ${String(error)}` };
			}
			if (reply === 'drop') {
				req.socket.destroy();
				return;
			}
			res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
			res.end(reply.body);
		});
	});
	// a request line or headers too large (431) or malformed (400): Node answers before 'request'
	const answered = new WeakSet<object>();
	server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
		// a client going away, or the rest of a request already turned away
		if (!String(error.code).startsWith('HPE_') || answered.has(socket)) {
			socket.destroy();
			return;
		}
		answered.add(socket);
		requestsSeen++;
		refused?.();
		socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		get requestsSeen() {
			return requestsSeen;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Runs `work` with nock's interception off, and puts it back (net connect disabled) after. */
export async function withoutNock<T>(work: () => Promise<T>): Promise<T> {
	nock.restore();
	try {
		return await work();
	} finally {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	}
}
