import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { formatDateTime } from '../shared/dates';
import { baselineNotice, optionsCollection, startFromOption } from '../shared/fields';
import { pollEvents } from '../shared/poll';
import { pollStatusChanges } from '../shared/poll-status';
import { checkTriggerNumberOption } from '../shared/validation';
import { dateKeyOptions, pagingOptions, wholeRepliesOption } from './actions/listOptions';
import { PAGE_SIZE_PROBLEM, dateKeysFrom, pagingFrom } from './listSettings';
import { newListMemory } from './lists';
import type { ListMemory } from './lists';
import { EVENTS, WATCHED_DAYS, valigaraEventSource, valigaraStatusSource } from './trigger';
import type { ValigaraEvent } from './trigger';

/** Options › Days Watched, read checked: a value from an expression cannot silently watch nothing. */
const watchedDaysOption: INodeProperties = {
	displayName: 'Days Watched',
	name: 'watchedDays',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 366 },
	default: WATCHED_DAYS,
	description:
		'Orders dated within this many days before now are watched for status changes; a change to an older order is not seen. Each poll reads the export of these days.',
	displayOptions: { show: { '/event': ['orderStatusChanged'] } },
};

/** Options › Look Back (Minutes), read checked: text from an expression would read no window at all. */
const lookBackOption: INodeProperties = {
	displayName: 'Look Back (Minutes)',
	name: 'overlapMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 60,
	description:
		'Each poll reads again this far before the newest record seen, to catch records that arrive late with an earlier date. Records seen before are never emitted twice.',
};

export class ValigaraTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Valigara Trigger',
		name: 'valigaraTrigger',
		icon: { light: 'file:valigara.svg', dark: 'file:valigara.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when Valigara has a new order or client, or an order changes status',
		defaults: { name: 'Valigara Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'valigaraApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'New Order', value: 'newOrder', description: 'A new order in the orders export' },
					{
						name: 'New Client',
						value: 'newClient',
						description: 'A new client in the clients export',
					},
					{
						name: 'Order Status Changed',
						value: 'orderStatusChanged',
						description: 'An order of the last days moved to another status, in the orders export',
					},
				],
				default: 'newOrder',
			},
			baselineNotice,
			{
				displayName: 'To Statuses',
				name: 'statuses',
				type: 'string',
				default: '',
				placeholder: 'e.g. shipped, cancelled',
				description:
					'Only changes to these statuses, separated by commas, as Valigara writes them; any status when empty. Each item is the order with statusChange: {from, to} (from is null for an order created since the last poll).',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
			},
			optionsCollection([
				{
					displayName: 'Action Name',
					name: 'actionName',
					type: 'string',
					default: '',
					description:
						'Valigara’s name for the export action. Leave empty for orders_export or clients_export, this node’s assumption: the Orders actions are not in Valigara’s public docs.',
				},
				{
					displayName: 'Date Field',
					name: 'dateField',
					type: 'string',
					default: '',
					placeholder: 'order_date',
					description:
						'The record field holding its creation date (default order_date for orders, date_created for clients)',
				},
				watchedDaysOption,
				{
					displayName: 'ID Field',
					name: 'idField',
					type: 'string',
					default: '',
					placeholder: 'order_id',
					description:
						'The record field holding its ID (default order_id for orders, client_id for clients)',
				},
				lookBackOption,
				{
					displayName: 'Status Field',
					name: 'statusField',
					type: 'string',
					default: '',
					placeholder: 'status',
					description:
						'The order field holding its status (default status, this node’s assumption: the Orders actions are not in Valigara’s public docs)',
					displayOptions: { show: { '/event': ['orderStatusChanged'] } },
				},
				...dateKeyOptions,
				...pagingOptions,
				wholeRepliesOption,
				startFromOption('dated'),
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as ValigaraEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const defaults = EVENTS[event];
		const settings = {
			event,
			action: String(options.actionName || defaults.action).trim(),
			idField: String(options.idField || defaults.idField).trim(),
			dateField: String(options.dateField || defaults.dateField).trim(),
			overlapMinutes: checkTriggerNumberOption(
				this.getNode(),
				lookBackOption,
				options.overlapMinutes,
			),
			baselineDays: 30,
		};
		const paging = pagingFrom(options);
		if (paging === 'invalid') throw new NodeOperationError(this.getNode(), PAGE_SIZE_PROBLEM);
		const startFrom = options.startFrom
			? formatDateTime(options.startFrom, this.getTimezone())
			: undefined;
		// what earlier polls learnt of how the export answers lists, kept once a poll succeeds
		const staticData = this.getWorkflowStaticData('node');
		const saved = (staticData.listMemory as Record<string, ListMemory> | undefined)?.[
			settings.action
		];
		const memory: ListMemory = saved ? { ...saved } : newListMemory();
		const list = {
			paging,
			dateKeys: dateKeysFrom(options),
			wholeReplies: options.wholeReplies === true,
		};
		if (event === 'orderStatusChanged') {
			const statusField = String(
				options.statusField || EVENTS.orderStatusChanged.statusField,
			).trim();
			const statuses = String(this.getNodeParameter('statuses', '') ?? '')
				.split(',')
				.map((status) => status.trim())
				.filter(Boolean);
			const source = valigaraStatusSource(
				this,
				{
					...settings,
					...list,
					statusField,
					watchedDays: checkTriggerNumberOption(
						this.getNode(),
						watchedDaysOption,
						options.watchedDays,
					),
				},
				memory,
			);
			const changes = await pollStatusChanges(this, source, {
				config: JSON.stringify([
					event,
					settings.action,
					settings.idField,
					settings.dateField,
					statusField,
				]),
				wanted: statuses.length ? (status) => statuses.includes(status) : undefined,
				startFrom,
			});
			if (this.getMode() !== 'manual') staticData.listMemory = { [settings.action]: memory };
			return changes ? [this.helpers.returnJsonArray(changes)] : null;
		}
		const records = await pollEvents(
			this,
			valigaraEventSource(this, { ...settings, ...list }, memory),
			{
				config: JSON.stringify([event, settings.action, settings.idField, settings.dateField]),
				startFrom,
			},
		);
		if (this.getMode() !== 'manual') staticData.listMemory = { [settings.action]: memory };
		return records ? [this.helpers.returnJsonArray(records)] : null;
	}
}
