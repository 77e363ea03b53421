import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listFields, optionsCollection } from '../../../shared/fields';
import { labelsByApiPath, optionalText, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { listOptions } from '../listOptions';
import { readSearch } from '../readList';
import { otherFieldsProperty, readOtherFields } from '../otherFields';

// https://www.valigara.com/docs/api/gemstones-actions/ "Gemstone Search": the filter is optional;
// the reply lists gemstone IDs. Valigara has no gemstone export, so there are no full records.
const action = ACTIONS.gemstone.search;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'search',
	options: [
		{
			name: 'Search',
			value: 'search',
			description:
				'Find gemstones by code, title, type or other fields; without filters, every gemstone. Returns one item per gemstone holding only its gemstone_id; Return All or Limit sets how many.',
			action: 'Search gemstones',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
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
	optionsCollection(listOptions()),
];

const filterSchema = z.record(optionalText());
const labels = labelsByApiPath(properties, { '': 'filters' });

function filtersFromFields(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const other = readOtherFields(context, itemIndex, filters);
	if (Object.keys(filters).length + Object.keys(other).length === 0) return undefined;
	return { ...validate(context.getNode(), filterSchema, filters, itemIndex, labels), ...other };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readData(this, itemIndex, () => filtersFromFields(this, itemIndex), 'optional');
	return await readSearch(this, itemIndex, action, 'gemstone_id', filters);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
