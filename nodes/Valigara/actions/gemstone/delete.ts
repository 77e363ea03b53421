import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { isRecord, labelsByApiPath, validate } from '../../../shared/validation';
import { ACTIONS } from '../../action-names';
import { valigaraRequest } from '../../transport';
import { dataModeFields, forFieldsMode, readData } from '../dataMode';
import { apiIdList, idListField, idListPaths } from '../ids';

// https://www.valigara.com/docs/api/gemstones-actions/ "Delete gemstones": by gemstone ID.
const action = ACTIONS.gemstone.delete;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'delete',
	options: [
		{
			name: 'Delete',
			value: 'delete',
			description:
				'Delete gemstones by their IDs, several in one field. Returns one item: deleted: true, the IDs and Valigara’s reply.',
			action: 'Delete gemstones',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...dataModeFields(action),
	...forFieldsMode([idListField('Gemstone IDs', 'gemstoneIds', 'The gemstones to delete')]),
];

const schema = z.object({ gemstone_id: apiIdList() });
const labels = labelsByApiPath(properties, idListPaths('gemstone_id', 'gemstoneIds'));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const data = readData(this, itemIndex, () =>
		validate(
			this.getNode(),
			schema,
			{ gemstone_id: this.getNodeParameter('gemstoneIds', itemIndex) },
			itemIndex,
			labels,
		),
	);
	const reply = await valigaraRequest(this, action, data, itemIndex);
	const ids =
		isRecord(data) && data.gemstone_id !== undefined ? { gemstone_id: data.gemstone_id } : {};
	return { deleted: true, ...ids, response: (reply ?? null) as IDataObject | null };
}
