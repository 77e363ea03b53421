import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { idLocator } from '../../shared/locator';
import {
	bookingLocator,
	deliveryLocator,
	orderLocator,
	productLocator,
	orderItemLocator,
	variationLocator,
} from '../locators';

// Properties several of Gigrove's operations show.

/** A required ID field (text, so expressions and long IDs pass unchanged). */
export function idField(name: string, displayName: string, description?: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5694268',
		description,
	};
}

export const sortDirections: INodePropertyOptions[] = [
	{ name: 'Descending', value: 'desc' },
	{ name: 'Ascending', value: 'asc' },
];

/** A list's Sort collection: what to order by (the store's own names) and the direction. */
export function sortCollection(
	orderBy: INodePropertyOptions[],
	defaultOrderBy: string,
): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		options: [
			{
				displayName: 'Order By',
				name: 'orderby',
				type: 'options',
				options: orderBy,
				default: defaultOrderBy,
			},
			{
				displayName: 'Sort Direction',
				name: 'order',
				type: 'options',
				options: sortDirections,
				default: 'desc',
			},
		],
	};
}

/** The description every operation beyond Gigrove's documentation carries. */
export const BEYOND_DOC =
	'Not in Gigrove’s documentation: depends on the store’s API (a WCFM Marketplace route)';

export function beyondDocNotice(): INodeProperties {
	return {
		displayName: `${BEYOND_DOC}. If the store does not offer it, the node says so.`,
		name: 'beyondDocNotice',
		type: 'notice',
		default: '',
	};
}

export const deliveryTokenNotice: INodeProperties = {
	displayName: 'Deliveries need a credential with a delivery person’s token',
	name: 'deliveryTokenNotice',
	type: 'notice',
	default: '',
};

/** WooCommerce's order statuses, as the order's `status` holds them (Order › Update Status, the trigger's To Statuses). */
export const ORDER_STATUSES: INodePropertyOptions[] = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'On Hold', value: 'on-hold' },
	{ name: 'Pending Payment', value: 'pending' },
	{ name: 'Processing', value: 'processing' },
	{ name: 'Refunded', value: 'refunded' },
];

/**
 * The fields of the records an operation takes, each operation giving its own description where it
 * needs one: the ones the store can list are picked with a resource locator (../locators.ts).
 */
export const productIdField = idLocator(productLocator);
export const variationIdField = idLocator(variationLocator);
export const orderIdField = idLocator(orderLocator);
export const orderItemIdField = idLocator(orderItemLocator);
export const bookingIdField = idLocator(bookingLocator);
export const deliveryIdField = idLocator(deliveryLocator);
