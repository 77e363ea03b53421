import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/router';
import type { ProductOperation } from '../../actions';
import * as deleteProducts from './delete';
import * as exportProduct from './export';
import * as exportMany from './exportMany';
import * as getListingAccounts from './getListingAccounts';
import * as importProduct from './import';
import * as listFields from './listFields';
import * as listPostTemplates from './listPostTemplates';
import * as postToChannels from './postToChannels';
import * as reportSold from './reportSold';
import * as reviseInventory from './reviseInventory';
import * as search from './search';
import * as update from './update';
import * as updateListings from './updateListings';

// `import`, `export` and `delete` are the operation values; the modules carry longer names.
export const operations: Record<ProductOperation, ItemOperation> = {
	import: importProduct,
	update,
	search,
	reportSold,
	delete: deleteProducts,
	listFields,
	getListingAccounts,
	updateListings,
	export: exportProduct,
	exportMany,
	listPostTemplates,
	postToChannels,
	reviseInventory,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete products, from Valigara and (by default) their channels', action: 'Delete products' },
			{ name: 'Export', value: 'export', description: 'Get one product’s full record', action: 'Export a product' },
			{ name: 'Export Many', value: 'exportMany', description: 'Get the full records of several products', action: 'Export many products' },
			{ name: 'Get Listing Accounts', value: 'getListingAccounts', description: 'List the channel accounts products can be listed on', action: 'Get listing accounts' },
			{ name: 'Import', value: 'import', description: 'Add a new product', action: 'Import a product' },
			{ name: 'List Fields', value: 'listFields', description: 'List the product fields the account accepts', action: 'List product fields' },
			{ name: 'List Post Templates', value: 'listPostTemplates', description: 'List the templates for posting products to channels', action: 'List post templates' },
			{ name: 'Post to Channels', value: 'postToChannels', description: 'Post products to their channels with a template', action: 'Post products to channels' },
			{ name: 'Report Sold', value: 'reportSold', description: 'Tell Valigara a product was sold elsewhere', action: 'Report a product sold' },
			{ name: 'Revise Inventory on Channels', value: 'reviseInventory', description: 'Send products’ stock to their channels', action: 'Revise inventory on channels' },
			{ name: 'Search', value: 'search', description: 'Find product IDs (or full records) by field values', action: 'Search products' },
			{ name: 'Update', value: 'update', description: 'Change an existing product', action: 'Update a product' },
			{ name: 'Update Listings', value: 'updateListings', description: 'Update products’ listings on all or selected accounts (4 calls per hour)', action: 'Update product listings' },
		],
		default: 'search',
	},
	...importProduct.description,
	...update.description,
	...search.description,
	...reportSold.description,
	...deleteProducts.description,
	...listFields.description,
	...getListingAccounts.description,
	...updateListings.description,
	...exportProduct.description,
	...exportMany.description,
	...listPostTemplates.description,
	...postToChannels.description,
	...reviseInventory.description,
];
