import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { publicReviews, ratingSummary } from '../../transport';
import { readScope, scopeFields } from './common';

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getRatingSummary',
	options: [
		{
			name: 'Get Rating Summary',
			value: 'getRatingSummary',
			description:
				'Get the number of reviews, the average rating and the count per score, for the shop or one product. Returns one item: scope, total, average, distribution.',
			action: 'Get the rating summary',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [...scopeFields] as INodeProperties[];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scope = readScope(this, itemIndex);
	const reply = await publicReviews(this, scope, itemIndex);
	return { scope, ...ratingSummary(reply.ratings as IDataObject) };
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
