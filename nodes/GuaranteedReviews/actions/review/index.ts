import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany';
import * as getManyPrivate from './getManyPrivate';
import * as getRatingSummary from './getRatingSummary';
import * as getStats from './getStats';

export { getMany, getManyPrivate, getRatingSummary, getStats };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['review'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the latest published reviews of the shop or a product (public API, up to 1 000)',
				action: 'Get many reviews',
			},
			{
				name: 'Get Many (Private API)',
				value: 'getManyPrivate',
				description: 'Get reviews with reviewer details, page by page (unofficial endpoint)',
				action: 'Get many reviews from the private API',
			},
			{
				name: 'Get Rating Summary',
				value: 'getRatingSummary',
				description: 'Get the number of reviews, the average rating and the count per score',
				action: 'Get the rating summary',
			},
			{
				name: 'Get Stats (Private API)',
				value: 'getStats',
				description: 'Get the account’s review statistics',
				action: 'Get review statistics',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...getManyPrivate.description,
	...getRatingSummary.description,
	...getStats.description,
];
