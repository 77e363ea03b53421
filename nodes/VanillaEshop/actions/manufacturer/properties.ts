import type { INodeProperties } from 'n8n-workflow';

export const entityIdField: INodeProperties = {
	displayName: 'Magento Entity ID',
	name: 'entityId',
	type: 'string',
	required: true,
	default: '',
	description: 'The manufacturer’s entity ID in Magento: Vanilla eShop knows manufacturers by it',
};

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'manufacturerName',
	type: 'string',
	required: true,
	default: '',
};
