import type { INodeProperties } from 'n8n-workflow';

/** Return All and Limit for a list operation; each operation scopes them with updateDisplayOptions. */
export function listFields(maxLimit: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: maxLimit },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** What a polling trigger does on its first activation, said where the user sets it up. */
export const baselineNotice: INodeProperties = {
	displayName:
		'The first activation only notes the newest record: later ones start the workflow, one execution per poll, one item per record',
	name: 'baselineNotice',
	type: 'notice',
	default: '',
};

/** A trigger's "Start From" option: emit history from a date on, on the first activation only. */
export function startFromOption(whatDate: string): INodeProperties {
	return {
		displayName: 'Start From',
		name: 'startFrom',
		type: 'dateTime',
		default: '',
		description: `On the first activation, emit every record ${whatDate} from this date on instead of only noting the newest one`,
	};
}
