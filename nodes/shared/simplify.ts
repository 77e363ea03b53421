import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from './errors';
import { SIMPLIFY_SINCE } from './fields';
import { isRecord } from './validation';

// Simplify (shared/fields.ts ...simplifyFields): the few fields a merchant uses, each operation
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

/** Whether the node runs as an AI agent's tool: n8n names that variant `<node>Tool` (as `@tool` reads it). */
function runsAsTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}

/** Output › Selected Fields' paths; none named is a mistake in the node's settings. */
function selectedPaths(context: IExecuteFunctions, itemIndex: number): string[] {
	const text = context.getNodeParameter('outputFields', itemIndex, '');
	const paths = String(text)
		.split(',')
		.map((path) => path.trim())
		.filter((path) => path !== '');
	if (paths.length === 0) {
		throw inputError(
			context.getNode(),
			'"Fields" must name at least one field when Output is Selected Fields',
			{
				itemIndex,
				description:
					'Comma-separated fields of the reply, e.g. status, total, billing.email, line_items[].name',
			},
		);
	}
	return paths;
}

/** The paths this item's reply keeps, or undefined for the whole reply (shared/fields.ts simplifyFields). */
function keptPaths(
	context: IExecuteFunctions,
	itemIndex: number,
	simplePaths: readonly string[],
): readonly string[] | undefined {
	if (context.getNode().typeVersion < SIMPLIFY_SINCE) return undefined;
	if (!runsAsTool(context)) {
		return context.getNodeParameter('simple', itemIndex, true) === true ? simplePaths : undefined;
	}
	const output = context.getNodeParameter('output', itemIndex, 'simple');
	if (output === 'raw') return undefined;
	if (output === 'fields') return selectedPaths(context, itemIndex);
	return simplePaths;
}

/**
 * Checks Output before any request is sent (shared/router.ts): Selected Fields must name a
 * field. Nothing to check outside a tool, or for an operation without Output.
 */
export function checkOutputChoice(context: IExecuteFunctions, itemIndex: number): void {
	if (
		runsAsTool(context) &&
		context.getNode().typeVersion >= SIMPLIFY_SINCE &&
		context.getNodeParameter('output', itemIndex, 'simple') === 'fields'
	)
		selectedPaths(context, itemIndex);
}

/**
 * An operation's reply (one record or a list) as the user wants it: simplified (Simplify on, or
 * Output › Simplified for a tool), only the selected fields, or as it came.
 */
export function simplifiedIfWanted<T extends IDataObject | IDataObject[]>(
	context: IExecuteFunctions,
	itemIndex: number,
	paths: readonly string[],
	reply: T,
): T {
	const kept = keptPaths(context, itemIndex, paths);
	if (kept === undefined) return reply;
	return (
		Array.isArray(reply)
			? reply.map((record) => simplify(record, kept))
			: simplify(reply as IDataObject, kept)
	) as T;
}
