import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Resource } from '../../shared/registry';
import { routeOperation } from '../../shared/router';
import { booking } from './booking';
import { delivery } from './delivery';
import { notification } from './notification';
import { order } from './order';
import { product } from './product';

/** Every resource of the node, in the order the editor shows their fields. */
export const resources: Resource[] = [product, order, notification, booking, delivery];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
