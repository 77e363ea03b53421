import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { z } from 'zod';

import { inputError } from './errors';

/**
 * Field labels as the user sees them in the node panel, by path in the request object. A number in
 * the path matches `*`: `products.*.id` labels `products[2].id` as "Products › Product ID".
 */
export type FieldLabels = Record<string, string>;

function labelFor(path: Array<string | number>, labels: FieldLabels): string {
	const position = path.filter((part) => typeof part === 'number').map((n) => `#${Number(n) + 1}`);
	const pattern = path.map((part) => (typeof part === 'number' ? '*' : part)).join('.');
	const label = labels[pattern] ?? (path.length ? path.join('.') : 'Input');
	return position.length ? `${label} (${position.join(', ')})` : label;
}

function describeIssue(issue: z.ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
	if (issue.code === 'invalid_type' && issue.received === 'null') return 'is required';
	if (issue.code === 'invalid_type' && issue.received === 'nan') return 'must be a number, not NaN';
	// zod reports `.int('…')` on a fraction as invalid_type; a message of our own wins over the generic one.
	if (issue.code === 'invalid_type' && !/^Expected /.test(issue.message))
		return lowerFirst(issue.message);
	if (issue.code === 'invalid_type')
		return `must be ${article(issue.expected)} ${issue.expected}, not ${article(issue.received)} ${issue.received}`;
	if (issue.code === 'unrecognized_keys') return `has unknown fields: ${issue.keys.join(', ')}`;
	return lowerFirst(issue.message);
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

function article(word: string): string {
	return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * Checks what is about to be sent against the operation's schema. The first problem becomes the
 * error message (field and item named), every problem is listed in the description.
 */
export function validate<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	value: unknown,
	itemIndex: number,
	labels: FieldLabels = {},
): z.output<S> {
	const parsed = schema.safeParse(value);
	if (parsed.success) return parsed.data;
	const problems = parsed.error.issues.map(
		(issue) => `"${labelFor(issue.path, labels)}" ${describeIssue(issue)}`,
	);
	throw inputError(node, `Invalid input: ${problems[0]}`, {
		itemIndex,
		description: problems.length > 1 ? problems.join('\n') : undefined,
	});
}

// ── Limits and checks every field gets ─────────────────────────────────────────────────────

/**
 * Input limits, in one place. No service documents a length, but a longer value is never a real
 * one: it only costs a failed request that names neither field nor item (a 1 MiB ID in a URL path
 * is answered 431 by the server). Free text (names, notes, JSON) has no limit here: a long note is
 * legitimate, and the service says what it takes.
 */
export const LIMITS = {
	/** an ID, SKU or code: 255, the usual `VARCHAR(255)` column of the shops behind these APIs */
	id: 255,
	/** an email address: 254, the longest RFC 5321 allows (a 256-octet path less its angle brackets) */
	email: 254,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether text is well-formed UTF-16: no half of a surrogate pair (half an emoji, as a cut at a
 * fixed length leaves it). Such text cannot go into a URL (encodeURIComponent throws "URI
 * malformed", naming neither field nor item) and reaches a query or form as U+FFFD.
 */
export function isWellFormed(text: string): boolean {
	return !LONE_SURROGATE.test(text);
}

/** What a value is, for a message: "an object", "a list", "a boolean (true)". */
export function typeOf(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'boolean') return `a boolean (${String(value)})`;
	if (typeof value === 'object') return 'an object';
	return `${article(typeof value)} ${typeof value}`;
}

/**
 * Text or a number, as trimmed text. Any other type is refused and named: `String()` would send
 * an object from an expression as "[object Object]" and a boolean as "true".
 */
const textOrNumber = (expected: string) =>
	z
		.union([z.string(), z.number()], {
			errorMap: (_issue, ctx) => ({
				message:
					ctx.data === undefined || ctx.data === null
						? 'is required'
						: `must be ${expected}, not ${typeOf(ctx.data)}`,
			}),
		})
		.transform((value) => String(value).trim());

/** At most `limit` characters (the length found in the message), and well-formed. */
function bounded(limit: number) {
	return (value: string, ctx: z.RefinementCtx) => {
		if (value.length > limit) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `must be at most ${limit} characters, not ${value.length}`,
			});
		} else if (!isWellFormed(value)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message:
					'holds a broken character (half of an emoji or symbol, as a cut or a bad copy leaves it)',
			});
		}
	};
}

/**
 * An ID the user must give: text or a number, trimmed, never empty (an empty ID would turn a Get
 * into a List), at most LIMITS.id characters, well-formed (safe to put in a URL).
 */
export const requiredId = () =>
	textOrNumber('text or a number').pipe(
		z.string().min(1, 'must not be empty').superRefine(bounded(LIMITS.id)),
	);

/** Required free text (a name, a tracking number): text or a number, trimmed, never empty. */
export const requiredText = () => textOrNumber('text').pipe(z.string().min(1, 'must not be empty'));

/** An email address: trimmed, at most LIMITS.email characters (checked first), of a valid shape. */
export const emailAddress = () =>
	textOrNumber('an email address').pipe(
		z
			.string()
			.min(1, 'must not be empty')
			.superRefine(bounded(LIMITS.email))
			.pipe(z.string().email('must be a valid email address')),
	);

/**
 * Infinity and NaN are numbers to JavaScript but not to JSON: `JSON.stringify` sends them as
 * `null`, which a service reads as "no value" or refuses without naming the field.
 */
export const NOT_FINITE = 'must be a finite number (Infinity cannot be sent)';

/** A number JSON can carry (see NOT_FINITE); chain `.min()`, `.max()` as on `z.number()`. */
export const finiteNumber = (params?: z.RawCreateParams & { invalid_type_error?: string }) =>
	z.number(params).finite(NOT_FINITE);

/** JSON typed into a field (a string) parsed, or the value as an expression already built it. */
export function parseJsonValue(
	node: INode,
	value: unknown,
	label: string,
	itemIndex: number,
): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return jsonParse(value);
	} catch {
		throw inputError(node, `"${label}" is not valid JSON`, {
			itemIndex,
			description: 'Check quotes, commas and brackets, or build the value with an expression.',
		});
	}
}

/** A JSON parameter: n8n hands over a string as typed, or an object when an expression built one. */
export function readJsonParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): unknown {
	return parseJsonValue(
		context.getNode(),
		context.getNodeParameter(name, itemIndex, undefined),
		label,
		itemIndex,
	);
}

// ── The vocabulary every node's schemas use ────────────────────────────────────────────────

/** Drops what the user left empty (n8n hands untouched optional fields over as ''), so only what was set is sent. */
export function compact(record: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(record).filter(
			([, value]) => value !== '' && value !== undefined && value !== null,
		),
	);
}

/** A JSON object: not a list, not null. */
export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Optional free text: text, or a number sent as text, kept as written. Any other type is refused and named. */
export const optionalText = () =>
	z
		.union([z.string(), z.number()], {
			errorMap: (_issue, ctx) => ({ message: `must be text, not ${typeOf(ctx.data)}` }),
		})
		.transform(String)
		.optional();

/** How a value that is not the number asked for is named: text is quoted, so "12a" shows as text ("12a"). */
function received(value: unknown): string {
	return typeof value === 'string' ? `text (${JSON.stringify(value)})` : typeOf(value);
}

/** A number written as text ("25.90", " 5 "), as shops export them, read as the number; anything else as it is. */
function numberFromText(value: unknown): unknown {
	return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

/**
 * A whole number, within `min`–`max` when given. With `fromText`, digits typed as text ("5", as
 * shops export quantities) are read as the number; otherwise only a number is one. Nothing else
 * is converted: `true` or `[12]` from an expression would be sent as 1 or 12.
 */
export const wholeNumber = ({
	min,
	max,
	fromText = false,
}: { min?: number; max?: number; fromText?: boolean } = {}) =>
	z.unknown().transform((value, ctx) => {
		const number = fromText ? numberFromText(value) : value;
		const problem =
			typeof number !== 'number' || Number.isNaN(number)
				? `must be a whole number, not ${received(value)}`
				: !Number.isFinite(number)
					? NOT_FINITE
					: !Number.isInteger(number)
						? 'must be a whole number'
						: min !== undefined && number < min
							? `must be ${min} or more`
							: max !== undefined && number > max
								? `must be ${max} or less`
								: undefined;
		if (problem === undefined) return number as number;
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
		return z.NEVER;
	});

/**
 * A number, fractions allowed (a price), within `min`–`max` when given. With `fromText`, a number
 * written as text is read as the number (see numberFromText). Nothing else is converted, as in
 * wholeNumber: `false` or `[25.9]` from an expression would be sent as 0 or 25.9.
 */
export const decimalNumber = ({
	min,
	max,
	fromText = false,
}: { min?: number; max?: number; fromText?: boolean } = {}) => {
	let number = finiteNumber({
		errorMap: (_issue, ctx) => ({ message: `must be a number, not ${received(ctx.data)}` }),
	});
	if (min !== undefined) number = number.min(min, `must be ${min} or more`);
	if (max !== undefined) number = number.max(max, `must be ${max} or less`);
	return z.preprocess((value) => (fromText ? numberFromText(value) : value), number);
};

/** A store's record ID: digits only (an empty one would turn a Get into a List), as text. */
export const numericId = () =>
	requiredId().pipe(
		z.string().regex(/^\d+$/, 'must be a whole number (the ID shown in the store)'),
	);

/**
 * One of an options list's values, or an error listing them: the values are never written twice.
 * Each value is shown with its name when they differ: an expression must give the value, the
 * editor shows the name (`counted (Counted Per Request)`; a name that holds its value is enough).
 */
export const oneOf = (list: INodePropertyOptions[]) => {
	const values = list.map((option) => String(option.value));
	const shown = list.map((option) => {
		const value = String(option.value);
		if (option.name.toLowerCase() === value.toLowerCase()) return value;
		return option.name.includes(value) ? option.name : `${value} (${option.name})`;
	});
	return z.enum(values as [string, ...string[]], {
		errorMap: () => ({ message: `must be one of ${shown.join(', ')}` }),
	});
};

/**
 * A whole-number option (a number field in the operation's Options: "Products Per Request",
 * "Requests at Once"), read and checked within the field's own minValue–maxValue. The editor bounds
 * a typed value, not one from an expression, and a fraction, text or NaN would make batches uneven
 * or send nothing at all. Refused, never rounded or converted, with the field and the item named.
 */
export function readWholeNumberOption(
	context: IExecuteFunctions,
	field: INodeProperties,
	itemIndex = 0,
): number {
	const value: unknown = context.getNodeParameter(
		`options.${field.name}`,
		itemIndex,
		field.default,
	);
	const problem = wholeNumberOptionProblem(field, value);
	if (problem === undefined) return value as number;
	throw inputError(context.getNode(), problem, { itemIndex });
}

/** The same check for a trigger's option (a poll has no item): the poll fails naming the option. */
export function checkTriggerNumberOption(
	node: INode,
	field: INodeProperties,
	value: unknown,
): number {
	const checked = value ?? field.default;
	const problem = wholeNumberOptionProblem(field, checked);
	if (problem === undefined) return checked as number;
	throw new NodeOperationError(node, problem);
}

function wholeNumberOptionProblem(field: INodeProperties, value: unknown): string | undefined {
	const min = field.typeOptions?.minValue ?? 1;
	const max = field.typeOptions?.maxValue ?? Number.MAX_SAFE_INTEGER;
	if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
		return undefined;
	const shown = typeof value === 'number' ? String(value) : received(value);
	return `"${field.displayName}" must be a whole number from ${min} to ${max}, not ${shown}`;
}

/**
 * Every field's label as the node panel shows it, by parameter path: `name` for a top-level field,
 * `parent.child` inside a collection and `parent.group.child` inside a fixed collection, labelled
 * "Parent › Child". Messages take their labels from here, never from a table kept by hand.
 */
export function labelsOf(
	properties: readonly INodeProperties[],
	prefix = '',
	labelPrefix = '',
): FieldLabels {
	const labels: FieldLabels = {};
	for (const property of properties) {
		const path = `${prefix}${property.name}`;
		const label = `${labelPrefix}${property.displayName}`;
		labels[path] ??= label;
		let inner: FieldLabels = {};
		if (property.type === 'collection') {
			inner = labelsOf((property.options ?? []) as INodeProperties[], `${path}.`, `${label} › `);
		} else if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as Array<{
				name: string;
				values?: INodeProperties[];
			}>) {
				Object.assign(inner, labelsOf(group.values ?? [], `${path}.${group.name}.`, `${label} › `));
			}
		}
		// the same name may be shown for several operations: the first label stays
		for (const [key, value] of Object.entries(inner)) labels[key] ??= value;
	}
	return labels;
}

/**
 * Labels by the paths of a request, for a schema that checks what is sent rather than the panel:
 * `readFrom` maps each request path to the parameter path it is read from, and every field below
 * follows it there. `{ 'images.*': 'imagesUi.imagesValues' }` labels `images.*.src` as
 * "Images › Source URL" (a fixed collection's group, which has no label, takes its collection's:
 * `images.*` is "Images"); `{ '': 'filters' }` labels a collection sent flat (`status` is
 * "Filters › Status", the request itself "Filters"); `{ product_id: 'productId' }` one field sent under another name.
 * `labels` come from `labelsOf`.
 */
export function labelsAt(labels: FieldLabels, readFrom: Record<string, string>): FieldLabels {
	const atRequest: FieldLabels = {};
	const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');
	for (const [requestPath, parameterPath] of Object.entries(readFrom)) {
		const label = labels[parameterPath] ?? labels[parentOf(parameterPath)];
		if (label !== undefined) atRequest[requestPath] ??= label;
		for (const [path, fieldLabel] of Object.entries(labels)) {
			if (!path.startsWith(`${parameterPath}.`)) continue;
			const rest = path.slice(parameterPath.length + 1);
			atRequest[requestPath ? `${requestPath}.${rest}` : rest] ??= fieldLabel;
		}
	}
	return atRequest;
}

/** The fields' labels by parameter path, and under the request's paths where they differ (labelsAt). */
export function labelsByApiPath(
	properties: readonly INodeProperties[],
	paths: Record<string, string>,
): FieldLabels {
	const byParameter = labelsOf(properties);
	return { ...byParameter, ...labelsAt(byParameter, paths) };
}

/**
 * The options list of the field `name` among `fields` (a collection's fields), for `oneOf`: the
 * choices stay written once, in the field, where n8n's lint reads them.
 */
export function optionsOf(
	fields: readonly INodeProperties[],
	name: string,
): INodePropertyOptions[] {
	const options = fields.find((field) => field.name === name)?.options;
	if (!options) throw new Error(`No field "${name}" with options`);
	return options as INodePropertyOptions[];
}
