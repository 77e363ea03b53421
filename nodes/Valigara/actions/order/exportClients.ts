import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFields, optionsCollection } from '../../../shared/fields';
import { labelsByApiPath } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { GUESSES } from '../../guesses';
import { dataModeFields, forFieldsMode } from '../dataMode';
import { listOptions } from '../listOptions';
import { otherFieldsProperty } from '../otherFields';
import { actionNameOption } from './actionName';
import { dateFilterOptions } from './filters';
import { readExport } from './readExport';

// Docs menu "Clients Export" (the page itself is not public): action name and filters assumed,
// see ../../action-names.ts and ./filters.ts.
const action = ACTIONS.order.exportClients;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'exportClients',
	options: [
		{
			name: 'Export Clients',
			value: 'exportClients',
			description:
				'Export the clients (customers), optionally from and to a date (assumed action name: Options › Action Name changes it). Returns one item per client; Return All or Limit sets how many.',
			action: 'Export clients',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action, 'optional', 'every client Valigara returns is exported'),
	...forFieldsMode([
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Without filters, every client Valigara returns is exported',
			options: dateFilterOptions,
		},
		otherFieldsProperty(undefined, 'Other Filters'),
	]),
	...listFields(100_000),
	optionsCollection([actionNameOption(action), ...listOptions(GUESSES.records.clients)]),
];

const labels = labelsByApiPath(properties, { '': 'filters' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readExport(this, itemIndex, action, GUESSES.records.clients, labels);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
