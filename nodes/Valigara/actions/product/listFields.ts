import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/fields';
import { ACTIONS } from '../../action-names';
import { listAction, recordsOf, valigaraResponse } from '../../transport';
import { dataModeFields, readDataWithoutFields } from '../dataMode';

// https://www.valigara.com/docs/api/products-actions/ "Product List Fields": the product fields the
// account accepts. `preview=1` makes it a human-readable list, for reading only.
const action = ACTIONS.product.listFields;

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
				'List the product fields this Valigara account accepts. Returns one item per field, or one item with the readable page when Readable Preview is on.',
			action: 'List product fields',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action, 'none'),
	optionsCollection([
		{
			displayName: 'Readable Preview',
			name: 'preview',
			type: 'boolean',
			default: false,
			description:
				'Whether to ask for Valigara’s human-readable list (preview=1), meant for reading rather than for use in a workflow: one item holding the page’s text',
		},
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const data = readDataWithoutFields(this, itemIndex);
	if (options.preview !== true) return await listAction(this, action, data, itemIndex, 'field');
	const reply = await valigaraResponse(this, action, data, itemIndex, { preview: 1 });
	// The documented preview is a readable page, not JSON: one item with its text. Should Valigara
	// answer JSON after all, its fields come out as without the option.
	if (!reply.isJson) return [{ preview: String(reply.body) }];
	return recordsOf((reply.body as IDataObject).data, 'field');
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
