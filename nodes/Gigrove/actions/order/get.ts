import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyFields } from '../../../shared/fields';
import { simplifiedIfWanted } from '../../../shared/simplify';
import { SIMPLE_ORDER, gigroveObject } from '../../transport';
import { orderIdField } from '../fields';
import { readId } from '../schema';

// https://gigrove.com/api-docs/ "Get a single order": GET orders/{id}

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
				'Get one order by its ID. Returns the order; Simplify keeps the fields a merchant uses (status, total, customer, lines).',
			action: 'Get an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [orderIdField, ...simplifyFields];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, orderIdField, itemIndex);
	const order = await gigroveObject(
		this,
		{ method: 'GET', path: `orders/${id}`, subject: `order ${id}` },
		itemIndex,
	);
	return simplifiedIfWanted(this, itemIndex, SIMPLE_ORDER, order);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
