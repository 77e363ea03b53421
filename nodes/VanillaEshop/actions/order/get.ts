import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyFields } from '../../../shared/fields';
import { simplifiedIfWanted } from '../../../shared/simplify';
import { SIMPLE_ORDER, apiRequest, path, recordOr } from '../../transport';
import { readId } from '../body';
import { orderIdField } from './properties';

// Doc: Order › Get Order, GET v1/in/order/{order}
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'get',
	options: [
		{
			name: 'Get',
			value: 'get',
			description:
				'Get one order by its ID. Returns the order; Simplify keeps the fields a merchant uses (customer, status, total, products).',
			action: 'Get an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [orderIdField, ...simplifyFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = readId(this, orderIdField, itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'GET', path: path('order', orderId), subject: `order ${orderId}` },
		itemIndex,
	);
	return simplifiedIfWanted(this, itemIndex, SIMPLE_ORDER, recordOr(data, { order_id: orderId }));
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
