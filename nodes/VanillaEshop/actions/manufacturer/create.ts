import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId, readText } from '../body';
import { entityIdField, nameField } from './properties';

// Doc: Manufacture › Add manufacturer, POST v1/in/manufacturer (replies data: null)
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'create',
	options: [
		{
			name: 'Create',
			value: 'create',
			description:
				'Add a manufacturer with its name and Magento entity ID. Returns success: true with the entity ID and name, or the API’s reply.',
			action: 'Create a manufacturer',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [nameField, entityIdField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readText(this, nameField, itemIndex);
	const entityId = readId(this, entityIdField, itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'POST', path: path('manufacturer'), body: { name, entity_id: entityId } },
		itemIndex,
	);
	return recordOr(data, { entity_id: entityId, name });
}
