import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listFields } from '../../../shared/fields';
import { validate } from '../../../shared/validation';
import { ACTIONS } from '../../actions';
import { dataModeFields, forFieldsMode, optionalText, otherFieldsProperty, readData, readOtherFields } from '../common';
import { listOptions, readSearch } from '../listOptions';

// https://www.valigara.com/docs/api/gemstones-actions/ "Gemstone Search": the filter is optional;
// the reply lists gemstone IDs. Valigara has no gemstone export, so there are no full records.
const action = ACTIONS.gemstone.search;

const properties: INodeProperties[] = [
	...dataModeFields(action, 'optional', 'every gemstone is found'),
	...forFieldsMode([
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Without filters, every gemstone is found',
			options: [
				{ displayName: 'Code', name: 'code', type: 'string', default: '' },
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				{ displayName: 'Type', name: 'type', type: 'string', default: '' },
			],
		},
		otherFieldsProperty('getGemstoneFields', 'Other Filters'),
	]),
	...listFields(100_000),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: listOptions(),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['gemstone'], operation: ['search'] } }, properties);

const filterSchema = z.record(optionalText);

function filtersFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const other = readOtherFields(context, itemIndex, filters);
	if (Object.keys(filters).length + Object.keys(other).length === 0) return undefined;
	return { ...validate(context.getNode(), filterSchema, filters, itemIndex), ...other };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readData(this, itemIndex, () => filtersFromFields(this, itemIndex), 'optional');
	return await readSearch(this, itemIndex, action, 'gemstone_id', filters);
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
