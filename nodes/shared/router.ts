import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requestsAtOnceForReads, requestsAtOnceForWrites } from './fields';
import { runPerItem } from './items';
import type { Resource } from './registry';
import { checkOutputChoice } from './simplify';
import { readWholeNumberOption } from './validation';

/**
 * Runs the operation the node is set to, as n8n's own routers do: resource and operation read at
 * item 0 (they cannot be expressions); a bulk operation gets all items, any other runs per item
 * (runPerItem: pairing, continueOnFail, several at once when it only reads), each item's Output
 * checked before its request.
 */
export async function routeOperation(
	context: IExecuteFunctions,
	resources: Resource[],
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const selected = resources.find((candidate) => candidate.name === resource)?.operations[
		operation
	];
	if (!selected) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
		);
	}
	if (selected.executeBatch) return [await selected.executeBatch.call(context)];
	const execute = selected.execute!;
	const reads = selected.reads === true;
	return [
		await runPerItem(
			context,
			async (itemIndex) => {
				checkOutputChoice(context, itemIndex);
				return await execute.call(context, itemIndex);
			},
			{
				concurrency: readRequestsAtOnce(context, reads),
				// anything that does not only read writes: a stop says which items were applied
				writes: !reads,
			},
		),
	];
}

/** Options › Requests at Once (shared/fields.ts), read at item 0: it sets the whole run's ceiling. */
function readRequestsAtOnce(context: IExecuteFunctions, reads: boolean): number {
	return readWholeNumberOption(
		context,
		reads ? requestsAtOnceForReads : requestsAtOnceForWrites,
		0,
	);
}
