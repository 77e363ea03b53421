import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resources, router } from './actions/router';

export class VanillaEshop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vanilla eShop',
		name: 'vanillaEshop',
		icon: { light: 'file:vanillaEshop.svg', dark: 'file:vanillaEshop.dark.svg' },
		group: ['output'],
		// 1.1: Simplify, on by default, on the large replies (shared/fields.ts simplifyFields; as a tool, Output)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Push customers, orders, products and prices into a Vanilla eShop store',
		defaults: { name: 'Vanilla eShop' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vanillaEshopApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Manufacturer', value: 'manufacturer' },
					{ name: 'Option Value', value: 'optionValue' },
					{ name: 'Order', value: 'order' },
					{ name: 'Price', value: 'price' },
					{ name: 'Product', value: 'product' },
				],
				default: 'product',
			},
			...resources.flatMap((resource) => resource.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
