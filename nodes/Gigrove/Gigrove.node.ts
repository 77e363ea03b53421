import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resources, router } from './actions/router';
import * as listSearch from './methods/listSearch';

export class Gigrove implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gigrove',
		name: 'gigrove',
		icon: { light: 'file:gigrove.svg', dark: 'file:gigrove.dark.svg' },
		group: ['output'],
		// 1.1: Simplify, on by default, on the large replies (shared/fields.ts simplifyFields; as a tool, Output)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage the products, orders, bookings and deliveries of a Gigrove store, and read its notifications',
		defaults: { name: 'Gigrove' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gigroveApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Booking', value: 'booking' },
					{ name: 'Delivery', value: 'delivery' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'Order', value: 'order' },
					{ name: 'Product', value: 'product' },
				],
				default: 'product',
			},
			...resources.flatMap((resource) => resource.description),
		],
	};

	methods = {
		listSearch: {
			searchProducts: listSearch.searchProducts,
			searchOrders: listSearch.searchOrders,
			searchBookings: listSearch.searchBookings,
			searchDeliveries: listSearch.searchDeliveries,
			searchVariations: listSearch.searchVariations,
			searchOrderItems: listSearch.searchOrderItems,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
