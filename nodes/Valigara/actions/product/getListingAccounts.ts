import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACTIONS } from '../../action-names';
import { listAction } from '../../transport';
import { dataModeFields, readDataWithoutFields } from '../dataMode';

// https://www.valigara.com/docs/api/products-actions/ "Product List Listing Accounts": the channel
// accounts (eBay, Etsy…) a product can be listed on; their IDs are what Update Listings targets.
const action = ACTIONS.product.getListingAccounts;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getListingAccounts',
	options: [
		{
			name: 'Get Listing Accounts',
			value: 'getListingAccounts',
			description:
				'List the channel accounts (eBay, Etsy…) products can be listed on; Update Listings takes their IDs. Returns one item per account.',
			action: 'Get listing accounts',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = dataModeFields(action, 'none');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAction(this, action, readDataWithoutFields(this, itemIndex), itemIndex, 'id');
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
