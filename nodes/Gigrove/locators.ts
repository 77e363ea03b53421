import type { Locator } from '../shared/locator';

// The records an operation picks with a resource locator (shared/locator.ts). Each keeps the name
// of the ID field it replaces, so a workflow saved with a typed ID still reads it.
//
// By URL takes the addresses whose path or query holds the ID: the seller's WCFM dashboard
// (`…/products-manage/{id}/`, `…/orders-details/{id}/`, `…/bookings-details/{id}/`, WCFM's default
// endpoint names under any store-manager page), WordPress admin (`post.php?post={id}`), and the
// product links From List gives (`?post_type=product&p={id}`). A product's pretty permalink holds
// its slug, not its ID, so it is not taken.

export const productLocator: Locator = {
	name: 'productId',
	displayName: 'Product',
	noun: 'product',
	description:
		'Pick the product from the list, paste the address of its page in the seller dashboard, or enter its numeric ID',
	searchMethod: 'searchProducts',
	exampleId: '5694268',
	numeric: true,
	url: {
		regex: '(?:/products-manage/|[?&]p=|[?&]post=)(\\d+)',
		example: 'https://gigrove.com/store-manager/products-manage/5694268/',
	},
};

export const orderLocator: Locator = {
	name: 'orderId',
	displayName: 'Order',
	noun: 'order',
	description:
		'Pick the order from the list, paste the address of its page in the seller dashboard, or enter its numeric ID',
	searchMethod: 'searchOrders',
	exampleId: '5694447',
	numeric: true,
	url: {
		regex: '(?:/orders-details/|[?&]post=|[?&]id=)(\\d+)',
		example: 'https://gigrove.com/store-manager/orders-details/5694447/',
	},
};

export const bookingLocator: Locator = {
	name: 'bookingId',
	displayName: 'Booking',
	noun: 'booking',
	description:
		'Pick the booking from the list, paste the address of its page in the seller dashboard, or enter its numeric ID',
	searchMethod: 'searchBookings',
	exampleId: '31',
	numeric: true,
	url: {
		regex: '(?:/bookings-details/|[?&]post=)(\\d+)',
		example: 'https://gigrove.com/store-manager/bookings-details/31/',
	},
};

/** Deliveries have no page of their own; By ID also takes several IDs separated by commas (WCFM does). */
export const deliveryLocator: Locator = {
	name: 'deliveryId',
	displayName: 'Delivery',
	noun: 'delivery',
	searchMethod: 'searchDeliveries',
	exampleId: '55',
	numeric: false,
	idRegex: '\\s*\\d+(\\s*,\\s*\\d+)*\\s*',
	description:
		'Pick the delivery from the list or enter its ID, as Get Many returns it; By ID also takes several IDs separated by commas',
};

/** A variation of the product picked in the same node (Product): listed from that product's variations. */
export const variationLocator: Locator = {
	name: 'variationId',
	displayName: 'Variation',
	noun: 'variation',
	description:
		'Pick one of the product’s variations from the list (pick the product first), or enter the variation’s numeric ID, as Get Variations returns it',
	searchMethod: 'searchVariations',
	exampleId: '5694400',
	numeric: true,
};

/** A line of the order picked in the same node (Order): listed from that order's line items. */
export const orderItemLocator: Locator = {
	name: 'itemId',
	displayName: 'Order Item',
	noun: 'order item',
	description:
		'Pick the line of the order from the list (pick the order first), or enter its ID (line_items[].id in the order)',
	searchMethod: 'searchOrderItems',
	exampleId: '1226',
	numeric: true,
};
