/**
 * The output schemas' JSON Schema, in the subset n8n's own `__schema__` files use: `type` (one
 * name, or a list when values differ), `properties` of objects, `items` of arrays; no `required`,
 * since a record may leave any field out. Numbers are all "number": a price is 50 in one reply and
 * 45.5 in the next.
 */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface JsonSchema {
	type?: JsonType | JsonType[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

function typeOf(value: unknown): JsonType {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	const type = typeof value;
	if (type === 'string' || type === 'number' || type === 'boolean' || type === 'object')
		return type;
	throw new Error(`No JSON type for a ${type}`);
}

function typesOf(schema: JsonSchema): JsonType[] {
	return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** The schema of one value. */
export function inferSchema(value: unknown): JsonSchema {
	const type = typeOf(value);
	if (type === 'object') {
		const record = value as Record<string, unknown>;
		return {
			type,
			properties: Object.fromEntries(
				Object.keys(record).map((key) => [key, inferSchema(record[key])]),
			),
		};
	}
	if (type === 'array') return { type, items: mergeSchemas((value as unknown[]).map(inferSchema)) };
	return { type };
}

/** One schema that every value of the given schemas fits (fields and types united, keys sorted). */
export function mergeSchemas(schemas: JsonSchema[]): JsonSchema {
	const types = [...new Set(schemas.flatMap(typesOf))].sort();
	const merged: JsonSchema = {};
	if (types.length > 0) merged.type = types.length === 1 ? types[0] : types;
	const withProperties = schemas.filter((schema) => schema.properties);
	if (withProperties.length > 0) {
		const keys = [
			...new Set(withProperties.flatMap((schema) => Object.keys(schema.properties ?? {}))),
		].sort();
		merged.properties = Object.fromEntries(
			keys.map((key) => [
				key,
				mergeSchemas(withProperties.flatMap((schema) => schema.properties?.[key] ?? [])),
			]),
		);
	}
	const withItems = schemas.filter((schema) => schema.items);
	if (withItems.length > 0)
		merged.items = mergeSchemas(withItems.map((schema) => schema.items ?? {}));
	return merged;
}

/**
 * Where `value` does not fit `schema`, one line each. Stricter than JSON Schema on purpose: a field
 * the schema does not list is a problem too, so a field added to an output without regenerating
 * the schema is caught. An empty `items` (from an empty list) accepts anything.
 */
export function schemaProblems(value: unknown, schema: JsonSchema, path = '$'): string[] {
	const types = typesOf(schema);
	const type = typeOf(value);
	if (types.length > 0 && !types.includes(type))
		return [`${path}: ${type}, the schema says ${types.join(' or ')}`];
	if (type === 'object' && schema.properties) {
		const record = value as Record<string, unknown>;
		return Object.keys(record).flatMap((key) =>
			schema.properties?.[key] === undefined
				? [`${path}.${key}: not in the schema`]
				: schemaProblems(record[key], schema.properties[key], `${path}.${key}`),
		);
	}
	if (type === 'array' && schema.items) {
		const items = schema.items;
		return (value as unknown[]).flatMap((item, index) =>
			schemaProblems(item, items, `${path}[${index}]`),
		);
	}
	return [];
}
