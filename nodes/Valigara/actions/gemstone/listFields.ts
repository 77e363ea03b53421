import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACTIONS } from '../../action-names';
import { listAction } from '../../transport';
import { dataModeFields, readDataWithoutFields } from '../dataMode';

// https://www.valigara.com/docs/api/gemstones-actions/ "Gemstone List Fields": the gemstone fields
// the account accepts.
const action = ACTIONS.gemstone.listFields;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'listFields',
	options: [
		{
			name: 'List Fields',
			value: 'listFields',
			description:
				'List the gemstone fields this Valigara account accepts. Returns one item per field.',
			action: 'List gemstone fields',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = dataModeFields(action, 'none');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAction(this, action, readDataWithoutFields(this, itemIndex), itemIndex, 'field');
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
