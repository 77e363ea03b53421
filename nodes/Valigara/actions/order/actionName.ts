import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';

// Overridable action names: the Orders actions are not in the public docs, so each order
// operation has Options › Action Name, and reads the action to call from it.

export function actionNameOption(assumed: string): INodeProperties {
	return {
		displayName: 'Action Name',
		name: 'actionName',
		type: 'string',
		default: '',
		placeholder: assumed,
		description: `Valigara's name for this action. Leave empty for "${assumed}", this node's assumption: the Orders actions are not in Valigara's public docs.`,
	};
}

const actionName = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9_.-]+$/, 'may only hold letters, digits and _ . -');

/** The action to call: the user's override from Options › Action Name, or the table's name. */
export function readActionName(context: IExecuteFunctions, itemIndex: number, assumed: string): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const override = String(options.actionName ?? '').trim();
	if (!override) return assumed;
	return validate(context.getNode(), actionName, override, itemIndex, { '': 'Action Name' });
}
