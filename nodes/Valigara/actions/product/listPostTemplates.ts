import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACTIONS } from '../../action-names';
import { listAction } from '../../transport';
import { dataModeFields, readDataWithoutFields } from '../dataMode';

// https://www.valigara.com/docs/api/products-actions/ "Product Post Templates": the templates
// Post to Channels may use.
const action = ACTIONS.product.listPostTemplates;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'listPostTemplates',
	options: [
		{
			name: 'List Post Templates',
			value: 'listPostTemplates',
			description: 'List the templates Post to Channels can use. Returns one item per template.',
			action: 'List post templates',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = dataModeFields(action, 'none');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAction(this, action, readDataWithoutFields(this, itemIndex), itemIndex, 'id');
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
