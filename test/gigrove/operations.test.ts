import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { API, TOKEN, order, product, runGigrove, stub } from './fixtures';
import type { Recorded } from './fixtures';
import { offeredOperations } from '../reliability/operations';

interface Case {
	resource: string;
	operation: string;
	title?: string;
	parameters: INodeParameters;
	timezone?: string;
	/** the one request the operation must send */
	request: Omit<Recorded, 'authorization'>;
	reply: unknown;
	/**
	 * lists: the requests a short first page is followed by (it may have been cut to what the
	 * store serves: shared/pagination.ts reads on, and reads a list of 1 or 2 again), as the query
	 * values that differ from the first request, and the store's answers
	 */
	nextPages?: Array<{ query: Record<string, string>; reply: unknown }>;
	/** the output items (each paired to item 0) */
	output: IDataObject[];
}

/** a record picked By ID, or From List, as the editor saves it */
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

const shirt = product(901, { name: 'Linen Shirt' });
const notification2170 = {
	ID: '2170',
	message: 'You have received an Order #5694447',
	message_type: 'order',
	created: '2020-07-09 17:32:30',
};
const variations = [
	{ variation_id: 77, attributes: { attribute_size: 'M' }, display_price: 19.99 },
	{ variation_id: 78, attributes: { attribute_size: 'L' }, display_price: 21.99 },
	{ variation_id: 79, attributes: { attribute_size: 'XL' }, display_price: 23.99 },
];
const notes = [
	{ id: 12, content: 'Shipped today', customer_note: true },
	{ id: 11, content: 'Payment received', customer_note: false },
];
const booking = {
	id: 31,
	status: 'confirmed',
	start: '2026-12-24T09:30:00',
	end: '2026-12-24T11:00:00',
	product_id: 5,
};
const delivery = {
	delivery_id: '55',
	order_id: '5694447',
	delivery_status: 'pending',
	item: { name: '1 x Design Print' },
};

const cases: Case[] = [
	{
		resource: 'product',
		operation: 'create',
		title: 'fields, with the spellings WCFM reads beside WooCommerce’s',
		parameters: {
			name: 'Linen Shirt',
			categoryIds: '15, 23',
			additionalFields: {
				regularPrice: '19.99',
				sku: 'LS-1',
				virtual: true,
				dateOnSaleFrom: '2026-12-01T00:00:00',
				dateOnSaleTo: '2026-12-31T23:59:00',
				crossSellIds: '7, 8',
				stockStatus: 'instock',
				manageStock: true,
				stockQuantity: 12,
				tagIds: '41, 42',
				shippingClassId: 4,
				type: 'variable',
			},
			dimensionsUi: { dimensionsValues: { length: '30', width: '20', height: '' } },
			imagesUi: {
				imagesValues: [
					{ src: 'https://cdn.example.com/front.jpg', alt: 'Front', name: '' },
					{ src: 'https://cdn.example.com/back.jpg', alt: '', name: '' },
				],
			},
			attributesUi: {
				attributesValues: [{ name: 'Size', options: 'S, M, L', visible: true, variation: true }],
			},
			defaultAttributesUi: { defaultAttributesValues: [{ name: 'Size', option: 'M' }] },
			metadataUi: { metadataValues: [{ key: 'origin', value: 'PT' }] },
		},
		request: {
			method: 'POST',
			path: `${API}/products/`,
			query: {},
			body: {
				name: 'Linen Shirt',
				categories: [15, 23],
				regular_price: '19.99',
				sku: 'LS-1',
				virtual: true,
				is_virtual: true,
				date_on_sale_from: '2026-12-01T00:00:00',
				date_on_sale_to: '2026-12-31T23:59:00',
				sale_date_from: '2026-12-01',
				sale_date_upto: '2026-12-31',
				cross_sell_ids: [7, 8],
				crosssell_ids: [7, 8],
				stock_status: 'instock',
				in_stock: true,
				manage_stock: true,
				stock_quantity: 12,
				// the doc's shape: a tag is an object with an `id` (its name is read-only)
				tags: [{ id: 41 }, { id: 42 }],
				shipping_class: 4,
				type: 'variable',
				dimensions: { length: '30', width: '20' },
				length: '30',
				width: '20',
				images: [
					{ src: 'https://cdn.example.com/front.jpg', alt: 'Front' },
					{ src: 'https://cdn.example.com/back.jpg' },
				],
				featured_image: { src: 'https://cdn.example.com/front.jpg', alt: 'Front' },
				gallery_images: [{ src: 'https://cdn.example.com/back.jpg' }],
				attributes: [
					{
						name: 'Size',
						options: ['S', 'M', 'L'],
						visible: true,
						variation: true,
						position: 0,
						is_active: true,
						value: 'S | M | L',
						is_visible: true,
						is_variation: true,
					},
				],
				default_attributes: { attribute_size: 'M' },
				meta_data: [{ key: 'origin', value: 'PT' }],
			},
		},
		reply: shirt,
		output: [shirt],
	},
	{
		resource: 'product',
		operation: 'create',
		title: 'raw JSON, sent as given',
		parameters: {
			inputMode: 'json',
			productJson: '{"name": "Mug", "categories": [{"id": 9}], "custom_field": {"a": 1}}',
		},
		request: {
			method: 'POST',
			path: `${API}/products/`,
			query: {},
			body: { name: 'Mug', categories: [{ id: 9 }], custom_field: { a: 1 } },
		},
		reply: product(902),
		output: [product(902)],
	},
	{
		resource: 'product',
		operation: 'update',
		parameters: {
			productId: byId('901'),
			updateFields: {
				name: 'Linen Shirt II',
				salePrice: '14.99',
				downloadable: false,
				stockStatus: 'outofstock',
				externalUrl: 'https://shop.example/ls',
			},
		},
		request: {
			method: 'PUT',
			path: `${API}/products/901`,
			query: {},
			body: {
				name: 'Linen Shirt II',
				sale_price: '14.99',
				stock_status: 'outofstock',
				in_stock: false,
				external_url: 'https://shop.example/ls',
				product_url: 'https://shop.example/ls',
			},
		},
		reply: shirt,
		output: [shirt],
	},
	{
		resource: 'product',
		operation: 'get',
		parameters: { productId: byId('901') },
		request: { method: 'GET', path: `${API}/products/901/`, query: {}, body: undefined },
		reply: shirt,
		output: [shirt],
	},
	{
		resource: 'product',
		operation: 'getMany',
		parameters: {
			limit: 5,
			filters: {
				search: 'shirt',
				category: '15',
				post_status: ['publish', 'draft'],
				after: '2026-01-01T00:00:00',
				include: '901, 902',
			},
			sort: { orderby: 'title', order: 'asc' },
		},
		request: {
			method: 'GET',
			path: `${API}/products/`,
			query: {
				per_page: '5',
				page: '1',
				search: 'shirt',
				category: '15',
				post_status: 'publish,draft',
				after: '2026-01-01T00:00:00',
				include: '901,902',
				orderby: 'title',
				order: 'asc',
			},
			body: undefined,
		},
		reply: [product(901), product(902)],
		nextPages: [
			{ query: { per_page: '2', page: '2' }, reply: [] },
			{ query: {}, reply: [product(901), product(902)] },
			{ query: { per_page: '2', page: '2' }, reply: [] },
		],
		output: [product(901), product(902)],
	},
	{
		resource: 'product',
		operation: 'delete',
		parameters: { productId: byId('901') },
		request: {
			method: 'DELETE',
			path: `${API}/products/901`,
			query: { force: 'true' },
			body: undefined,
		},
		// WCFM answers with the deleted product: kept whole beside our own fields
		reply: shirt,
		output: [{ deleted: true, id: 901, response: shirt }],
	},
	{
		resource: 'product',
		operation: 'quickEdit',
		parameters: {
			productId: byId('901'),
			productType: 'variable',
			quickEditFields: { regular_price: '21.00', stock_quantity: 7, in_stock: true },
		},
		request: {
			method: 'PUT',
			path: `${API}/products/quick-edit/901/`,
			query: {},
			body: { type: 'variable', regular_price: '21.00', stock_quantity: 7, in_stock: true },
		},
		reply: shirt,
		output: [shirt],
	},
	{
		resource: 'product',
		operation: 'getVariations',
		parameters: { productId: byId('901'), limit: 2 },
		request: { method: 'GET', path: `${API}/products/901/variations/`, query: {}, body: undefined },
		reply: { variations, attributes: [{ name: 'Size' }] },
		output: variations.slice(0, 2),
	},
	{
		resource: 'product',
		operation: 'createVariation',
		parameters: {
			productId: byId('901'),
			attributesUi: { attributesValues: [{ id: 0, name: 'Size', option: 'M' }] },
			additionalFields: {
				regularPrice: '19.99',
				manageStock: true,
				stockQuantity: 3,
				enabled: true,
				sku: 'LS-1-M',
				imageId: 300,
			},
		},
		request: {
			method: 'POST',
			path: `${API}/products/901/variations/`,
			query: {},
			body: {
				attributes: [{ id: 0, name: 'Size', option: 'M' }],
				regular_price: '19.99',
				manage_stock: true,
				stock_quantity: 3,
				status: 'publish',
				sku: 'LS-1-M',
				image: { id: 300 },
			},
		},
		reply: { id: 77, sku: 'LS-1-M' },
		output: [{ id: 77, sku: 'LS-1-M' }],
	},
	{
		resource: 'product',
		operation: 'updateVariation',
		parameters: {
			productId: byId('901'),
			variationId: '77',
			attributesUi: { attributesValues: [{ id: 0, name: 'Size', option: 'M' }] },
			updateFields: { salePrice: '17.50', manageStock: false, enabled: false },
		},
		request: {
			method: 'PUT',
			path: `${API}/products/901/variations/77/`,
			query: {},
			body: {
				attributes: [{ id: 0, name: 'Size', option: 'M' }],
				sale_price: '17.50',
				status: 'private',
			},
		},
		reply: { id: 77, sale_price: '17.50' },
		output: [{ id: 77, sale_price: '17.50' }],
	},
	{
		resource: 'product',
		operation: 'deleteVariation',
		parameters: { productId: byId('901'), variationId: '77' },
		request: {
			method: 'DELETE',
			path: `${API}/products/901/variations/77/`,
			query: { force: 'true' },
			body: undefined,
		},
		reply: { product_id: 901, variation_id: 77 },
		output: [
			{
				deleted: true,
				productId: 901,
				variationId: 77,
				response: { product_id: 901, variation_id: 77 },
			},
		],
	},
	{
		resource: 'order',
		operation: 'get',
		parameters: { orderId: byId('5694447') },
		request: { method: 'GET', path: `${API}/orders/5694447`, query: {}, body: undefined },
		reply: order(5694447),
		output: [order(5694447)],
	},
	{
		resource: 'order',
		operation: 'getMany',
		parameters: {
			returnAll: true,
			filters: { after: '2026-11-01T00:00:00', before: '2026-11-30T23:59:59' },
			sort: { orderby: 'created', order: 'asc' },
		},
		request: {
			method: 'GET',
			path: `${API}/orders/`,
			query: {
				per_page: '100',
				page: '1',
				after: '2026-11-01T00:00:00',
				before: '2026-11-30T23:59:59',
				orderby: 'created',
				order: 'asc',
			},
			body: undefined,
		},
		reply: [order(1), order(2)],
		nextPages: [
			{ query: { per_page: '2', page: '2' }, reply: [] },
			{ query: {}, reply: [order(1), order(2)] },
			{ query: { per_page: '2', page: '2' }, reply: [] },
		],
		output: [order(1), order(2)],
	},
	{
		resource: 'order',
		operation: 'updateStatus',
		parameters: { orderId: byId('5694447'), status: 'completed' },
		request: {
			method: 'PUT',
			path: `${API}/orders/5694447`,
			query: {},
			body: { status: 'completed' },
		},
		reply: order(5694447, { status: 'completed' }),
		output: [order(5694447, { status: 'completed' })],
	},
	{
		resource: 'order',
		operation: 'getNotes',
		parameters: { orderId: byId('5694447'), returnAll: true },
		request: { method: 'GET', path: `${API}/orders/note/5694447`, query: {}, body: undefined },
		reply: notes,
		output: notes,
	},
	{
		resource: 'order',
		operation: 'addNote',
		parameters: { orderId: byId('5694447'), note: 'Shipped today', noteType: 'customer' },
		request: {
			method: 'PUT',
			path: `${API}/orders/note/5694447`,
			query: {},
			body: { note: 'Shipped today', note_type: 'customer' },
		},
		reply: notes,
		output: [notes[0]],
	},
	{
		resource: 'order',
		operation: 'addNote',
		title: 'another note added at the same moment: the one with this text',
		parameters: { orderId: byId('5694447'), note: 'Shipped today', noteType: 'customer' },
		request: {
			method: 'PUT',
			path: `${API}/orders/note/5694447`,
			query: {},
			body: { note: 'Shipped today', note_type: 'customer' },
		},
		reply: [
			{ id: 13, note: 'Refund requested', customer_note: false },
			{ ...notes[0], note: 'Shipped today' },
		],
		output: [{ ...notes[0], note: 'Shipped today' }],
	},
	{
		resource: 'order',
		operation: 'addShipmentTracking',
		parameters: {
			orderId: byId('5694447'),
			productId: '5694269',
			itemId: '1226',
			additionalFields: { tracking_code: 'TRK1', tracking_url: 'https://track.example/TRK1' },
		},
		request: {
			method: 'PUT',
			path: `${API}/orders/shipment_tracking/`,
			query: {},
			body: {
				order_id: '5694447',
				product_id: '5694269',
				item_id: '1226',
				tracking_code: 'TRK1',
				tracking_url: 'https://track.example/TRK1',
			},
		},
		reply: {
			order_id: 5694447,
			order_status: 'processing',
			tracking_data: { wcfm_tracking_code: 'TRK1' },
		},
		output: [
			{
				order_id: 5694447,
				order_status: 'processing',
				tracking_data: { wcfm_tracking_code: 'TRK1' },
			},
		],
	},
	{
		resource: 'notification',
		operation: 'getMany',
		parameters: {
			returnAll: true,
			filters: { notification_status: 'read', notification_type: 'order' },
			sort: { orderby: 'created', order: 'asc' },
		},
		request: {
			method: 'GET',
			path: `${API}/notifications/`,
			query: {
				per_page: '100',
				page: '1',
				notification_status: 'read',
				notification_type: 'order',
				orderby: 'created',
				order: 'asc',
			},
			body: undefined,
		},
		reply: [notification2170],
		nextPages: [
			{ query: { per_page: '1', page: '2' }, reply: [] },
			{ query: {}, reply: [notification2170] },
			{ query: { per_page: '1', page: '2' }, reply: [] },
		],
		output: [
			{
				ID: '2170',
				message: 'You have received an Order #5694447',
				message_type: 'order',
				created: '2020-07-09 17:32:30',
			},
		],
	},
	{
		resource: 'booking',
		operation: 'get',
		parameters: { bookingId: byId('31') },
		request: { method: 'GET', path: `${API}/bookings/31`, query: {}, body: undefined },
		reply: booking,
		output: [booking],
	},
	{
		resource: 'booking',
		operation: 'getMany',
		parameters: {
			limit: 10,
			filters: {
				booking_status: 'paid',
				booking_filter: '5',
				search: 'Ada',
				after: '2026-12-01T00:00:00',
				before: '2026-12-31T00:00:00',
			},
		},
		request: {
			method: 'GET',
			path: `${API}/bookings/`,
			query: {
				per_page: '10',
				page: '1',
				booking_status: 'paid',
				booking_filter: '5',
				search: 'Ada',
				after: '2026-12-01T00:00:00',
				before: '2026-12-31T00:00:00',
			},
			body: undefined,
		},
		reply: [booking],
		nextPages: [
			{ query: { per_page: '1', page: '2' }, reply: [] },
			{ query: {}, reply: [booking] },
			{ query: { per_page: '1', page: '2' }, reply: [] },
		],
		output: [booking],
	},
	{
		resource: 'booking',
		operation: 'update',
		title: 'dates given as instants are read in the workflow’s time zone',
		timezone: 'Europe/Paris',
		parameters: {
			bookingId: byId('31'),
			start: '2026-12-24T08:30:00.000Z',
			end: '2026-12-24T11:00:00',
			allDay: false,
		},
		request: {
			method: 'PUT',
			path: `${API}/bookings/31`,
			query: {},
			body: {
				start_date: '2026-12-24',
				start_time: '09:30',
				end_date: '2026-12-24',
				end_time: '11:00',
				all_day: false,
			},
		},
		reply: booking,
		output: [booking],
	},
	{
		resource: 'booking',
		operation: 'updateStatus',
		parameters: { bookingId: byId('31'), status: 'cancelled' },
		request: {
			method: 'PUT',
			path: `${API}/bookings/update-status/31`,
			query: {},
			body: { status: 'cancelled' },
		},
		reply: { ...booking, status: 'cancelled' },
		output: [{ ...booking, status: 'cancelled' }],
	},
	{
		resource: 'delivery',
		operation: 'getMany',
		parameters: {
			returnAll: true,
			filters: { delivery_status: 'pending', wcfm_delivery_boy: '12' },
		},
		request: {
			method: 'GET',
			path: `${API}/deliveries`,
			query: { per_page: '100', page: '1', delivery_status: 'pending', wcfm_delivery_boy: '12' },
			body: undefined,
		},
		// WCFM skips deliveries of deleted orders, so its PHP array arrives as an object keyed "0", "2".
		reply: { '0': delivery, '2': { ...delivery, delivery_id: '57' } },
		nextPages: [
			{ query: { per_page: '2', page: '2' }, reply: [] },
			{ query: {}, reply: { '0': delivery, '2': { ...delivery, delivery_id: '57' } } },
			{ query: { per_page: '2', page: '2' }, reply: [] },
		],
		output: [delivery, { ...delivery, delivery_id: '57' }],
	},
	{
		resource: 'delivery',
		operation: 'get',
		parameters: { deliveryId: fromList('55') },
		request: { method: 'GET', path: `${API}/deliveries/55`, query: {}, body: undefined },
		reply: delivery,
		output: [delivery],
	},
	{
		resource: 'delivery',
		operation: 'updateStatus',
		title: 'several IDs, merged into one reply',
		parameters: { deliveryId: byId('55, 56') },
		request: { method: 'POST', path: `${API}/deliveries/55,56`, query: {}, body: undefined },
		reply: [{ ...delivery, delivery_id: '55,56', delivery_status: 'delivered' }],
		output: [{ ...delivery, delivery_id: '55,56', delivery_status: 'delivered' }],
	},
	{
		resource: 'delivery',
		operation: 'updateStatus',
		title: 'several IDs, answered one delivery each: none dropped',
		parameters: { deliveryId: byId('55, 56') },
		request: { method: 'POST', path: `${API}/deliveries/55,56`, query: {}, body: undefined },
		reply: [
			{ ...delivery, delivery_status: 'delivered' },
			{ ...delivery, delivery_id: '56', delivery_status: 'delivered' },
		],
		output: [
			{ ...delivery, delivery_status: 'delivered' },
			{ ...delivery, delivery_id: '56', delivery_status: 'delivered' },
		],
	},
];

describe('Gigrove › every operation sends its exact request and outputs paired items', () => {
	it.each(
		cases.map((entry) => [
			`${entry.resource} › ${entry.operation}${entry.title ? ` (${entry.title})` : ''}`,
			entry,
		]),
	)('%s', async (_name, entry) => {
		const {
			resource,
			operation,
			parameters,
			request,
			reply,
			nextPages = [],
			output,
			timezone,
		} = entry as Case;
		const recorded = stub(request.method, request.path, [
			{ body: reply },
			...nextPages.map((next) => ({ body: next.reply })),
		]);

		const { items, error } = await runGigrove({ resource, operation, ...parameters }, [{}], {
			timezone,
		});

		expect(error).toBeUndefined();
		const sent = { ...request, authorization: `Bearer ${TOKEN}` };
		expect(recorded).toEqual([
			sent,
			...nextPages.map((next) => ({ ...sent, query: { ...sent.query, ...next.query } })),
		]);
		expect(items).toEqual(output.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('covers every operation the node offers', () => {
		const tested = new Set(cases.map(({ resource, operation }) => `${resource} › ${operation}`));
		expect(offeredOperations('gigrove').filter((name) => !tested.has(name))).toEqual([]);
	});
});
