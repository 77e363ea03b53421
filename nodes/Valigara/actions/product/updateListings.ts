import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiIdList, idListField, idListPaths } from '../ids';

// https://www.valigara.com/docs/api/products-actions/ "Product Update Listings": pushes products to
// all listing accounts or to the ones given. Rate limit: 4 requests per hour. The docs' data
// examples are not public: `product_id: [..]` and `accounts: [..]` are this node's reading.
const action = ACTIONS.product.updateListings;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'updateListings',
	options: [
		{
			name: 'Update Listings',
			value: 'updateListings',
			description:
				'Update the channel listings of products, by their IDs, on every listing account or selected ones; Valigara allows 4 calls per hour. Returns Valigara’s reply data, or success: true.',
			action: 'Update product listings',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	{
		displayName:
			'Valigara allows this action 4 times per hour: put several product IDs into one item',
		name: 'rateLimitNotice',
		type: 'notice',
		default: '',
	},
	...dataModeFields(action),
	...forFieldsMode([
		idListField('Product IDs', 'productIds', 'The products whose listings to update'),
		{
			displayName: 'Listing Accounts',
			name: 'accountsScope',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: 'Every listing account of the products' },
				{ name: 'Selected', value: 'selected', description: 'Only the accounts chosen below' },
			],
			default: 'all',
		},
		{
			displayName: 'Account Names or IDs',
			name: 'accountIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getListingAccounts' },
			required: true,
			default: [],
			description:
				'The listing accounts to update, as Get Listing Accounts lists them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show: { accountsScope: ['selected'] } },
		},
	]),
];

const allAccounts = z.object({ product_id: apiIdList() });
// "Selected" with no account must not fall back to sending no `accounts`: that updates them all.
const selectedAccounts = allAccounts.extend({ accounts: apiIdList() });
const labels = labelsByApiPath(properties, {
	...idListPaths('product_id', 'productIds'),
	...idListPaths('accounts', 'accountIds'),
});

function listingsFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const data: IDataObject = {
		product_id: context.getNodeParameter('productIds', itemIndex) as string,
	};
	const selected = context.getNodeParameter('accountsScope', itemIndex) === 'selected';
	if (selected)
		data.accounts =
			(context.getNodeParameter('accountIds', itemIndex, null) as string[] | null) ?? null;
	return validate(
		context.getNode(),
		selected ? selectedAccounts : allAccounts,
		data,
		itemIndex,
		labels,
	);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () => listingsFromFields(this, itemIndex));
	return await changeAction(this, action, data, itemIndex);
}
