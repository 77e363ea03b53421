import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { addHint } from '../../../shared/hints';
import { validate } from '../../../shared/validation';
import { isActionNotFound } from '../../transport';

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
export function readActionName(
	context: IExecuteFunctions,
	itemIndex: number,
	assumed: string,
): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const override = String(options.actionName ?? '').trim();
	if (!override) return assumed;
	return validate(context.getNode(), actionName, override, itemIndex, { '': 'Action Name' });
}

/**
 * Calls Valigara with the action to call (see readActionName). When Valigara does not know the
 * name this node assumed, a hint above the output says which option takes the right one.
 */
export async function withActionName<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	assumed: string,
	call: (action: string) => Promise<T>,
): Promise<T> {
	const action = readActionName(context, itemIndex, assumed);
	const outcome = await call(action).then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	if ('value' in outcome) return outcome.value;
	if (action === assumed && isActionNotFound(outcome.error)) {
		addHint(
			context,
			`Valigara does not know "${assumed}", this node's assumed name for the action: enter Valigara's name for it in Options › Action Name.`,
		);
	}
	throw outcome.error;
}
