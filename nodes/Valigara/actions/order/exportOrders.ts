import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFields } from '../../../shared/fields';
import { ACTIONS } from '../../action-names';
import { GUESSES } from '../../guesses';
import { actionNameOption, dataModeFields, forFieldsMode, otherFieldsProperty } from '../common';
import { listOptions } from '../listOptions';
import { dateFilterOptions, readExport } from './filters';

// Docs menu "Orders Export" (the page itself is not public): action name and filters assumed,
// see ../../action-names.ts and ./filters.ts.
const action = ACTIONS.order.exportOrders;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'exportOrders',
	options: [
		{
			name: 'Export Orders',
			value: 'exportOrders',
			description: 'Get orders, optionally filtered',
			action: 'Export orders',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action, 'optional', 'every order Valigara returns is exported'),
	...forFieldsMode([
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Without filters, every order Valigara returns is exported',
			options: [
				...dateFilterOptions,
				{ displayName: 'Status', name: 'status', type: 'string', default: '', description: 'The order status, as Valigara names it' },
			],
		},
		otherFieldsProperty(undefined, 'Other Filters'),
	]),
	...listFields(100_000),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [actionNameOption(action), ...listOptions(GUESSES.records.orders)],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readExport(this, itemIndex, action, GUESSES.records.orders);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
