import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Resource } from '../../shared/registry';
import { routeOperation } from '../../shared/router';
import { customer } from './customer';
import { manufacturer } from './manufacturer';
import { optionValue } from './optionValue';
import { order } from './order';
import { price } from './price';
import { product } from './product';

/** Every resource of the node, in the order the editor shows their fields. */
export const resources: Resource[] = [customer, manufacturer, optionValue, order, price, product];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, resources);
}
