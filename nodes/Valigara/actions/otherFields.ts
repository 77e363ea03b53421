import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

// "Other Fields": keys the named fields do not cover, as name/value pairs, and reading them.

/** Name/value pairs for any other key; names from a List Fields action when one is given. */
export function otherFieldsProperty(
	loadOptionsMethod?: string,
	displayName = 'Other Fields',
): INodeProperties {
	return {
		displayName,
		name: 'otherFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'Fields not listed above, sent under the name given',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					loadOptionsMethod
						? {
								displayName: 'Name or ID',
								name: 'name',
								type: 'options',
								typeOptions: { loadOptionsMethod },
								default: '',
								description:
									'Field name as Valigara lists it for your account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
							}
						: {
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								description: 'The key, as Valigara names it',
							},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Sent as given: text as typed; a number, true/false or a list from an expression keeps its type',
					},
				],
			},
		],
	};
}

/**
 * Other fields as an object, each value of the type the user gave (`{{ 12 }}` is sent as 12, not
 * "12"); a number JSON cannot carry (NaN, Infinity: sent as null) is refused. Add them to `data`
 * after the named fields are checked, so no text schema turns them into text. A name used twice,
 * or one a named field already sets, is an error.
 */
export function readOtherFields(
	context: IExecuteFunctions,
	itemIndex: number,
	taken: IDataObject,
): IDataObject {
	const rows = context.getNodeParameter('otherFields.field', itemIndex, []) as Array<{
		name?: string;
		value?: unknown;
	}>;
	const result: IDataObject = {};
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		if (!name)
			throw inputError(context.getNode(), '"Other Fields › Name" must not be empty', { itemIndex });
		if (name in result || name in taken) {
			throw inputError(context.getNode(), `"Other Fields" sets "${name}" twice`, {
				itemIndex,
				description: 'Each field may be set once: remove the duplicate, or the named field above.',
			});
		}
		if (typeof row.value === 'number' && !Number.isFinite(row.value)) {
			throw inputError(
				context.getNode(),
				`Invalid input: "Other Fields › Value" (${name}) must be a finite number, not ${row.value}`,
				{
					itemIndex,
				},
			);
		}
		result[name] = row.value as IDataObject[string];
	}
	return result;
}
