import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Resource } from '../../shared/registry';
import { routeOperation } from '../../shared/router';
import { gemstone } from './gemstone';
import { order } from './order';
import { product } from './product';

/** Every resource of the node, in the order the editor shows their fields. */
export const resources: Resource[] = [product, gemstone, order];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
