import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	labelsAt,
	labelsOf,
	oneOf,
	optionsOf,
	requiredText,
	validate,
} from '../../../shared/validation';
import { orderNotes } from '../../transport';
import { beyondDocNotice, orderIdField } from '../fields';
import { readId } from '../schema';

// WCFM route PUT orders/note/{id} with {note, note_type} (not in Gigrove's documentation). The store
// answers with all notes of the order, newest first.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'addNote',
	options: [
		{
			name: 'Add Note',
			value: 'addNote',
			description:
				'Add a note to an order, private or sent to the customer (beyond Gigrove’s docs: the store’s API must offer it). Returns the note just added.',
			action: 'Add a note to an order',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	beyondDocNotice(),
	orderIdField,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
	},
	{
		displayName: 'Visible To',
		name: 'noteType',
		type: 'options',
		options: [
			{
				name: 'Customer',
				value: 'customer',
				description: 'The customer sees the note and is emailed',
			},
			{ name: 'Store Only', value: 'private', description: 'A private note' },
		],
		default: 'private',
	},
];

const schema = z.object({
	note: requiredText(),
	note_type: oneOf(optionsOf(properties, 'noteType')),
});
const labels = labelsAt(labelsOf(properties), { note: 'note', note_type: 'noteType' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, orderIdField, itemIndex);
	const body = validate(
		this.getNode(),
		schema,
		{
			note: this.getNodeParameter('note', itemIndex),
			note_type: this.getNodeParameter('noteType', itemIndex),
		},
		itemIndex,
		labels,
	);
	const notes = await orderNotes(this, { method: 'PUT', body }, id, itemIndex, {
		message: `Gigrove sent no notes back for order ${id}: the note may not be saved`,
	});
	// the newest note with this text (someone may have added another at the same moment); the store
	// may reword it (WordPress cleans HTML), so failing that, the newest
	return notes.find((note) => noteText(note) === body.note.trim()) ?? notes[0];
}

/** A note's text: WooCommerce names it `note`, WCFM's own listing `content`. */
function noteText(note: IDataObject): string | undefined {
	const text = note.note ?? note.content;
	return typeof text === 'string' ? text.trim() : undefined;
}
