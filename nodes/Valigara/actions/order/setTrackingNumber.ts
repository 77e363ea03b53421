import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { requiredText, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { valigaraRequest } from '../../transport';
import {
	actionNameOption,
	apiId,
	dataModeFields,
	forFieldsMode,
	optionalText,
	otherFieldsProperty,
	readActionName,
	readData,
	readOtherFields,
	replyObject,
} from '../common';

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
			description: 'Give an order one tracking number',
			action: 'Set a tracking number',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		{ displayName: 'Order ID', name: 'orderId', type: 'string', required: true, default: '' },
		{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', required: true, default: '' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [{ displayName: 'Carrier', name: 'carrier', type: 'string', default: '', placeholder: 'e.g. UPS' }],
		},
		otherFieldsProperty(),
	]),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [actionNameOption(action)],
	},
];

const schema = z
	.object({
		order_id: apiId(),
		tracking_number: requiredText(),
		carrier: optionalText,
	})
	.passthrough();

function trackingFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const tracking: IDataObject = {
		order_id: context.getNodeParameter('orderId', itemIndex),
		tracking_number: context.getNodeParameter('trackingNumber', itemIndex),
		...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	return { ...tracking, ...readOtherFields(context, itemIndex, tracking) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const actionName = readActionName(this, itemIndex, action);
	const data = readData(this, itemIndex, () =>
		validate(this.getNode(), schema, trackingFromFields(this, itemIndex), itemIndex, {
			order_id: 'Order ID',
			tracking_number: 'Tracking Number',
			carrier: 'Carrier',
		}),
	);
	return replyObject(await valigaraRequest(this, actionName, data, itemIndex));
}
