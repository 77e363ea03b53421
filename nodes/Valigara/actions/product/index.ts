import { resource } from '../../../shared/registry';
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

export const product = resource(
	'product',
	[
		importProduct,
		update,
		search,
		reportSold,
		deleteProducts,
		listFields,
		getListingAccounts,
		updateListings,
		exportProduct,
		exportMany,
		listPostTemplates,
		postToChannels,
		reviseInventory,
	],
	'search',
);
