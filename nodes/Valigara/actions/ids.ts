import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { requiredId } from '../../shared/validation';
import { toApiId } from '../transport';

// Valigara's IDs as the fields take them: one ID, or several in one field.

/** One ID, trimmed and never empty; digits go as a number (transport's toApiId). */
export const apiId = () => requiredId().transform(toApiId);

/** IDs as a list (from an expression) or as text: "12, 15 18". At least one, none empty. */
export const apiIdList = () =>
	z
		.preprocess(
			(value) =>
				Array.isArray(value)
					? value
					: typeof value === 'string'
						? value.split(/[\s,;]+/).filter((id) => id !== '')
						: value === undefined || value === null
							? []
							: [value],
			z.array(requiredId()).min(1, 'must hold at least one ID'),
		)
		.transform((ids) => ids.map(toApiId));

/** A field taking several IDs. */
export function idListField(
	displayName: string,
	name: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1021, 1022',
		description: `${description}, by Valigara’s IDs as Search returns them. Several IDs separated by commas, or a list from an expression.`,
	};
}

/** Where an ID list's labels come from (labelsByApiPath): the list and each ID in it ("Product IDs (#2)"). */
export function idListPaths(apiKey: string, parameter: string): Record<string, string> {
	return { [apiKey]: parameter, [`${apiKey}.*`]: parameter };
}
