import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLocatorValue } from '../../../shared/locator';
import { labelsByApiPath, oneOf, validate, wholeNumber } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { productIdField } from '../../locators';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiId } from '../ids';

// https://www.valigara.com/docs/api/products-actions/ "Sold Product": `quantity` is the quantity
// sold, not the stock left; `sold_action` is remove, revise or no_action (the default).
const action = ACTIONS.product.reportSold;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'reportSold',
	options: [
		{
			name: 'Report Sold',
			value: 'reportSold',
			description:
				'Tell Valigara how many units of a product were sold elsewhere, and whether to remove or revise it on its channels. Returns Valigara’s reply data, or success: true.',
			action: 'Report a product sold',
		},
	],
} satisfies INodeProperties;

const soldActionField = {
	displayName: 'After the Sale',
	name: 'soldAction',
	type: 'options',
	options: [
		{
			name: 'No Action',
			value: 'no_action',
			description: 'Only record the sale (Valigara’s default)',
		},
		{
			name: 'Remove From Channels',
			value: 'remove',
			description: 'Remove the product from all sales channels',
		},
		{
			name: 'Revise on Channels',
			value: 'revise',
			description:
				'Revise the product on its channels; Valigara answers 201 when less than 1 unit is left',
		},
	],
	default: 'no_action',
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		productIdField,
		{
			displayName: 'Quantity Sold',
			name: 'quantitySold',
			type: 'number',
			required: true,
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'How many units were sold (not how many are left)',
		},
		soldActionField,
	]),
];

const schema = z.object({
	product_id: apiId(),
	quantity: wholeNumber({ min: 1 }),
	sold_action: oneOf(soldActionField.options),
});
const labels = labelsByApiPath(properties, {
	product_id: 'productId',
	quantity: 'quantitySold',
	sold_action: 'soldAction',
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(
			this.getNode(),
			schema,
			{
				product_id: readLocatorValue(this, productIdField, itemIndex),
				quantity: this.getNodeParameter('quantitySold', itemIndex),
				sold_action: this.getNodeParameter('soldAction', itemIndex),
			},
			itemIndex,
			labels,
		),
	);
	return await changeAction(this, action, data, itemIndex);
}
