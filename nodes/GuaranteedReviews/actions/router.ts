import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { BatchOperation, ItemOperation } from '../../shared/router';
import * as order from './order';
import * as review from './review';

// Every resource and operation the node offers; a missing module is a compile error here.
const operations: {
	order: { send: BatchOperation };
	review: Record<'getMany' | 'getManyPrivate' | 'getRatingSummary' | 'getStats', ItemOperation>;
} = {
	order: { send: order.send },
	review: {
		getMany: review.getMany,
		getManyPrivate: review.getManyPrivate,
		getRatingSummary: review.getRatingSummary,
		getStats: review.getStats,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
