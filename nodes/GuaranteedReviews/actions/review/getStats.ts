import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { readScope, scopeFields } from './common';

// GET /private/v3/stats, as the official WooCommerce and PrestaShop plugins call it; its reply is
// only partly documented, so it is passed through as received.
/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getStats',
	options: [
		{
			name: 'Get Stats (Private API)',
			value: 'getStats',
			description:
				'Get the account’s review statistics for the shop or one product from the private API, optionally with the public key. Returns one item, the reply as received.',
			action: 'Get review statistics',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...scopeFields,
	{
		displayName: 'Include Public Key',
		name: 'includePublicKey',
		type: 'boolean',
		default: false,
		description: 'Whether to include the account’s public key in the reply',
	},
] as INodeProperties[];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const qs: IDataObject = { scope: readScope(this, itemIndex) };
	if (this.getNodeParameter('includePublicKey', itemIndex)) qs.include_public_key = 'true';
	return await apiRequest(this, { method: 'GET', path: 'private/v3/stats', qs }, itemIndex);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
