import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CANCEL_JOINER, ExecutionCanceledError, withItemIndex } from './errors';
import { startLimiter } from './limiter';

export type OperationResult = IDataObject | IDataObject[];

/** Output items for one input item: each paired to it. */
export function pairedItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * The item continueOnFail puts out for a failed input item, paired to it.
 *
 * With On Error "Continue" its json carries what a workflow needs to route and report the failure
 * (see errorFields). It carries no `error` object of its own: n8n (1.x and 2.x) replaces the json
 * of an item that does with `{error: message}`.
 *
 * With "Continue (using error output)" the item must carry the error for n8n to route it to the
 * error branch, so there its json is n8n's `{error: message}` only: neither n8n line routes an item
 * by its json when the json has other fields.
 */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const nodeError = error as NodeApiError | NodeOperationError;
	if (nodeError.node?.onError === 'continueErrorOutput') {
		return { json: { error: error.message }, error: nodeError, pairedItem: { item: itemIndex } };
	}
	return { json: errorFields(nodeError, itemIndex), pairedItem: { item: itemIndex } };
}

/**
 * The json of an error item: `error` (the message, as n8n's own nodes name it), `errorCode` (the
 * service's code, or the network's such as ECONNREFUSED), `httpStatus`, `errorDescription` (the
 * hint), `debugUid` (Valigara's X-DEBUG-UID) and `itemIndex`; a field is left out when unknown.
 */
function errorFields(error: NodeApiError | NodeOperationError, itemIndex: number): IDataObject {
	const { serviceCode, debugUid } = error.context ?? {};
	const httpStatus = 'httpCode' in error && error.httpCode ? Number(error.httpCode) : undefined;
	const fields: IDataObject = {
		// the exact text: the title's word joiner (see notCancelLike) is for n8n, not for expressions
		error: error.message.split(CANCEL_JOINER).join(''),
		errorCode: serviceCode,
		httpStatus: Number.isFinite(httpStatus) ? httpStatus : undefined,
		errorDescription: error.description ?? undefined,
		debugUid,
		itemIndex,
	};
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
	);
}

/** Failures that are not n8n errors yet (a bug, a thrown string) become one, tied to the item. */
export function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		return withItemIndex(error, itemIndex);
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * The most requests an operation that only reads (`concurrent: true`) sends at once, unless the
 * user sets Options › Requests at Once: the ceiling of the run's adaptive limit (./limiter.ts),
 * which starts at 1 and grows only while the service answers cleanly and as fast as before. n8n's
 * HTTP Request node starts every item's request at the same moment; against a service 50 ms away
 * it takes about 25 at once to keep up with it, so the ceiling leaves room above that.
 */
export const READ_CEILING = 32;

/**
 * The per-item loop every single-item operation runs in: pairing and continueOnFail in one place.
 *
 * With `concurrency` above 1, items run as many at once as the run's adaptive limit allows
 * (./limiter.ts: it starts at 1 and grows while replies come back clean and fast, up to
 * `concurrency`); every request also takes its place from that limit. So a wrong credential or a
 * service that is down fails at item 0 with one request, and a slow or throttling service is not
 * flooded. Items start in item order; the output is in item order, one entry (or error item) per
 * input item, paired. Without continueOnFail, the first failure stops new items from starting, the
 * items already started finish, and the error thrown is the one of the lowest failed item: where
 * a one-at-a-time run would have stopped, as every item before it was started. Operations that
 * write run one at a time (concurrency 1), in item order, so their effects keep that order, unless
 * the user allows more.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<OperationResult>,
	{ concurrency = 1, writes = false }: { concurrency?: number; writes?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const count = context.getInputData().length;
	const results = new Array<INodeExecutionData[]>(count);
	const run: { next: number; active: number; failed?: { itemIndex: number; error: Error } } = {
		next: 0,
		active: 0,
	};
	const limiter = startLimiter(context, concurrency);
	const width = () => limiter.limit;
	// the lowest failed item wins: a one-at-a-time run would have stopped there
	const fail = (itemIndex: number, error: Error) => {
		if (!run.failed || itemIndex < run.failed.itemIndex) run.failed = { itemIndex, error };
	};
	const runItem = async (itemIndex: number) => {
		try {
			results[itemIndex] = pairedItems(await handle(itemIndex), itemIndex);
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndex);
			// a canceled execution stops, whatever On Error says
			if (context.continueOnFail() && !(nodeError instanceof ExecutionCanceledError)) {
				results[itemIndex] = [errorItem(nodeError, itemIndex)];
			} else fail(itemIndex, nodeError);
		}
	};
	await new Promise<void>((finish) => {
		const startItems = () => {
			while (!run.failed && run.next < count && run.active < width()) {
				const itemIndex = run.next++;
				run.active++;
				void runItem(itemIndex)
					// only a bug could land here (runItem catches): still an error, never a hang
					.catch((error: unknown) => fail(itemIndex, error as Error))
					.then(() => {
						run.active--;
						startItems();
						if (run.active === 0) finish();
					});
			}
		};
		startItems();
		if (run.active === 0) finish();
	});
	if (run.failed) {
		const { error } = run.failed;
		if (writes && !(error instanceof ExecutionCanceledError)) {
			const applied = results.flatMap((result, itemIndex) => (result ? [itemIndex] : []));
			const notSent = Array.from({ length: count - run.next }, (_, n) => run.next + n);
			tellWhatWasApplied(error, applied, notSent);
		}
		throw error;
	}
	return results.flat();
}

/** Item numbers as runs: `0 to 4`, `0, 1`, `7`, joined by commas. */
function itemRanges(items: number[]): string {
	const runs: Array<[number, number]> = [];
	for (const item of items) {
		const last = runs.at(-1);
		if (last && item === last[1] + 1) last[1] = item;
		else runs.push([item, item]);
	}
	return runs
		.map(([from, to]) =>
			from === to ? `${from}` : to === from + 1 ? `${from}, ${to}` : `${from} to ${to}`,
		)
		.join(', ');
}

/**
 * A write run stopped at a failure: which items were applied (one at a time, every item before
 * it; several at once, those that went through) and which were never sent. Said in the error's
 * description, as runInBatches says it for bulk requests.
 */
function tellWhatWasApplied(error: Error, applied: number[], notSent: number[]): void {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return;
	const lines = [];
	if (applied.length === 1)
		lines.push(`Item ${applied[0]} was already applied by an earlier request.`);
	if (applied.length > 1)
		lines.push(`Items ${itemRanges(applied)} were already applied by earlier requests.`);
	if (notSent.length === 1) lines.push(`Item ${notSent[0]} was not sent.`);
	if (notSent.length > 1) lines.push(`Items ${itemRanges(notSent)} were not sent.`);
	if (lines.length) error.description = [error.description, ...lines].filter(Boolean).join('\n');
}
