import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from './errors';

/**
 * A record picked with n8n's resource locator (From List, By URL, By ID), as n8n's own nodes do
 * (Airtable v2's base and table). `idLocator` builds the field; `readLocatorValue` reads it.
 */
export interface Locator {
	/** the parameter's name: the one of the plain ID field it replaces, so saved workflows keep their value */
	name: string;
	/** as the editor shows it, and as messages name it: "Product" */
	displayName: string;
	/** what is picked, in the list's placeholder: "product" */
	noun: string;
	/** the `methods.listSearch` method that lists them for From List */
	searchMethod: string;
	/** an ID as the service shows it, for By ID's placeholder */
	exampleId: string;
	/** IDs are whole numbers: By ID checks that in the editor (the operation checks every mode at run time) */
	numeric: boolean;
	/** By ID's check in the editor (n8n anchors it), when IDs are not plain whole numbers */
	idRegex?: string;
	/** By URL, where the service has pages whose address holds the ID */
	url?: {
		/** one group capturing the ID somewhere in the address (n8n's extractValue) */
		regex: string;
		example: string;
	};
	description?: string;
}

const WHOLE_NUMBER = '\\d+';

/** The resource locator field of `locator`: From List (searchable, paged), By URL, By ID. */
export function idLocator(locator: Locator): INodeProperties {
	const { displayName, name, noun, searchMethod, exampleId, numeric, url } = locator;
	const idRegex = locator.idRegex ?? (numeric ? WHOLE_NUMBER : undefined);
	// The modes are written where n8n's lint reads them (under `modes`); By URL is then dropped
	// where the service has no page holding the ID.
	const field: INodeProperties = {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: locator.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: searchMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: url?.example,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*${url?.regex}.*`,
							errorMessage: `Not a ${noun} URL: the address must hold the ${noun}’s ID`,
						},
					},
				],
				extractValue: { type: 'regex', regex: url?.regex ?? '' },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${exampleId}`,
				validation: idRegex
					? [
							{
								type: 'regex',
								properties: { regex: idRegex, errorMessage: `Not a valid ${noun} ID` },
							},
						]
					: undefined,
			},
		],
	};
	if (!url) field.modes = field.modes?.filter((mode) => mode.name !== 'url');
	return field;
}

interface LocatorValue {
	mode: string;
	value: unknown;
}

function isLocatorValue(value: unknown): value is LocatorValue {
	return typeof value === 'object' && value !== null && 'mode' in value && 'value' in value;
}

/**
 * What a field holds, before any check (any field: a plain one's value is returned as it is):
 * for a resource locator, the ID picked or typed, or the ID
 * in a URL (By URL's own regex, as n8n's `extractValue: true` reads it); otherwise, and for a plain
 * value saved when the field was a text field (or an expression for the whole field), the value
 * itself. A URL without an ID is said with the field and the item, where n8n's message names
 * neither. The operation then checks the value as it checked its plain ID field.
 */
export function readLocatorValue(
	context: IExecuteFunctions,
	field: INodeProperties,
	itemIndex: number,
): unknown {
	const value = context.getNodeParameter(field.name, itemIndex, '') as unknown;
	if (field.type !== 'resourceLocator' || !isLocatorValue(value)) return value;
	const mode = field.modes?.find(({ name }) => name === value.mode);
	const regex = mode?.extractValue?.type === 'regex' ? mode.extractValue.regex : undefined;
	if (regex === undefined) return value.value;
	const match = new RegExp(regex).exec(String(value.value));
	if (!match) {
		const noun = field.displayName.toLowerCase();
		throw inputError(
			context.getNode(),
			`Invalid input: "${field.displayName}" must be the URL of a ${noun}, with its ID (e.g. ${mode?.placeholder ?? ''})`,
			{ itemIndex },
		);
	}
	return match[1];
}

/**
 * One page of a list held whole (a service that answers everything at once, read for From List):
 * the entries from where the pagination token says, and the token of the next page while any are
 * left. The token is the offset, which the editor hands back as it got it.
 */
export function pageOfList<T>(
	entries: T[],
	paginationToken: string | undefined,
	size: number,
): { entries: T[]; paginationToken?: string } {
	const start = Number(paginationToken);
	const from = Number.isInteger(start) && start > 0 ? start : 0;
	const next = from + size;
	return {
		entries: entries.slice(from, next),
		paginationToken: next < entries.length ? String(next) : undefined,
	};
}
