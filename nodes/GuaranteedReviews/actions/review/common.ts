import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredId, validate } from '../../../shared/validation';

/** Site reviews (the shop) or the reviews of one product: the `scope` of the API. */
export const scopeFields: INodeProperties[] = [
	{
		displayName: 'Reviews Of',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'The Shop', value: 'site' },
			{ name: 'One Product', value: 'product' },
		],
		default: 'site',
	},
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { scope: ['product'] } },
	},
];

/** `site`, or the product ID (never empty: an empty scope would ask for something else). */
export function readScope(context: IExecuteFunctions, itemIndex: number): string {
	if (context.getNodeParameter('scope', itemIndex) === 'site') return 'site';
	const id = context.getNodeParameter('productId', itemIndex, '') as unknown;
	return validate(context.getNode(), requiredId(), id, itemIndex, { '': 'Product ID' });
}

// The public API abbreviates its fields; merchants read these names instead.
const READABLE_NAMES: Record<string, string> = {
	c: 'customer',
	r: 'rating',
	txt: 'text',
	o: 'orderId',
	odate: 'orderDate',
	rdate: 'replyDate',
	transl: 'translated',
	lang: 'language',
};

/** A public review with readable field names; fields we do not know keep their own name. */
export function readableReview(review: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(review)) result[READABLE_NAMES[key] ?? key] = value;
	if (typeof result.translated === 'number') result.translated = result.translated === 1;
	return result;
}

/** Ratings `distribution` comes as a list (scores 1–5) or an object keyed by score. */
export function ratingSummary(ratings: IDataObject | undefined): IDataObject {
	const distribution = ratings?.distribution;
	const byScore: IDataObject = {};
	if (Array.isArray(distribution)) {
		distribution.forEach((count, index) => (byScore[String(index + 1)] = count));
	} else if (distribution && typeof distribution === 'object') {
		Object.assign(byScore, distribution);
	}
	return { total: ratings?.total ?? 0, average: ratings?.average ?? null, distribution: byScore };
}
