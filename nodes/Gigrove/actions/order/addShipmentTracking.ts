import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLocatorValue } from '../../../shared/locator';
import { compact, labelsAt, labelsOf, numericId, validate } from '../../../shared/validation';
import { gigroveObject } from '../../transport';
import { beyondDocNotice, orderIdField, orderItemIdField } from '../fields';
import { labelsIn } from '../schema';

// WCFM route PUT orders/shipment_tracking/ (not in Gigrove's documentation): marks one order item
// shipped; replies {order_id, order_status, tracking_data}.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'addShipmentTracking',
	options: [
		{
			name: 'Add Shipment Tracking',
			value: 'addShipmentTracking',
			description:
				'Mark one item of an order shipped, with its tracking code and URL (beyond Gigrove’s docs: the store’s API must offer it). Needs the order and its item (the item’s product is read from the order unless given); returns the order ID, its status and the tracking data.',
			action: 'Add shipment tracking to an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	orderIdField,
	orderItemIdField,
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5694269',
		description:
			'The shipped item’s product (line_items[].product_id in the order). Left empty, the node reads the order and takes it from the item (one more request).',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Delivery Person ID',
				name: 'delivery_boy',
				type: 'string',
				default: '',
				description: 'The user ID of the delivery person who takes it',
			},
			{ displayName: 'Tracking Code', name: 'tracking_code', type: 'string', default: '' },
			{ displayName: 'Tracking URL', name: 'tracking_url', type: 'string', default: '' },
		],
	},
];

const schema = z
	.object({
		order_id: numericId(),
		product_id: numericId().optional(),
		item_id: numericId(),
		tracking_code: z.string().trim().optional(),
		tracking_url: z.string().trim().url('must be a URL').optional(),
		delivery_boy: numericId().optional(),
	})
	.strict();

const labels = {
	...labelsAt(labelsOf(properties), {
		order_id: 'orderId',
		product_id: 'productId',
		item_id: 'itemId',
	}),
	...labelsIn(properties, 'additionalFields'),
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = validate(
		this.getNode(),
		schema,
		{
			order_id: readLocatorValue(this, orderIdField, itemIndex),
			...compact({ product_id: this.getNodeParameter('productId', itemIndex, '') as string }),
			item_id: readLocatorValue(this, orderItemIdField, itemIndex),
			...compact(additional),
		},
		itemIndex,
		labels,
	);
	body.product_id ??= await productOfItem(this, body.order_id, body.item_id, itemIndex);
	return await gigroveObject(
		this,
		{ method: 'PUT', path: 'orders/shipment_tracking/', body, subject: `order ${body.order_id}` },
		itemIndex,
	);
}

/** The product of a line of the order, read from the order; a line it does not have stops before the change. */
async function productOfItem(
	context: IExecuteFunctions,
	orderId: string,
	itemId: string,
	itemIndex: number,
): Promise<string> {
	const order = await gigroveObject(
		context,
		{ method: 'GET', path: `orders/${orderId}`, subject: `order ${orderId}` },
		itemIndex,
	);
	const lines = Array.isArray(order.line_items) ? (order.line_items as IDataObject[]) : [];
	const line = lines.find((entry) => String(entry?.id) === itemId);
	const productId = line?.product_id;
	if (typeof productId === 'number' || (typeof productId === 'string' && /^\d+$/.test(productId)))
		return String(productId);
	throw new NodeOperationError(
		context.getNode(),
		line
			? `Item ${itemId} of order ${orderId} names no product: nothing was changed`
			: `Order ${orderId} has no item ${itemId}: nothing was changed`,
		{
			itemIndex,
			description: `Its items are ${lines.map((entry) => entry?.id).join(', ') || 'none'}. Enter the Product ID to send it as given.`,
		},
	);
}
