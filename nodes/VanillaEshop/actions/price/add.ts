import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, path, recordOr } from '../../transport';
import { priceFields, readPrice } from './fields';

// Doc: Prices › Add price, POST v1/in/pricing
export const description = updateDisplayOptions({ show: { resource: ['price'], operation: ['add'] } }, priceFields);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readPrice(this, itemIndex);
	const data = await apiRequest(this, { method: 'POST', path: path('pricing'), body }, itemIndex);
	return recordOr(data, { entity_id: body.entity_id });
}
