import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resources, router } from './actions/router';

export class GuaranteedReviews implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Guaranteed Reviews',
		name: 'guaranteedReviews',
		icon: { light: 'file:guaranteedReviews.svg', dark: 'file:guaranteedReviews.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send orders to Guaranteed Reviews so customers are asked for reviews, and read reviews and ratings',
		defaults: { name: 'Guaranteed Reviews' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'guaranteedReviewsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Order', value: 'order' },
					{ name: 'Review', value: 'review' },
				],
				default: 'order',
			},
			...resources.flatMap((resource) => resource.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
