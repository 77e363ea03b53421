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

/** The per-item loop every single-item operation runs in: pairing and continueOnFail in one place. */
export async function runPerItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<OperationResult>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const count = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			output.push(...pairedItems(await handle(itemIndex), itemIndex));
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
		}
	}
	return output;
}
