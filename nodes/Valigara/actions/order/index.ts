import { resource } from '../../../shared/registry';
import * as exportClients from './exportClients';
import * as exportOrders from './exportOrders';
import * as setSeparateTrackingNumbers from './setSeparateTrackingNumbers';
import * as setTrackingNumber from './setTrackingNumber';

export const order = resource(
	'order',
	[exportOrders, exportClients, setTrackingNumber, setSeparateTrackingNumbers],
	'exportOrders',
	[
		{
			displayName:
				'The names of Valigara’s Orders actions are not public: each operation has an Action Name option in case Valigara answers "Action Not Found"',
			name: 'orderActionsNotice',
			type: 'notice',
			default: '',
		},
	],
);
