import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { readId, readText } from '../common';
import { entityIdField, nameField } from './fields';

// Doc: Manufacture › Add manufacturer, POST v1/in/manufacturer (replies data: null)
export const description = updateDisplayOptions({ show: { resource: ['manufacturer'], operation: ['create'] } }, [
	nameField,
	entityIdField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readText(this, 'manufacturerName', 'Name', itemIndex);
	const entityId = readId(this, 'entityId', 'Magento Entity ID', itemIndex);
	const data = await apiRequest(
		this,
		{ method: 'POST', path: path('manufacturer'), body: { name, entity_id: entityId } },
		itemIndex,
	);
	return recordOr(data, { entity_id: entityId, name });
}
