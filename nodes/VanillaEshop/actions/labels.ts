import type { INodeProperties } from 'n8n-workflow';

import { labelsOf } from '../../shared/validation';
import type { FieldLabels } from '../../shared/validation';

// Messages name a field as the panel shows it (labelsOf, by parameter path), but the schemas check
// the request body, whose paths differ from the parameters' in three ways, undone here:
// - a collection (Additional Fields, Options) is sent at the top level of the body;
// - a list's rows (a fixed collection of multiple values) are its positions: `attribute.*.attribute_id`;
// - paired fields `ar_name` / `en_name` are sent nested, `ar.name`.

/** The paths of the rows of every list among the fields: `attribute.attribute`, `option.option.values.value`. */
function rowPaths(properties: INodeProperties[], prefix = ''): string[] {
	return properties.flatMap((property) => {
		const path = `${prefix}${property.name}`;
		if (property.type === 'collection')
			return rowPaths((property.options ?? []) as INodeProperties[], `${path}.`);
		if (property.type !== 'fixedCollection') return [];
		const groups = (property.options ?? []) as Array<{ name: string; values?: INodeProperties[] }>;
		return groups.flatMap((group) => [
			...(property.typeOptions?.multipleValues ? [`${path}.${group.name}`] : []),
			...rowPaths(group.values ?? [], `${path}.${group.name}.`),
		]);
	});
}

/** A parameter path as the body's: each row a `*`. */
function bodyPath(path: string, rows: Set<string>): string[] {
	const parts = path.split('.');
	return parts.map((part, index) => (rows.has(parts.slice(0, index + 1).join('.')) ? '*' : part));
}

/** The fields' labels by their path in the request body. */
export function bodyLabels(properties: INodeProperties[]): FieldLabels {
	const fields = properties.flatMap((property) =>
		property.type === 'collection' ? ((property.options ?? []) as INodeProperties[]) : [property],
	);
	const rows = new Set(rowPaths(fields));
	const labels: FieldLabels = {};
	for (const [path, label] of Object.entries(labelsOf(fields))) {
		const parts = bodyPath(path, rows);
		const pair = /^(ar|en)_(.+)$/.exec(parts[parts.length - 1]);
		if (pair) {
			const language = [...parts.slice(0, -1), pair[1]].join('.');
			labels[`${language}.${pair[2]}`] ??= label;
			// a missing `ar` object is named by its first field (Name (Arabic))
			labels[language] ??= label;
		} else {
			labels[parts.join('.')] ??= label;
		}
	}
	// an entry of a list with no label of its own (an ID of an ID list) is named by its list
	for (const row of rows) {
		const list = bodyPath(row, rows).slice(0, -1).join('.');
		labels[`${list}.*`] ??= labels[list];
	}
	return labels;
}
