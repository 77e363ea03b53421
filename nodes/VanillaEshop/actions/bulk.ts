import type { INodeProperties } from 'n8n-workflow';

// Bulk routes (products/bulk, pricing/bulk: transport.ts sendBulk) take at most 10 entries per request.
export const BULK_MAX = 10;

/** "Products Per Request", "Prices Per Request": read with readBatchSize (shared/batch.ts). */
export function bulkSizeField(what: string): INodeProperties {
	return {
		displayName: `${what} Per Request`,
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: BULK_MAX },
		default: BULK_MAX,
		description: `Input items are sent together, this many per request (the API takes at most ${BULK_MAX})`,
	};
}
