import { idLocator } from '../shared/locator';
import type { Locator } from '../shared/locator';

// The records an operation picks with a resource locator (shared/locator.ts), under the name of the
// ID field it replaces, so a workflow saved with a typed ID still reads it. Valigara's back office
// has no documented page address holding a product's ID: no By URL.

export const productLocator: Locator = {
	name: 'productId',
	displayName: 'Product',
	noun: 'product',
	description:
		'Pick the product from the list, or enter Valigara’s ID of it (product_id, as Search returns it)',
	searchMethod: 'searchProducts',
	exampleId: '501',
	numeric: false,
};

/** The product field of Export, Update and Report Sold. */
export const productIdField = idLocator(productLocator);

export const gemstoneLocator: Locator = {
	name: 'gemstoneId',
	displayName: 'Gemstone',
	noun: 'gemstone',
	searchMethod: 'searchGemstones',
	exampleId: '17',
	numeric: false,
};

/** The gemstone field of Update. */
export const gemstoneIdField = idLocator(gemstoneLocator);

export const orderLocator: Locator = {
	name: 'orderId',
	displayName: 'Order',
	noun: 'order',
	description:
		'Pick the order from the last 30 days’ orders, or enter Valigara’s ID of it (order_id, as Export Orders returns it)',
	searchMethod: 'searchOrders',
	exampleId: '9001',
	numeric: false,
};

/** The order field of Set Tracking Number and Set Separate Tracking Numbers. */
export const orderIdField = idLocator(orderLocator);
