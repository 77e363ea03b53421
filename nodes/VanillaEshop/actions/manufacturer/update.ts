import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId, readText } from '../body';
import { entityIdField, nameField } from './properties';

// Doc: Manufacture › Update manufacturer, PUT v1/in/manufacturer/{manufacturer} ("entity id of magento")
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
				'Rename a manufacturer, found by its Magento entity ID. Returns success: true with the entity ID and name, or the API’s reply.',
			action: 'Update a manufacturer',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [entityIdField, nameField];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const entityId = readId(this, entityIdField, itemIndex);
	const name = readText(this, nameField, itemIndex);
	const data = await apiRequest(
		this,
		{
			method: 'PUT',
			path: path('manufacturer', entityId),
			body: { name },
			subject: `manufacturer with Magento entity ID ${entityId}`,
		},
		itemIndex,
	);
	return recordOr(data, { entity_id: entityId, name });
}
