import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { labelsOf, requiredId, validate } from '../../../shared/validation';

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
		description: 'The shop’s product ID, as sent in the products of Order › Send',
		displayOptions: { show: { scope: ['product'] } },
	},
];

/** `site`, or the product ID (never empty: an empty scope would ask for something else). */
export function readScope(context: IExecuteFunctions, itemIndex: number): string {
	if (context.getNodeParameter('scope', itemIndex) === 'site') return 'site';
	const id = context.getNodeParameter('productId', itemIndex, '') as unknown;
	return validate(context.getNode(), requiredId(), id, itemIndex, {
		'': labelsOf(scopeFields).productId,
	});
}
