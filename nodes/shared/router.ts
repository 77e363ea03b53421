import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { READ_CEILING, runPerItem } from './items';
import type { OperationResult } from './items';

/** An operation that handles one input item at a time (most of them). */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/**
	 * The operation only reads (Get, Export, Get Many…): items may run several at once (READ_CEILING),
	 * output still in item order. Anything that writes leaves this out and runs one item at a time.
	 */
	concurrent?: boolean;
}

/** An operation that needs all input items at once (bulk endpoints that batch them). */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
}

export type Operation = ItemOperation | BatchOperation;

/** resource → operation → module; each node's actions/router.ts passes its own typed map. */
export type OperationMap = Record<string, Record<string, Operation>>;

export async function routeOperation(
	context: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	// Resource and operation are fixed per node (not per item), as in n8n's own routers.
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const selected = operations[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}
	if ('executeBatch' in selected) return [await selected.executeBatch.call(context)];
	return [
		await runPerItem(
			context,
			async (itemIndex) => await selected.execute.call(context, itemIndex),
			// anything not marked concurrent writes: one item at a time, and a stop says what was applied
			selected.concurrent ? { concurrency: READ_CEILING } : { writes: true },
		),
	];
}
