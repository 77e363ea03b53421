import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { formatDateTime } from '../shared/dates';
import { baselineNotice, startFromOption } from '../shared/fields';
import { pollEvents } from '../shared/poll';
import { PAGE_SIZE_PROBLEM, dateKeyOptions, dateKeysFrom, pagingFrom, pagingOptions, wholeRepliesOption } from './actions/listOptions';
import { newListMemory } from './lists';
import type { ListMemory } from './lists';
import { EVENTS, valigaraEventSource } from './trigger';
import type { ValigaraEvent } from './trigger';

export class ValigaraTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Valigara Trigger',
		name: 'valigaraTrigger',
		icon: { light: 'file:valigara.svg', dark: 'file:valigara.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Valigara has a new order or client',
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
					{ name: 'New Client', value: 'newClient', description: 'A new client in the clients export' },
				],
				default: 'newOrder',
			},
			baselineNotice,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
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
						description: 'The record field holding its creation date (default order_date for orders, date_created for clients)',
					},
					{
						displayName: 'ID Field',
						name: 'idField',
						type: 'string',
						default: '',
						placeholder: 'order_id',
						description: 'The record field holding its ID (default order_id for orders, client_id for clients)',
					},
					{
						displayName: 'Look Back (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description: 'Each poll reads again this far before the newest record seen, to catch records that arrive late with an earlier date. Records seen before are never emitted twice.',
					},
					...dateKeyOptions,
					...pagingOptions,
					wholeRepliesOption,
					startFromOption('dated'),
				],
			},
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
			overlapMinutes: Number(options.overlapMinutes ?? 60),
			baselineDays: 30,
		};
		const paging = pagingFrom(options);
		if (paging === 'invalid') throw new NodeOperationError(this.getNode(), PAGE_SIZE_PROBLEM);
		const startFrom = options.startFrom ? formatDateTime(options.startFrom, this.getTimezone()) : undefined;
		// what earlier polls learnt of how the export answers lists, kept once a poll succeeds
		const staticData = this.getWorkflowStaticData('node');
		const saved = (staticData.listMemory as Record<string, ListMemory> | undefined)?.[settings.action];
		const memory: ListMemory = saved ? { ...saved } : newListMemory();
		const list = { paging, dateKeys: dateKeysFrom(options), wholeReplies: options.wholeReplies === true };
		const records = await pollEvents(this, valigaraEventSource(this, { ...settings, ...list }, memory), {
			config: JSON.stringify([event, settings.action, settings.idField, settings.dateField]),
			startFrom,
		});
		if (this.getMode() !== 'manual') staticData.listMemory = { [settings.action]: memory };
		return records ? [this.helpers.returnJsonArray(records)] : null;
	}
}
