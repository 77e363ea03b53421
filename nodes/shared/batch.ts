import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem, runPerItem } from './items';
import { readWholeNumberOption } from './validation';

export interface BatchPlan<Entry> {
	/** at most this many entries per request */
	size: number;
	/** read and validate one input item; throws a NodeOperationError for bad input */
	prepare(itemIndex: number): Promise<Entry> | Entry;
	/** send one batch; returns one output object per entry, in the same order */
	send(entries: Entry[], itemIndexes: number[]): Promise<IDataObject[]>;
}

/** A "… Per Request" option, read and checked as every whole-number option is (shared/validation.ts). */
export const readBatchSize = readWholeNumberOption;

export function chunk<T>(list: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

type Prepared<Entry> = { entry: Entry } | { error: Error };

/**
 * Every input item read and checked before the first request. Without continueOnFail the first
 * bad item stops the run here, so nothing is sent.
 */
async function prepareAll<Entry>(
	context: IExecuteFunctions,
	prepare: BatchPlan<Entry>['prepare'],
): Promise<Array<Prepared<Entry>>> {
	const prepared: Array<Prepared<Entry>> = [];
	for (let itemIndex = 0; itemIndex < context.getInputData().length; itemIndex++) {
		try {
			prepared.push({ entry: await prepare(itemIndex) });
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			prepared.push({ error: nodeError });
		}
	}
	return prepared;
}

/**
 * Bulk endpoints: every input item is checked before the first request, then sent in requests of
 * at most `size`. One output item per input item, paired, in input order. A failed batch fails
 * exactly its own items (with continueOnFail) or stops the run naming them.
 */
export async function runInBatches<Entry>(
	context: IExecuteFunctions,
	plan: BatchPlan<Entry>,
): Promise<INodeExecutionData[]> {
	const outputs: INodeExecutionData[] = new Array(context.getInputData().length);
	const ready: Array<{ itemIndex: number; entry: Entry }> = [];
	(await prepareAll(context, plan.prepare)).forEach((prepared, itemIndex) => {
		if ('error' in prepared) outputs[itemIndex] = errorItem(prepared.error, itemIndex);
		else ready.push({ itemIndex, entry: prepared.entry });
	});

	const sent: number[] = [];
	for (const batch of chunk(ready, Math.max(1, plan.size))) {
		const itemIndexes = batch.map(({ itemIndex }) => itemIndex);
		try {
			const results = await plan.send(
				batch.map(({ entry }) => entry),
				itemIndexes,
			);
			batch.forEach(({ itemIndex }, position) => {
				outputs[itemIndex] = { json: results[position] ?? {}, pairedItem: { item: itemIndex } };
			});
			sent.push(...itemIndexes);
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndexes[0]);
			const carried = `This request carried items ${itemIndexes.join(', ')}.`;
			if ('description' in nodeError && !String(nodeError.description ?? '').includes(carried)) {
				nodeError.description = [nodeError.description, carried].filter(Boolean).join('\n');
			}
			if (!context.continueOnFail()) {
				// nothing is half-applied silently: earlier requests went through
				noteApplied(nodeError, sent);
				throw nodeError;
			}
			for (const itemIndex of itemIndexes) outputs[itemIndex] = errorItem(nodeError, itemIndex);
			continue;
		}
	}
	return outputs;
}

/** "Items 0, 2 were already applied…", added to the error that stops a run after some requests went through. */
function noteApplied(error: Error, applied: number[]): void {
	if (!applied.length || !('description' in error)) return;
	const note = `Items ${applied.join(', ')} were already applied by earlier requests.`;
	error.description = [error.description, note].filter(Boolean).join('\n');
}

/**
 * The same endpoint, one entry per request, up to `concurrency` requests at once (runPerItem's
 * adaptive limit with that ceiling; requests share the execution's rate-limit wait). Every item
 * is checked before the first request, as in runInBatches; then each item's output is what `send`
 * makes of its own reply, and a failed request fails its own item only. A run that stops says
 * which items went through (the requests under way when one failed finish first).
 */
export async function runEachAlone<Entry>(
	context: IExecuteFunctions,
	plan: {
		prepare: BatchPlan<Entry>['prepare'];
		send(entry: Entry, itemIndex: number): Promise<IDataObject>;
	},
	concurrency: number,
): Promise<INodeExecutionData[]> {
	const prepared = await prepareAll(context, plan.prepare);
	const applied: number[] = [];
	try {
		return await runPerItem(
			context,
			async (itemIndex) => {
				const item = prepared[itemIndex];
				if ('error' in item) throw item.error;
				const result = await plan.send(item.entry, itemIndex);
				applied.push(itemIndex);
				return result;
			},
			// not `writes`: the items applied are noted below, exactly (several go at once)
			{ concurrency },
		);
	} catch (error) {
		// runPerItem throws n8n errors tied to their item already; the index here is only a fallback
		const nodeError = asNodeError(context, error, 0);
		noteApplied(
			nodeError,
			applied.sort((a, b) => a - b),
		);
		throw nodeError;
	}
}
