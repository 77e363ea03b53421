import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resources, router } from './actions/router';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class Valigara implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Valigara',
		name: 'valigara',
		icon: { light: 'file:valigara.svg', dark: 'file:valigara.dark.svg' },
		group: ['output'],
		// 1.1: Simplify, on by default, on the large replies (shared/fields.ts simplifyFields; as a tool, Output)
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage jewelry products, gemstones and orders in Valigara',
		defaults: { name: 'Valigara' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'valigaraApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Gemstone', value: 'gemstone' },
					{ name: 'Order', value: 'order' },
					{ name: 'Product', value: 'product' },
				],
				default: 'product',
			},
			...resources.flatMap((resource) => resource.description),
		],
	};

	methods = {
		loadOptions: {
			getProductFields: loadOptions.getProductFields,
			getGemstoneFields: loadOptions.getGemstoneFields,
			getListingAccounts: loadOptions.getListingAccounts,
			getPostTemplates: loadOptions.getPostTemplates,
		},
		listSearch: {
			searchProducts: listSearch.searchProducts,
			searchGemstones: listSearch.searchGemstones,
			searchOrders: listSearch.searchOrders,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
