import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { withItemIndex } from './errors';

export type OperationResult = IDataObject | IDataObject[];

/** Output items for one input item: each paired to it. */
export function pairedItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * The item continueOnFail puts out for a failed input item: paired to it, and carrying the error
 * itself (message, description, HTTP code) so "continue (using error output)" routes it to the
 * error branch. n8n keeps only `{error: message}` as its json.
 */
export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message },
		error: error as NodeApiError | NodeOperationError,
		pairedItem: { item: itemIndex },
	};
}

/** Failures that are not n8n errors yet (a bug, a thrown string) become one, tied to the item. */
export function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		return withItemIndex(error, itemIndex);
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * How many items an operation that only reads (`concurrent: true`) works on at once. n8n's HTTP
 * Request node starts every item's request at the same moment; one at a time, 10 000 items wait
 * 10 000 round trips (17 minutes at 100 ms). 5, as a browser keeps about 6 connections to one
 * host: enough to hide most of the round trip of a distant service (5 × faster at 100 ms), few
 * enough not to look like an attack to a small shop's server or to run into a rate limit at once
 * (Laravel's default is 60 a minute). Close to a local service, n8n's own work per request (1–2 ms
 * of CPU on one core) is the limit, and more requests at once would not help.
 */
export const CONCURRENT_ITEMS = 5;

/**
 * The per-item loop every single-item operation runs in: pairing and continueOnFail in one place.
 *
 * With `concurrency` above 1 (operations that only read), a run still starts one item at a time,
 * and goes to `concurrency` items at once once that many items in a row have succeeded (the
 * service is up, the credential works, its token is fetched); any failed item brings it back to
 * one at a time. So a wrong credential or a service that is down fails at item 0 with one request,
 * as before, and a short run behaves exactly as before. Items start in item order; the output is
 * in item order, one entry (or error item) per input item, paired. Without continueOnFail, the
 * first failure stops new items from starting, the items already started finish, and the error
 * thrown is the one of the lowest failed item: where a one-at-a-time run would have stopped, as
 * every item before it was started. Operations that write run one at a time (concurrency 1), in
 * item order, so their effects keep that order.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<OperationResult>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const count = context.getInputData().length;
	const results = new Array<INodeExecutionData[]>(count);
	const run: { next: number; active: number; streak: number; failed?: { itemIndex: number; error: Error } } = {
		next: 0,
		active: 0,
		streak: 0,
	};
	const width = () => (run.streak >= concurrency ? concurrency : 1);
	// the lowest failed item wins: a one-at-a-time run would have stopped there
	const fail = (itemIndex: number, error: Error) => {
		if (!run.failed || itemIndex < run.failed.itemIndex) run.failed = { itemIndex, error };
	};
	const runItem = async (itemIndex: number) => {
		try {
			results[itemIndex] = pairedItems(await handle(itemIndex), itemIndex);
			run.streak++;
		} catch (error) {
			run.streak = 0;
			const nodeError = asNodeError(context, error, itemIndex);
			if (context.continueOnFail()) results[itemIndex] = [errorItem(nodeError, itemIndex)];
			else fail(itemIndex, nodeError);
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
	if (run.failed) throw run.failed.error;
	return results.flat();
}
