import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/router';
import type { GemstoneOperation } from '../../actions';
import * as deleteGemstones from './delete';
import * as importGemstone from './import';
import * as listFields from './listFields';
import * as search from './search';
import * as update from './update';

export const operations: Record<GemstoneOperation, ItemOperation> = {
	import: importGemstone,
	update,
	search,
	delete: deleteGemstones,
	listFields,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['gemstone'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete gemstones', action: 'Delete gemstones' },
			{ name: 'Import', value: 'import', description: 'Add a new gemstone', action: 'Import a gemstone' },
			{ name: 'List Fields', value: 'listFields', description: 'List the gemstone fields the account accepts', action: 'List gemstone fields' },
			{ name: 'Search', value: 'search', description: 'Find gemstone IDs by field values', action: 'Search gemstones' },
			{ name: 'Update', value: 'update', description: 'Change an existing gemstone', action: 'Update a gemstone' },
		],
		default: 'search',
	},
	...importGemstone.description,
	...update.description,
	...search.description,
	...deleteGemstones.description,
	...listFields.description,
];
