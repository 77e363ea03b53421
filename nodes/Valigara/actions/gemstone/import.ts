import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { finiteNumber, labelsByApiPath, requiredText, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { changeAction } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { otherFieldsProperty, readOtherFields } from '../otherFields';
import { gemstonePaths, withValigaraColor } from './body';
import { codeField, gemstoneDetailFields, titleField, typeField } from './fields';
import { gemstoneCode, gemstoneDetailShape } from './schema';

// https://www.valigara.com/docs/api/gemstones-actions/ "Gemstones Import": `data` is mandatory.
const action = ACTIONS.gemstone.import;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'import',
	options: [
		{
			name: 'Import',
			value: 'import',
			description:
				'Add a gemstone from its title, code and type, plus optional details (carat, clarity, color, shape, quantity). Returns Valigara’s reply data, or success: true.',
			action: 'Import a gemstone',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([
		{ ...titleField, required: true },
		{ ...codeField, required: true },
		{ ...typeField, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: gemstoneDetailFields,
		},
		otherFieldsProperty('getGemstoneFields'),
	]),
];

// a Type given as a number (a type code, from an expression) is sent as a number
const schema = z
	.object({
		title: requiredText(),
		code: gemstoneCode,
		type: z.union([finiteNumber(), requiredText()]),
		...gemstoneDetailShape,
	})
	.passthrough();

const labels = labelsByApiPath(properties, gemstonePaths('', 'additionalFields'));

function gemstoneFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const gemstone: IDataObject = {
		title: context.getNodeParameter('title', itemIndex),
		code: context.getNodeParameter('code', itemIndex),
		type: context.getNodeParameter('type', itemIndex),
		...withValigaraColor(
			context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		),
	};
	return { ...gemstone, ...readOtherFields(context, itemIndex, gemstone) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(this.getNode(), schema, gemstoneFromFields(this, itemIndex), itemIndex, labels),
	);
	return await changeAction(this, action, data, itemIndex);
}
