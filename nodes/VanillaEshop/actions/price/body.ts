import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, validate } from '../../../shared/validation';
import { priceLabels, priceSchema } from './schema';

/** The price as the API takes it, from the fields (properties.ts), checked by schema.ts. */
export function readPrice(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const price = compact({
		entity_id: context.getNodeParameter('entity_id', itemIndex) as string,
		price: context.getNodeParameter('price', itemIndex) as number,
		date_start: context.getNodeParameter('date_start', itemIndex) as string,
		date_end: context.getNodeParameter('date_end', itemIndex) as string,
		...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	});
	return validate(
		context.getNode(),
		priceSchema(context.getTimezone()),
		price,
		itemIndex,
		priceLabels,
	);
}
