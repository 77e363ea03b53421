import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { formatDate } from '../../../shared/dates';
import { listFields } from '../../../shared/fields';
import { addHint } from '../../../shared/hints';
import { readListScope, readPages } from '../../../shared/pagination';
import { apiRequest } from '../../transport';

// Not in the official docs: GET /private/v3/reviews as third-party clients call it (see README).
const PAGE_MAX = 1000;

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getManyPrivate',
	options: [
		{
			name: 'Get Many (Private API)',
			value: 'getManyPrivate',
			description:
				'Get reviews of the shop, of products or both, with reviewer details, from the private API (unofficial endpoint), read page by page. Returns one item per review; Return All or Limit sets how many.',
			action: 'Get many reviews from the private API',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	{
		displayName:
			'This endpoint is not in the official documentation; it works as public client code uses it',
		name: 'unofficialNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Reviews Of',
		name: 'reviewType',
		type: 'options',
		options: [
			{ name: 'The Shop', value: 'site' },
			{ name: 'Products', value: 'product' },
			{ name: 'Both', value: 'both' },
		],
		default: 'site',
	},
	...listFields(100_000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Product ID', name: 'product_id', type: 'string', default: '' },
			{
				displayName: 'Published Only',
				name: 'publishedOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only published reviews',
			},
			{
				displayName: 'Updated Since',
				name: 'update_from',
				type: 'dateTime',
				default: '',
				description: 'Only reviews created or changed since this date',
			},
			{
				displayName: 'Oldest First',
				name: 'oldestFirst',
				type: 'boolean',
				default: false,
				description: 'Whether to sort from the oldest review',
			},
		],
	},
];

function filterQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { review_type: context.getNodeParameter('reviewType', itemIndex) };
	if (filters.product_id) qs.product_id = filters.product_id;
	if (filters.publishedOnly) qs.status = 1;
	if (filters.update_from) qs.update_from = formatDate(filters.update_from, context.getTimezone());
	if (filters.oldestFirst) qs.sort = 'asc';
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = readListScope(this, itemIndex);
	const qs = filterQuery(this, itemIndex);
	const { records, warning } = await readPages<IDataObject>(scope, {
		maxPerPage: PAGE_MAX,
		key: (review) => String(review.id ?? JSON.stringify(review)),
		fetchPage: async (page, size) => {
			const reply = await apiRequest(
				this,
				{ method: 'GET', path: 'private/v3/reviews', qs: { ...qs, limit: size, page } },
				itemIndex,
			);
			const pagination = (reply.pagination ?? {}) as IDataObject;
			const total = Number(pagination.total_results);
			const totalPages = Number(pagination.total_pages);
			return {
				items: (Array.isArray(reply.reviews) ? reply.reviews : []) as IDataObject[],
				total:
					pagination.total_results !== undefined && Number.isInteger(total) ? total : undefined,
				hasMore: Number.isFinite(totalPages) && page < totalPages ? true : undefined,
			};
		},
	});
	if (warning) addHint(this, `Guaranteed Reviews: ${warning}`, itemIndex);
	return records;
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
