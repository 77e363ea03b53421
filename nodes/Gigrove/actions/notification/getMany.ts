import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listFields } from '../../../shared/fields';
import { readListScope } from '../../../shared/pagination';
import { compact, oneOf, optionsOf, validate } from '../../../shared/validation';
import { gigroveList } from '../../transport';
import { sortCollection } from '../fields';
import { fieldsIn, labelsIn } from '../schema';

// https://gigrove.com/api-docs/ "Get online store notifications": GET notifications/ with
// per_page/page. WCFM returns unread notifications unless asked for read ones (there is no "all"),
// newest first; items are {ID, message, message_type, created}.

/** Its option in the resource's Operation selector, written so n8n's lint checks it (shared/registry.ts). */
export const operation = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	default: 'getMany',
	options: [
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'Get the store’s notifications: unread ones unless Read Status asks for read ones, optionally of one message type. Returns one item per notification (ID, message, type, date).',
			action: 'Get many notifications',
		},
	],
} satisfies INodeProperties;

export const properties: INodeProperties[] = [
	...listFields(100_000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Message Type',
				name: 'notification_type',
				type: 'string',
				default: '',
				placeholder: 'e.g. order',
				description:
					'Only notifications of this type (order, product_review, direct…); all types when empty',
			},
			{
				displayName: 'Read Status',
				name: 'notification_status',
				type: 'options',
				options: [
					{ name: 'Read', value: 'read' },
					{ name: 'Unread', value: 'unread' },
				],
				default: 'unread',
				description: 'The store returns unread notifications unless read ones are asked for',
			},
		],
	},
	sortCollection(
		[
			{ name: 'Date Created', value: 'created' },
			{ name: 'ID', value: 'ID' },
		],
		'ID',
	),
];

const schema = z
	.object({
		notification_type: z
			.string()
			.trim()
			.regex(/^[\w-]+$/, 'must be one type name, such as order'),
		notification_status: oneOf(optionsOf(fieldsIn(properties, 'filters'), 'notification_status')),
		orderby: oneOf(optionsOf(fieldsIn(properties, 'sort'), 'orderby')),
		order: oneOf(optionsOf(fieldsIn(properties, 'sort'), 'order')),
	})
	.partial();
const labels = { ...labelsIn(properties, 'filters'), ...labelsIn(properties, 'sort') };

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = readListScope(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, {}) as IDataObject;
	const query = validate(
		this.getNode(),
		schema,
		compact({ ...filters, ...sort }),
		itemIndex,
		labels,
	);
	return await gigroveList(this, 'notifications/', query, scope, itemIndex);
}

export const reads = true; // only reads: items may run several at once (shared/router.ts)
