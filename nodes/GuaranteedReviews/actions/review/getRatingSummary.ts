import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ratingSummary, readScope, scopeFields } from './common';
import { fetchPublicReviews } from './getMany';

export const description = updateDisplayOptions(
	{ show: { resource: ['review'], operation: ['getRatingSummary'] } },
	[...scopeFields] as INodeProperties[],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reply = await fetchPublicReviews(this, itemIndex);
	return { scope: readScope(this, itemIndex), ...ratingSummary(reply.ratings as IDataObject) };
}

export const concurrent = true; // only reads: items may run several at once (nodes/shared/router.ts)
