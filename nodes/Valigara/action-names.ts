/**
 * Every Valigara action the node calls, in one table. Valigara has one endpoint; the `action`
 * parameter picks what it does.
 *
 * Product and gemstone names are the documented ones
 * (https://www.valigara.com/features/external-integrations/api/products-actions/ and
 * …/gemstones-actions/). The four Orders actions are only named in the docs' menu: their names
 * below are the likeliest ones, not confirmed. Each order operation has an "Action Name" option
 * that overrides its name here, and a 200 "Action Not Found" reply points at that option.
 */
export const ACTIONS = {
	product: {
		import: 'product_import',
		update: 'product_update',
		search: 'product_search',
		reportSold: 'product_sold',
		delete: 'product_delete',
		listFields: 'product_listfields',
		getListingAccounts: 'listings_accounts_get',
		updateListings: 'product_update_listings',
		export: 'product_export',
		exportMany: 'products_export',
		listPostTemplates: 'products_post_templates_list',
		postToChannels: 'products_post',
		reviseInventory: 'products_revise_inventory',
	},
	gemstone: {
		import: 'gemstone_import',
		update: 'gemstone_update',
		search: 'gemstone_search',
		delete: 'gemstone_delete',
		listFields: 'gemstone_listfields',
	},
	/** ASSUMED names: the Orders actions page of the docs is not public */
	order: {
		exportOrders: 'orders_export',
		exportClients: 'clients_export',
		setTrackingNumber: 'order_set_tracking_number',
		setSeparateTrackingNumbers: 'order_set_separate_tracking_numbers',
	},
} as const;

const DOCUMENTED = new Set<string>([
	...Object.values(ACTIONS.product),
	...Object.values(ACTIONS.gemstone),
]);

/** Whether Valigara's docs name this action (so a 200 "Action Not Found" is not our guess being wrong). */
export function isDocumentedAction(action: string): boolean {
	return DOCUMENTED.has(action);
}
