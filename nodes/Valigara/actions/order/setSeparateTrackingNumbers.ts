import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionsCollection } from '../../../shared/fields';
import { labelsByApiPath, optionalText, requiredText, validate } from '../../../shared/validation';
import { readLocatorValue } from '../../../shared/locator';
import { ACTIONS } from '../../action-names';
import { orderIdField } from '../../locators';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiId } from '../ids';
import { otherFieldsProperty, readOtherFields } from '../otherFields';
import { readRows } from '../rows';
import { actionNameOption, withActionName } from './actionName';

// Docs menu "Order set separate tracking numbers" (the page itself is not public): read as one
// tracking number per order item. Action name and keys (`order_id`, `items` of `item_id`,
// `tracking_number`, `carrier`) assumed.
const action = ACTIONS.order.setSeparateTrackingNumbers;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'setSeparateTrackingNumbers',
	options: [
		{
			name: 'Set Separate Tracking Numbers',
			value: 'setSeparateTrackingNumbers',
			description:
				'Give each item of an order its own tracking number and carrier (assumed action name: Options › Action Name changes it). Needs the order and item IDs; returns Valigara’s reply data, or success: true.',
			action: 'Set separate tracking numbers',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		orderIdField,
		{
			displayName: 'Tracking Numbers',
			name: 'trackingNumbers',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Tracking Number',
			default: {},
			required: true,
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Order Item ID',
							name: 'item_id',
							type: 'string',
							default: '',
							required: true,
							description: 'Valigara’s ID of the item within the order',
						},
						{
							displayName: 'Tracking Number',
							name: 'tracking_number',
							type: 'string',
							default: '',
							required: true,
						},
						{
							displayName: 'Carrier',
							name: 'carrier',
							type: 'string',
							default: '',
							placeholder: 'e.g. UPS',
						},
					],
				},
			],
		},
		otherFieldsProperty(),
	]),
	optionsCollection([actionNameOption(action)]),
];

const schema = z
	.object({
		order_id: apiId(),
		items: z
			.array(
				z
					.object({
						item_id: apiId(),
						tracking_number: requiredText(),
						carrier: optionalText(),
					})
					.passthrough(),
				{ required_error: 'must hold at least one item' },
			)
			.min(1, 'must hold at least one item'),
	})
	.passthrough();

const labels = labelsByApiPath(properties, {
	order_id: 'orderId',
	items: 'trackingNumbers',
	'items.*': 'trackingNumbers.item',
});

function trackingFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const tracking: IDataObject = {
		order_id: readLocatorValue(context, orderIdField, itemIndex) as IDataObject[string],
		items: readRows(context, 'trackingNumbers.item', itemIndex),
	};
	return { ...tracking, ...readOtherFields(context, itemIndex, tracking) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await withActionName(this, itemIndex, action, async (actionName) => {
		const data = readData(this, itemIndex, () =>
			validate(this.getNode(), schema, trackingFromFields(this, itemIndex), itemIndex, labels),
		);
		return await changeAction(this, actionName, data, itemIndex);
	});
}
