import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ACTIONS } from '../../actions';
import { dataModeFields, listAction } from '../common';

// https://www.valigara.com/docs/api/products-actions/ "Product List Listing Accounts": the channel
// accounts (eBay, Etsy…) a product can be listed on; their IDs are what Update Listings targets.
const action = ACTIONS.product.getListingAccounts;

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getListingAccounts'] } },
	dataModeFields(action, 'none'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAction(this, itemIndex, action, 'id');
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
