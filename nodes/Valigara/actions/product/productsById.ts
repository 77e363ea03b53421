import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chunk } from '../../../shared/batch';
import { addHint } from '../../../shared/hints';
import { ACTIONS } from '../../action-names';
import { recordsOf, valigaraRequest } from '../../transport';

// Full product records for many IDs through products_export ("Products Export": several products
// in one call), read as a list that may be cut: the docs show no reply, so nothing is assumed of
// it but that it holds records with a `product_id`.

/** Valigara's answer for codes about the data (201 Action Failed, 303 Invalid Data): an ID it does not know, perhaps. */
const DATA_CODES = new Set([201, 302, 303]);

export interface ProductsById {
	/** the record for each ID asked for, by its place in `ids` (undefined: none came) */
	records: Array<IDataObject | undefined>;
	/** the error for each ID whose call failed (refused alone, or a call that failed whole), by its place */
	failures: Array<Error | undefined>;
}

/**
 * Simplify (shared/simplify.ts): the fields of an exported product a merchant uses. The docs show
 * no reply: these are the product fields the node sends (./fields.ts, product_listfields' names).
 */
export const SIMPLE_PRODUCT = [
	'product_id',
	'catalog_code',
	'title',
	'type',
	'collection',
	'model',
	'price',
	'quantity',
	'not_for_sale',
	'date_created',
];

const idOf = (record: IDataObject) => String(record.product_id ?? record.id ?? '');

/**
 * The records of `ids` (each item's ID, in item order, as bulk calls carry them), `batchSize` at a
 * time. A reply without some of its IDs may have been cut: those are asked again, until a request
 * brings none of them (then Valigara does not have them). A request Valigara refuses for its data
 * (an ID it does not know makes some services refuse the whole call) is split in two, down to one
 * ID, whose error is then that ID's own. Any other failure (the key, the network, a rate limit)
 * fails the call's IDs; with `stopOnFailure` it is thrown at once, and no further call is made.
 */
export async function productsById(
	context: IExecuteFunctions,
	ids: Array<string | number>,
	batchSize: number,
	itemIndex: number,
	stopOnFailure = true,
): Promise<ProductsById> {
	const result: ProductsById = { records: [], failures: [] };

	async function read(places: number[]): Promise<void> {
		// the call's outcome as a value: a refusal for its data is handled here, anything else thrown
		const outcome = await valigaraRequest(
			context,
			ACTIONS.product.exportMany,
			{ product_id: places.map((place) => ids[place]) },
			itemIndex,
		).then(
			(data) => ({ reply: recordsOf(data, 'product_id') }),
			(error: unknown) => ({ error }),
		);
		if ('error' in outcome) {
			const { error } = outcome;
			const aboutData =
				error instanceof NodeApiError && DATA_CODES.has(Number(error.context.serviceCode));
			if (!aboutData && stopOnFailure) throw error;
			if (!aboutData || places.length === 1) {
				for (const place of places) result.failures[place] = error as Error;
				return;
			}
			const half = Math.ceil(places.length / 2);
			await read(places.slice(0, half));
			await read(places.slice(half));
			return;
		}
		const byId = new Map(outcome.reply.map((record) => [idOf(record), record]));
		for (const place of places)
			result.records[place] = byId.get(String(ids[place])) ?? result.records[place];
		const missing = places.filter((place) => !result.records[place]);
		// some came, some not: the reply may have been cut, ask for the rest
		if (missing.length && missing.length < places.length) await read(missing);
	}

	const places = ids.map((_, place) => place);
	for (const batch of chunk(places, Math.max(1, batchSize))) await read(batch);
	return result;
}

/**
 * Full product records for a list of IDs, in that order (productsById: calls of `batchSize`,
 * replies that may have been cut asked again); IDs Valigara did not return are said in a hint.
 */
export async function exportProducts(
	context: IExecuteFunctions,
	ids: Array<string | number>,
	batchSize: number,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { records, failures } = await productsById(context, ids, batchSize, itemIndex);
	const missing = ids.flatMap((id, place) =>
		records[place] ? [] : [failures[place] ? `${id} (${failures[place]!.message})` : String(id)],
	);
	if (missing.length) {
		addHint(
			context,
			`Valigara sent no record for ${missing.length === 1 ? 'product' : 'products'} ${missing.join(', ')}.`,
			itemIndex,
		);
	}
	return records.filter((record): record is IDataObject => record !== undefined);
}
