import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { z } from 'zod';

import { readBatchSize, runEachAlone, runInBatches } from '../../../shared/batch';
import { addHint } from '../../../shared/hints';
import { labelsOf, oneOf, validate } from '../../../shared/validation';
import { UNCERTAIN, apiRequest, orderResults } from '../../transport';
import { readOrder } from './body';
import { EXACT_AT_ONCE, batchSizeOption, orderProperties, resultPerOrderOption } from './fields';
import type { Order } from './schema';

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'send',
	options: [
		{
			name: 'Send',
			value: 'send',
			description:
				'Send one order per input item (ID, date, customer name and email, optional products) so the customer is asked for a review. Returns one item per order with its import status; orders go in batches set in Options.',
			action: 'Send orders',
		},
	],
} satisfies INodeProperties;

export const properties = orderProperties;

const resultChoices = resultPerOrderOption.options as INodePropertyOptions[];
const resultPerOrder = z.object({ resultPerOrder: oneOf(resultChoices) });

/** Read at item 0: the whole run is sent one way. */
function readResultPerOrder(context: IExecuteFunctions): string {
	const value: unknown = context.getNodeParameter(
		'options.resultPerOrder',
		0,
		resultPerOrderOption.default,
	);
	const labels = { resultPerOrder: resultPerOrderOption.displayName };
	return validate(context.getNode(), resultPerOrder, { resultPerOrder: value }, 0, labels)
		.resultPerOrder;
}

async function sendOrders(context: IExecuteFunctions, orders: Order[], itemIndex: number) {
	const reply = await apiRequest(
		context,
		{ method: 'POST', path: 'private/v3/orders', body: { orders } },
		itemIndex,
	);
	return orderResults(orders, reply);
}

const resultPerOrderLabel = labelsOf(orderProperties)['options.resultPerOrder'];
const exactChoice = resultChoices.find((choice) => choice.value === 'exact')?.name;

/**
 * After a run with orders whose result is not exact, one hint saying what to do. "unknown" first:
 * some orders of a request were NOT imported and the reply cannot say which, so the user has to
 * act (naming the first such item); sending again is safe, the service does not import an order
 * twice (same ID or reference). Otherwise the results are only counted: where the exact answer is.
 */
function hintIfUncertain(context: IExecuteFunctions, outputs: INodeExecutionData[]): void {
	const firstUnknown = outputs.findIndex((output) => output.json.status === 'unknown');
	if (firstUnknown >= 0) {
		addHint(
			context,
			'Guaranteed Reviews imported only some orders of a request and did not say which: orders with status "unknown" may be missing. ' +
				`Send them again with ${resultPerOrderLabel} set to "${exactChoice}" to import the missing ones and learn each order's result ` +
				'(orders it already has are not imported twice).',
			firstUnknown,
		);
		return;
	}
	const uncertain = outputs.filter((output) =>
		UNCERTAIN.includes(output.json.status as string),
	).length;
	if (uncertain === 0) return;
	addHint(
		context,
		`${uncertain} of ${outputs.length} orders have no exact result (${UNCERTAIN.map((status) => `"${status}"`).join(' or ')}): ` +
			'Guaranteed Reviews only counts the orders of a request. ' +
			`For an answer per order, set ${resultPerOrderLabel} to "${exactChoice}".`,
	);
}

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const prepare = (itemIndex: number) => readOrder(this, itemIndex);
	const outputs =
		readResultPerOrder(this) === 'exact'
			? await runEachAlone(
					this,
					{
						prepare,
						send: async (order, itemIndex) => (await sendOrders(this, [order], itemIndex))[0],
					},
					EXACT_AT_ONCE,
				)
			: await runInBatches(this, {
					size: readBatchSize(this, batchSizeOption),
					prepare,
					send: async (orders, itemIndexes) => await sendOrders(this, orders, itemIndexes[0]),
				});
	hintIfUncertain(this, outputs);
	return outputs;
}
