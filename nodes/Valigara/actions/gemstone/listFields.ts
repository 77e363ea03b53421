import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ACTIONS } from '../../actions';
import { dataModeFields, listAction } from '../common';

// https://www.valigara.com/docs/api/gemstones-actions/ "Gemstone List Fields": the gemstone fields
// the account accepts.
const action = ACTIONS.gemstone.listFields;

export const description = updateDisplayOptions(
	{ show: { resource: ['gemstone'], operation: ['listFields'] } },
	dataModeFields(action, 'none'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAction(this, itemIndex, action, 'field');
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
