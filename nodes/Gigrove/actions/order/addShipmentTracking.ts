import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLocatorValue } from '../../../shared/locator';
import { compact, labelsAt, labelsOf, numericId, validate } from '../../../shared/validation';
import { gigroveObject } from '../../transport';
import { beyondDocNotice, idField, orderIdField } from '../fields';
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
				'Mark one item of an order shipped, with its tracking code and URL (beyond Gigrove’s docs: the store’s API must offer it). Needs the order, product and order item IDs; returns the order ID, its status and the tracking data.',
			action: 'Add shipment tracking to an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	orderIdField,
	idField(
		'productId',
		'Product ID',
		'The ID of the shipped item’s product (line_items[].product_id in the order)',
	),
	idField('itemId', 'Order Item ID', 'The ID of the line item in the order (line_items[].id)'),
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
		product_id: numericId(),
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
			product_id: this.getNodeParameter('productId', itemIndex, ''),
			item_id: this.getNodeParameter('itemId', itemIndex, ''),
			...compact(additional),
		},
		itemIndex,
		labels,
	);
	return await gigroveObject(
		this,
		{ method: 'PUT', path: 'orders/shipment_tracking/', body, subject: `order ${body.order_id}` },
		itemIndex,
	);
}
