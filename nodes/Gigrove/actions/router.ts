import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { ItemOperation } from '../../shared/router';
import * as booking from './booking';
import * as delivery from './delivery';
import * as notification from './notification';
import * as order from './order';
import * as product from './product';

type Operations<Name extends string> = Record<Name, ItemOperation>;

// Every resource and operation the node offers; a missing module is a compile error here.
const operations: {
	product: Operations<
		| 'create'
		| 'update'
		| 'get'
		| 'getMany'
		| 'delete'
		| 'quickEdit'
		| 'getVariations'
		| 'createVariation'
		| 'updateVariation'
		| 'deleteVariation'
	>;
	order: Operations<'get' | 'getMany' | 'updateStatus' | 'getNotes' | 'addNote' | 'addShipmentTracking'>;
	notification: Operations<'getMany'>;
	booking: Operations<'get' | 'getMany' | 'update' | 'updateStatus'>;
	delivery: Operations<'getMany' | 'get' | 'updateStatus'>;
} = {
	product: {
		create: product.create,
		update: product.update,
		get: product.get,
		getMany: product.getMany,
		delete: product.deleteProduct,
		quickEdit: product.quickEdit,
		getVariations: product.getVariations,
		createVariation: product.createVariation,
		updateVariation: product.updateVariation,
		deleteVariation: product.deleteVariation,
	},
	order: {
		get: order.get,
		getMany: order.getMany,
		updateStatus: order.updateStatus,
		getNotes: order.getNotes,
		addNote: order.addNote,
		addShipmentTracking: order.addShipmentTracking,
	},
	notification: { getMany: notification.getMany },
	booking: { get: booking.get, getMany: booking.getMany, update: booking.update, updateStatus: booking.updateStatus },
	delivery: { getMany: delivery.getMany, get: delivery.get, updateStatus: delivery.updateStatus },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
