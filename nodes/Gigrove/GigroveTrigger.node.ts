import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { formatDateTime } from '../shared/dates';
import { baselineNotice, startFromOption } from '../shared/fields';
import { pollEvents } from '../shared/poll';
import { gigroveEventSource, positionBefore } from './trigger';
import type { GigroveEvent, TriggerSettings } from './trigger';

export class GigroveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gigrove Trigger',
		name: 'gigroveTrigger',
		icon: { light: 'file:gigrove.svg', dark: 'file:gigrove.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when the Gigrove store has a new notification or order',
		defaults: { name: 'Gigrove Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gigroveApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'New Notification', value: 'newNotification', description: 'A new store notification (orders, reviews, messages…)' },
					{ name: 'New Order', value: 'newOrder', description: 'A new order in the store' },
				],
				default: 'newNotification',
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
						displayName: 'Include Read Notifications',
						name: 'includeRead',
						type: 'boolean',
						default: true,
						description: 'Whether to also watch notifications already read in the dashboard (the store lists unread ones unless asked)',
						displayOptions: { show: { '/event': ['newNotification'] } },
					},
					{
						displayName: 'Message Type',
						name: 'messageType',
						type: 'string',
						default: '',
						placeholder: 'e.g. order',
						description: 'Only notifications of this type (order, product_review, direct…); all types when empty',
						displayOptions: { show: { '/event': ['newNotification'] } },
					},
					startFromOption('created (store time)'),
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as GigroveEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const messageType = String(options.messageType ?? '').trim() || undefined;
		const settings: TriggerSettings = {
			event,
			statuses: options.includeRead === false ? ['unread'] : ['unread', 'read'],
			messageType,
		};
		const startDate = options.startFrom ? formatDateTime(options.startFrom, this.getTimezone()) : undefined;
		const records = await pollEvents(this, gigroveEventSource(this, settings), {
			config: JSON.stringify([event, settings.statuses, messageType ?? '']),
			// the start date becomes a position (an ID) on the first poll only
			startFrom: startDate ? async () => await positionBefore(this, settings, startDate) : undefined,
			// state saved before the late-ID window kept no key below its cursor
			legacyFloor: (cursor) => cursor,
		});
		return records ? [this.helpers.returnJsonArray(records)] : null;
	}
}
