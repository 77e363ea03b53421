import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLocatorValue } from '../../../shared/locator';
import { labelsByApiPath, optionalText, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { gemstoneIdField } from '../../locators';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiId } from '../ids';
import { otherFieldsProperty, readOtherFields } from '../otherFields';
import { gemstonePaths, withValigaraColor } from './body';
import { codeField, gemstoneDetailFields, titleField, typeField } from './fields';
import { gemstoneCode, gemstoneDetailShape } from './schema';

// https://www.valigara.com/docs/api/gemstones-actions/ "Gemstone Update": empty values overwrite;
// send existing values to keep them. The gemstone is named by `gemstone_id` (as products are by
// `product_id`; the docs' example is not public).
const action = ACTIONS.gemstone.update;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'update',
	options: [
		{
			name: 'Update',
			value: 'update',
			description:
				'Change fields of a gemstone by its ID; a field added but left empty is emptied. Returns Valigara’s reply data, or success: true.',
			action: 'Update a gemstone',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		{ ...gemstoneIdField, description: 'Valigara’s ID of the gemstone, as Search returns it' },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Only the fields added here change. A field added but left empty is emptied in Valigara.',
			options: [codeField, ...gemstoneDetailFields, titleField, typeField].sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		},
		otherFieldsProperty('getGemstoneFields'),
	]),
];

const schema = z
	.object({
		gemstone_id: apiId(),
		title: z.string().optional(),
		code: gemstoneCode.optional(),
		type: optionalText(),
		...gemstoneDetailShape,
	})
	.passthrough()
	.refine(
		(update) => Object.keys(update).some((key) => key !== 'gemstone_id'),
		'must hold at least one field to change',
	);

const labels = labelsByApiPath(properties, {
	...gemstonePaths('', 'updateFields'),
	gemstone_id: 'gemstoneId',
});

function updateFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const gemstone: IDataObject = {
		gemstone_id: readLocatorValue(context, gemstoneIdField, itemIndex) as string,
		...withValigaraColor(context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject),
	};
	return { ...gemstone, ...readOtherFields(context, itemIndex, gemstone) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(this.getNode(), schema, updateFromFields(this, itemIndex), itemIndex, labels),
	);
	return await changeAction(this, action, data, itemIndex);
}
