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
import { actionNameOption, withActionName } from './actionName';

// Docs menu "Order set tracking number" (the page itself is not public): one tracking number for
// the whole order. Action name and keys (`order_id`, `tracking_number`, `carrier`) assumed.
const action = ACTIONS.order.setTrackingNumber;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'setTrackingNumber',
	options: [
		{
			name: 'Set Tracking Number',
			value: 'setTrackingNumber',
			description:
				'Set one tracking number, and optionally a carrier, for a whole order (assumed action name: Options › Action Name changes it). Returns Valigara’s reply data, or success: true.',
			action: 'Set a tracking number',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		orderIdField,
		{
			displayName: 'Tracking Number',
			name: 'trackingNumber',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Carrier',
					name: 'carrier',
					type: 'string',
					default: '',
					placeholder: 'e.g. UPS',
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
		tracking_number: requiredText(),
		carrier: optionalText(),
	})
	.passthrough();

const labels = labelsByApiPath(properties, {
	order_id: 'orderId',
	tracking_number: 'trackingNumber',
	'': 'additionalFields',
});

function trackingFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const tracking: IDataObject = {
		order_id: readLocatorValue(context, orderIdField, itemIndex) as IDataObject[string],
		tracking_number: context.getNodeParameter('trackingNumber', itemIndex),
		...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
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
