import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { SIMPLIFY_SINCE } from './fields';
import { isRecord } from './validation';

// Simplify (shared/fields.ts simplifyField): the few fields a merchant uses, each operation
// listing its own as paths: `total`, `billing.email` (a field of an object), `line_items[].name`
// (a field of every entry of a list). The kept fields keep their names and nesting; a field the
// reply does not have is left out.

function pick(from: IDataObject, [step, ...rest]: string[], into: IDataObject): void {
	const eachEntry = step.endsWith('[]');
	const key = eachEntry ? step.slice(0, -2) : step;
	if (!Object.prototype.hasOwnProperty.call(from, key)) return;
	const value = from[key];
	if (rest.length > 0 && eachEntry && Array.isArray(value)) {
		const kept = Array.isArray(into[key]) ? (into[key] as IDataObject[]) : value.map(() => ({}));
		value.forEach((entry, at) => {
			if (isRecord(entry)) pick(entry, rest, kept[at]);
			else kept[at] = entry as IDataObject;
		});
		into[key] = kept;
	} else if (rest.length > 0 && !eachEntry && isRecord(value)) {
		const kept = isRecord(into[key]) ? into[key] : {};
		pick(value, rest, kept);
		into[key] = kept;
	} else {
		// the whole field, also when it is not the object or list the path expects: nothing is lost
		into[key] = value;
	}
}

/** The record with only the fields at `paths`. */
export function simplify(record: IDataObject, paths: readonly string[]): IDataObject {
	const kept: IDataObject = {};
	for (const path of paths) pick(record, path.split('.'), kept);
	return kept;
}

/** Whether this item's reply is simplified: Simplify on, in a node of version 1.1 or later. */
export function simplifyWanted(context: IExecuteFunctions, itemIndex: number): boolean {
	return (
		context.getNode().typeVersion >= SIMPLIFY_SINCE &&
		context.getNodeParameter('simple', itemIndex, true) === true
	);
}

/** An operation's reply (one record or a list), simplified when the user wants it, else as it came. */
export function simplifiedIfWanted<T extends IDataObject | IDataObject[]>(
	context: IExecuteFunctions,
	itemIndex: number,
	paths: readonly string[],
	reply: T,
): T {
	if (!simplifyWanted(context, itemIndex)) return reply;
	return (
		Array.isArray(reply)
			? reply.map((record) => simplify(record, paths))
			: simplify(reply as IDataObject, paths)
	) as T;
}
