import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { ItemOperation } from '../../shared/router';
import type { GemstoneOperation, OrderOperation, ProductOperation } from '../actions';
import * as gemstone from './gemstone';
import * as order from './order';
import * as product from './product';

// Every resource and operation of the node, typed by the action table: an action without its
// operation module is a compile error here.
const operations: {
	product: Record<ProductOperation, ItemOperation>;
	gemstone: Record<GemstoneOperation, ItemOperation>;
	order: Record<OrderOperation, ItemOperation>;
} = {
	product: product.operations,
	gemstone: gemstone.operations,
	order: order.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
