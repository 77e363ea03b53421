import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest, path } from '../transport';
import type { VanillaRequest } from '../transport';
import { compact } from './common';

// Bulk routes (products/bulk, pricing/bulk) take `{"products": [...]}`, at most 10 per request.

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

export function bulkOptions(sizeField: INodeProperties): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [sizeField],
	};
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One output per entry of a bulk request. The doc's example replies with one record even for a
 * list, so: the reply's list when it has one record per entry, the record itself for a request of
 * one, else the whole reply on each entry next to what identifies it.
 */
export function bulkResults(
	data: unknown,
	entries: IDataObject[],
	identify: (entry: IDataObject) => IDataObject,
): IDataObject[] {
	if (Array.isArray(data) && data.length === entries.length && data.every(isObject)) return data as IDataObject[];
	if (entries.length === 1 && isObject(data)) return [data];
	return entries.map((entry) => ({ success: true, ...compact(identify(entry)), reply: (data ?? null) as IDataObject }));
}

/** Sends one bulk request, `{"products": entries}`; its failures name the input items of the entries. */
export async function sendBulk(
	context: IExecuteFunctions,
	route: string,
	entries: IDataObject[],
	itemIndexes: number[],
): Promise<unknown> {
	const request: VanillaRequest = { method: 'POST', path: path(route, 'bulk'), body: { products: entries }, entryItems: itemIndexes };
	return await apiRequest(context, request, itemIndexes[0]);
}
