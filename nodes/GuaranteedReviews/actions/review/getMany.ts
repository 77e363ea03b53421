import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listFields, optionsCollection } from '../../../shared/fields';
import { addHint } from '../../../shared/hints';
import { readListScope } from '../../../shared/pagination';
import { publicReviews, readableReview } from '../../transport';
import { readScope, scopeFields } from './common';

// https://www.guaranteed-reviews.com/settings/public-api-reviews/ : the newest 1 000 reviews at most,
// newest first, in one reply (no pages).
export const PUBLIC_MAX = 1000;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getMany',
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'Get the newest published reviews of the shop or of one product from the public API, at most 1 000. Returns one item per review with readable field names (customer, rating, text, dates).',
			action: 'Get many reviews',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...scopeFields,
	...listFields(PUBLIC_MAX),
	optionsCollection([
		{
			displayName: 'Keep API Field Names',
			name: 'rawFields',
			type: 'boolean',
			default: false,
			description:
				'Whether to output the API’s short names (c, r, txt, odate…) instead of readable ones',
		},
	]),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { limit } = readListScope(this, itemIndex);
	const rawFields =
		(this.getNodeParameter('options', itemIndex, {}) as IDataObject).rawFields === true;
	const reply = await publicReviews(this, readScope(this, itemIndex), itemIndex);
	const reviews = (Array.isArray(reply.reviews) ? reply.reviews : []) as IDataObject[];
	// `ratings.total` counts every published review: fewer in the reply means it was cut (the
	// public API serves the newest 1 000 and no more pages)
	const total = Number((reply.ratings as IDataObject | undefined)?.total);
	if (limit > reviews.length && Number.isInteger(total) && total > reviews.length) {
		addHint(
			this,
			`Guaranteed Reviews sent ${reviews.length} of the ${total} reviews it counts: the public API serves only the newest ones (up to 1 000), without further pages. Get Many (Private API) reads them all.`,
			itemIndex,
		);
	}
	return reviews.slice(0, limit).map((review) => (rawFields ? review : readableReview(review)));
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
