import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFields, optionsCollection, simplifyFields } from '../../../shared/fields';
import { simplifiedIfWanted } from '../../../shared/simplify';
import { labelsByApiPath } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { GUESSES } from '../../guesses';
import { dataModeFields, forFieldsMode } from '../dataMode';
import { listOptions } from '../listOptions';
import { otherFieldsProperty } from '../otherFields';
import { actionNameOption } from './actionName';
import { dateFilterOptions } from './filters';
import { readExport, simpleOrderFields } from './readExport';

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
			description:
				'Export orders, optionally by dates and status (assumed action name: Options › Action Name changes it). Returns one item per order; Simplify keeps the fields a merchant uses.',
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
				{
					displayName: 'Status',
					name: 'status',
					type: 'string',
					default: '',
					description: 'The order status, as Valigara names it',
				},
			],
		},
		otherFieldsProperty(undefined, 'Other Filters'),
	]),
	...listFields(100_000),
	...simplifyFields,
	optionsCollection([actionNameOption(action), ...listOptions(GUESSES.records.orders)]),
];

const labels = labelsByApiPath(properties, { '': 'filters' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const orders = await readExport(this, itemIndex, action, GUESSES.records.orders, labels);
	return simplifiedIfWanted(this, itemIndex, simpleOrderFields(this, itemIndex), orders);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
