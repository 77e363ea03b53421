import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { BatchOperation, ItemOperation } from '../../shared/router';
import * as customer from './customer';
import * as manufacturer from './manufacturer';
import * as optionValue from './optionValue';
import * as order from './order';
import * as price from './price';
import * as product from './product';

// Every resource and operation the node offers (the doc's 20 routes); a missing module is a compile error.
const operations: {
	customer: Record<'create' | 'update' | 'delete', ItemOperation>;
	manufacturer: Record<'create' | 'update', ItemOperation>;
	optionValue: Record<'create' | 'update', ItemOperation>;
	order: Record<'create' | 'get' | 'update' | 'updateAddress' | 'changeStatus' | 'addComment', ItemOperation>;
	price: { add: ItemOperation; addMany: BatchOperation };
	product: Record<'create' | 'update' | 'delete' | 'changeSku', ItemOperation> & { createOrUpdateMany: BatchOperation };
} = {
	customer: { create: customer.create, update: customer.update, delete: customer.deleteCustomer },
	manufacturer: { create: manufacturer.create, update: manufacturer.update },
	optionValue: { create: optionValue.create, update: optionValue.update },
	order: {
		create: order.create,
		get: order.get,
		update: order.update,
		updateAddress: order.updateAddress,
		changeStatus: order.changeStatus,
		addComment: order.addComment,
	},
	price: { add: price.add, addMany: price.addMany },
	product: {
		create: product.create,
		update: product.update,
		delete: product.deleteProduct,
		changeSku: product.changeSku,
		createOrUpdateMany: product.createOrUpdateMany,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
