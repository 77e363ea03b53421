import type { INodeProperties } from 'n8n-workflow';

// The Orders actions page of the docs is not public: the filter keys below (`date_from`,
// `date_to`, `status`) are this node's assumption. "Other Filters" sends any other key, and the
// JSON mode sends the whole `data` as written. Their checks: ./schema.ts; the `data` they make:
// ./body.ts.

export const dateFilterOptions: INodeProperties[] = [
	{
		displayName: 'From Date',
		name: 'date_from',
		type: 'dateTime',
		default: '',
		description:
			'Only records from this date on. Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone.',
	},
	{
		displayName: 'To Date',
		name: 'date_to',
		type: 'dateTime',
		default: '',
		description:
			'Only records up to this date. Sent as YYYY-MM-DD HH:MM:SS in the workflow’s time zone.',
	},
];
