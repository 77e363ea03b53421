import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { listExpected } from '../../../shared/failures';
import type { ReplyCheck } from '../../../shared/request';
import { requiredId, validate } from '../../../shared/validation';
import { listOf } from '../../transport';

export const deliveryTokenNotice: INodeProperties = {
	displayName: 'Deliveries need a credential with a delivery person’s token',
	name: 'deliveryTokenNotice',
	type: 'notice',
	default: '',
};

const deliveryIds = requiredId()
	.transform((value) => value.replace(/\s+/g, ''))
	.pipe(z.string().regex(/^\d+(,\d+)*$/, 'must be a delivery ID, or several separated by commas'));

/** One delivery ID, or several separated by commas (WCFM accepts a list on this path). */
export function readDeliveryId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('deliveryId', itemIndex, '') as unknown;
	return validate(context.getNode(), z.object({ id: deliveryIds }), { id: value ?? '' }, itemIndex, { id: 'Delivery ID' }).id;
}

/** The deliveries of a reply that may be one object or a list (empty entries left out). */
export function deliveriesOf(body: unknown): IDataObject[] {
	const list = listOf(body) ?? [body as IDataObject];
	return list.filter((entry) => entry && typeof entry === 'object' && Object.keys(entry).length > 0);
}

/** A reply without a delivery is an error naming the ID. */
export function deliveriesExpected(id: string): ReplyCheck {
	return listExpected(deliveriesOf, {
		message: `Gigrove sent no delivery for ID ${id}`,
		description: 'Check the ID, and that the credential holds the token of the delivery person it is assigned to.',
	});
}
