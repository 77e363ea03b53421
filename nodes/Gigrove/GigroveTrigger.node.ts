import { NodeConnectionTypes } from 'n8n-workflow';
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
import { ORDER_STATUSES } from './actions/fields';
import { WATCHED_ORDERS, gigroveEventSource, gigroveStatusSource, positionBefore } from './trigger';
import type { GigroveEvent, TriggerSettings } from './trigger';

type Event = GigroveEvent | 'orderStatusChanged';

/** Options › Orders Watched: read checked, so a value from an expression cannot silently watch nothing. */
const watchedOrdersOption: INodeProperties = {
	displayName: 'Orders Watched',
	name: 'watchedOrders',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10_000 },
	default: WATCHED_ORDERS,
	description:
		'How many of the newest orders (by ID) the trigger watches for status changes, besides every order created since the last poll. A change to an older order is not seen. Each poll reads this many orders.',
	displayOptions: { show: { '/event': ['orderStatusChanged'] } },
};

export class GigroveTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gigrove Trigger',
		name: 'gigroveTrigger',
		icon: { light: 'file:gigrove.svg', dark: 'file:gigrove.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when the Gigrove store has a new notification or order, or an order changes status',
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
					{
						name: 'New Notification',
						value: 'newNotification',
						description: 'A new store notification (orders, reviews, messages…)',
					},
					{ name: 'New Order', value: 'newOrder', description: 'A new order in the store' },
					{
						name: 'Order Status Changed',
						value: 'orderStatusChanged',
						description:
							'An order moved to another status (completed, cancelled…), among the newest orders',
					},
				],
				default: 'newNotification',
			},
			baselineNotice,
			{
				displayName: 'To Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: ORDER_STATUSES,
				default: [],
				description:
					'Only changes to these statuses; any status when empty. Each item is the order with statusChange: {from, to} (from is null for an order created since the last poll).',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
			},
			optionsCollection([
				{
					displayName: 'Include Read Notifications',
					name: 'includeRead',
					type: 'boolean',
					default: true,
					description:
						'Whether to also watch notifications already read in the dashboard (the store lists unread ones unless asked)',
					displayOptions: { show: { '/event': ['newNotification'] } },
				},
				{
					displayName: 'Message Type',
					name: 'messageType',
					type: 'string',
					default: '',
					placeholder: 'e.g. order',
					description:
						'Only notifications of this type (order, product_review, direct…); all types when empty',
					displayOptions: { show: { '/event': ['newNotification'] } },
				},
				watchedOrdersOption,
				startFromOption('created (store time)'),
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as Event;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (event === 'orderStatusChanged') {
			const statuses = this.getNodeParameter('statuses', []) as string[];
			const changes = await pollStatusChanges(
				this,
				gigroveStatusSource(this, {
					watchedOrders: checkTriggerNumberOption(
						this.getNode(),
						watchedOrdersOption,
						options.watchedOrders,
					),
				}),
				{
					config: JSON.stringify([event]),
					wanted: statuses.length ? (status) => statuses.includes(status) : undefined,
					startFrom: options.startFrom
						? formatDateTime(options.startFrom, this.getTimezone())
						: undefined,
				},
			);
			return changes ? [this.helpers.returnJsonArray(changes)] : null;
		}
		const messageType = String(options.messageType ?? '').trim() || undefined;
		const settings: TriggerSettings = {
			event,
			statuses: options.includeRead === false ? ['unread'] : ['unread', 'read'],
			messageType,
		};
		const startDate = options.startFrom
			? formatDateTime(options.startFrom, this.getTimezone())
			: undefined;
		const records = await pollEvents(this, gigroveEventSource(this, settings), {
			config: JSON.stringify([event, settings.statuses, messageType ?? '']),
			// the start date becomes a position (an ID) on the first poll only
			startFrom: startDate
				? async () => await positionBefore(this, settings, startDate)
				: undefined,
			// state saved before the late-ID window kept no key below its cursor
			legacyFloor: (cursor) => cursor,
		});
		return records ? [this.helpers.returnJsonArray(records)] : null;
	}
}
