import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { compact, validate } from '../../../shared/validation';
import { nestTranslations } from '../body';
import { optionValueLabels, optionValueSchema } from './schema';

/** The option value as the API takes it, from the fields (properties.ts), checked by schema.ts. */
export function readOptionValue(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = nestTranslations(
		compact({
			option_id: context.getNodeParameter('option_id', itemIndex),
			ar_name: context.getNodeParameter('ar_name', itemIndex),
			en_name: context.getNodeParameter('en_name', itemIndex),
		}),
	);
	return validate(context.getNode(), optionValueSchema, value, itemIndex, optionValueLabels);
}
