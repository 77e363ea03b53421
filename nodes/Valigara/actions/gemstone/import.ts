import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { finiteNumber, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { valigaraRequest } from '../../transport';
import { dataModeFields, forFieldsMode, otherFieldsProperty, readData, readOtherFields, replyObject } from '../common';
import { codeField, gemstoneCode, gemstoneLabels, moreGemstoneFields, moreGemstoneShape, titleField, typeField, withValigaraColor } from './fields';

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
			description: 'Add a new gemstone',
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
			options: moreGemstoneFields,
		},
		otherFieldsProperty('getGemstoneFields'),
	]),
];

const text = z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'must not be empty');

const schema = z
	.object({ title: text, code: gemstoneCode, type: z.union([text, finiteNumber()]), ...moreGemstoneShape })
	.passthrough();

function gemstoneFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const gemstone: IDataObject = {
		title: context.getNodeParameter('title', itemIndex),
		code: context.getNodeParameter('code', itemIndex),
		type: context.getNodeParameter('type', itemIndex),
		...withValigaraColor(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	return { ...gemstone, ...readOtherFields(context, itemIndex, gemstone) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(this.getNode(), schema, gemstoneFromFields(this, itemIndex), itemIndex, gemstoneLabels),
	);
	return replyObject(await valigaraRequest(this, action, data, itemIndex));
}
