/**
 * One sandbox run (or more) per operation a user can pick: the parameters name the sandbox's seed
 * records (sandbox/*.js, back to the seed before each run), so each run succeeds and its output is
 * what the service's stand-in really answers. Several runs of one operation (input modes) are
 * merged into its one schema. The operations are read from the nodes' descriptions by the test, so
 * an operation added without a row here fails it.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { NodeName } from '../reliability/operations';
import { orderBody, productBody } from '../vanilla-eshop/fixtures';

export interface SchemaCase {
	node: NodeName;
	resource: string;
	operation: string;
	parameters: INodeParameters;
	/** Gigrove's deliveries are read with a delivery person's token, not the seller's */
	deliveryPerson?: boolean;
}

const cases = (
	node: NodeName,
	resource: string,
	rows: Array<[operation: string, parameters?: INodeParameters, deliveryPerson?: boolean]>,
) =>
	rows.map(
		([operation, parameters = {}, deliveryPerson]): SchemaCase => ({
			node,
			resource,
			operation,
			parameters,
			deliveryPerson,
		}),
	);

const vanillaAddress = {
	firstname: 'Noura',
	lastname: 'Saad',
	address_1: 'Olaya Street 12',
	address_2: 'Apt 4',
	city: 'Riyadh',
	postcode: '12211',
	country_id: 'SA',
	zone_id: 'RIY',
	address_lat: '',
	address_lng: '',
	telephone: '0551000001',
};

const valigaraProduct = { productFields: { title: 'Rose Ring', price: 120, quantity: 2 } };

export const SCHEMA_CASES: SchemaCase[] = [
	...cases('valigara', 'product', [
		['import', valigaraProduct],
		['update', { productId: '1001', updateFields: { price: 99 } }],
		['search', {}],
		['reportSold', { productId: '1002', quantitySold: 1, soldAction: 'revise' }],
		['delete', { productIds: '1003' }],
		['listFields'],
		['getListingAccounts'],
		[
			'updateListings',
			{ productIds: '1001', accountsScope: 'selected', accountIds: ['1001', '3001'] },
		],
		['export', { productId: '1001' }],
		['exportMany', { productIds: '1001, 1002' }],
		['listPostTemplates'],
		['postToChannels', { productIds: '1001', templateId: '7' }],
		['reviseInventory', { productIds: '1001' }],
	]),
	...cases('valigara', 'gemstone', [
		['import', { title: 'Blue Sapphire', code: 'BS-001', type: 'Sapphire' }],
		['update', { gemstoneId: '501', updateFields: { quantity: 3 } }],
		['search', {}],
		['delete', { gemstoneIds: '502' }],
		['listFields'],
	]),
	...cases('valigara', 'order', [
		['exportOrders', {}],
		['exportClients', {}],
		['setTrackingNumber', { orderId: '9001', trackingNumber: '1Z999' }],
		[
			'setSeparateTrackingNumbers',
			{ orderId: '9001', trackingNumbers: { item: [{ item_id: '1', tracking_number: 'A1' }] } },
		],
	]),
	...cases('vanillaEshop', 'customer', [
		[
			'create',
			{ firstname: 'Ada', email: 'ada@example.com', telephone: '0500000001', password: 'pw-1234' },
		],
		[
			'update',
			{
				customerId: '1',
				firstname: 'Noura',
				email: 'noura@example.com',
				telephone: '0551000001',
				password: '',
			},
		],
		['delete', { customerId: '2' }],
	]),
	...cases('vanillaEshop', 'manufacturer', [
		['create', { manufacturerName: 'Tiffany', entityId: '13' }],
		['update', { entityId: '12', manufacturerName: 'Lazurde Gold' }],
	]),
	...cases('vanillaEshop', 'optionValue', [
		['create', { option_id: '2', ar_name: 'أزرق', en_name: 'Blue' }],
		['update', { optionValueId: '23', option_id: '2', ar_name: 'أحمر', en_name: 'Red' }],
	]),
	...cases('vanillaEshop', 'order', [
		['create', { inputMode: 'json', bodyJson: JSON.stringify({ order_id: 500123, ...orderBody }) }],
		['get', { orderId: '500000' }],
		['update', { orderId: '500000', inputMode: 'json', bodyJson: JSON.stringify(orderBody) }],
		['changeStatus', { orderId: '500000', order_status_code: 'shipped' }],
		['addComment', { orderId: '500000', comment: 'Customer called' }],
		[
			'updateAddress',
			{
				orderId: '500000',
				paymentAddress: { address: vanillaAddress },
				shippingAddress: { address: vanillaAddress },
			},
		],
	]),
	...cases('vanillaEshop', 'price', [
		['add', { entity_id: '77', price: 45.5, date_start: '2026-12-01', date_end: '2026-12-31' }],
		['addMany', { entity_id: '77', price: 45.5, date_start: '2026-12-01', date_end: '2026-12-31' }],
	]),
	...cases('vanillaEshop', 'product', [
		['create', { inputMode: 'json', bodyJson: JSON.stringify({ ...productBody, sku: 'RING-9' }) }],
		[
			'update',
			{
				productKey: 'sku',
				productSku: 'RING-1',
				inputMode: 'json',
				bodyJson: JSON.stringify(productBody),
			},
		],
		[
			'update',
			{
				productKey: 'entityId',
				productEntityId: '78',
				inputMode: 'json',
				bodyJson: JSON.stringify(productBody),
			},
		],
		['delete', { productKey: 'sku', productSku: 'RING-1' }],
		['delete', { productKey: 'entityId', productEntityId: '78' }],
		['changeSku', { sku: 'RING-1', new_sku: 'RING-001' }],
		[
			'createOrUpdateMany',
			{ inputMode: 'json', bodyJson: JSON.stringify({ ...productBody, sku: 'RING-9' }) },
		],
	]),
	...cases('gigrove', 'booking', [
		['get', { bookingId: '31' }],
		['getMany', { limit: 3 }],
		['update', { bookingId: '31', start: '2026-12-24T09:30:00', end: '2026-12-26T11:00:00' }],
		['updateStatus', { bookingId: '32', status: 'cancelled' }],
	]),
	...cases('gigrove', 'delivery', [
		['get', { deliveryId: '55' }, true],
		['getMany', { limit: 3 }, true],
		['updateStatus', { deliveryId: '55' }, true],
	]),
	...cases('gigrove', 'notification', [['getMany', { limit: 10 }]]),
	...cases('gigrove', 'order', [
		['addNote', { orderId: '5694447', note: 'Shipped today', noteType: 'customer' }],
		[
			'addShipmentTracking',
			{
				orderId: '5694447',
				productId: '5694276',
				itemId: '1227',
				additionalFields: { tracking_code: 'TRK1' },
			},
		],
		['get', { orderId: '5694447' }],
		['getMany', { limit: 8 }],
		['getNotes', { orderId: '5694447', limit: 10 }],
		['updateStatus', { orderId: '5694447', status: 'completed' }],
	]),
	...cases('gigrove', 'product', [
		['create', { name: 'Linen Shirt', categoryIds: '15, 23' }],
		[
			'createVariation',
			{
				productId: '5694269',
				attributesUi: { attributesValues: [{ id: 0, name: 'Size', option: 'XL' }] },
			},
		],
		['delete', { productId: '5694270' }],
		['deleteVariation', { productId: '5694269', variationId: '5694402' }],
		['get', { productId: '5694269' }],
		['getMany', { returnAll: true }],
		['getVariations', { productId: '5694269', limit: 10 }],
		[
			'quickEdit',
			{ productId: '5694270', productType: 'simple', quickEditFields: { regular_price: '21.00' } },
		],
		['update', { productId: '5694268', updateFields: { name: 'Design Print II' } }],
		[
			'updateVariation',
			{ productId: '5694269', variationId: '5694400', updateFields: { salePrice: '17.50' } },
		],
	]),
	...cases('guaranteedReviews', 'order', [
		[
			'send',
			{
				inputMode: 'fields',
				orderId: 'A-1',
				orderDate: '2026-11-20 10:15:00',
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ada@example.com',
				productsSource: 'none',
			},
		],
	]),
	...cases('guaranteedReviews', 'review', [
		['getMany', { scope: 'product', productId: '100', limit: 5 }],
		['getMany', { scope: 'site', limit: 5 }],
		['getManyPrivate', { reviewType: 'site', limit: 5 }],
		['getRatingSummary', { scope: 'product', productId: '100' }],
		['getRatingSummary', { scope: 'site' }],
		['getStats', { scope: 'product', productId: '100' }],
		['getStats', { scope: 'site' }],
	]),
];
