import type { INodeParameters } from 'n8n-workflow';

import { Valigara } from '../../nodes/Valigara/Valigara.node';
import { runValigara, valigaraApi } from './fixtures';

/** Bad input is caught before any request, naming the field (as labelled) and the item. */
const cases: Array<{ title: string; parameters: INodeParameters; message: string }> = [
	{
		title: 'an empty product ID',
		parameters: { resource: 'product', operation: 'export', productId: '   ' },
		message: 'Invalid input: "Product" must not be empty [item 0]',
	},
	{
		title: 'no product IDs',
		parameters: { resource: 'product', operation: 'delete', productIds: ' , ' },
		message: 'Invalid input: "Product IDs" must hold at least one ID [item 0]',
	},
	{
		title: 'an empty ID in an expression’s list',
		parameters: {
			resource: 'product',
			operation: 'reviseInventory',
			productIds: '={{ [501, ""] }}',
		},
		message: 'Invalid input: "Product IDs (#2)" must not be empty [item 0]',
	},
	{
		title: 'an empty gemstone ID',
		parameters: {
			resource: 'gemstone',
			operation: 'update',
			gemstoneId: '={{ $json.missing }}',
			updateFields: { title: 'x' },
		},
		message: 'Invalid input: "Gemstone" is required [item 0]',
	},
	{
		title: 'an empty order ID',
		parameters: {
			resource: 'order',
			operation: 'setTrackingNumber',
			orderId: '={{ "" }}',
			trackingNumber: '1Z',
		},
		message: 'Invalid input: "Order" must not be empty [item 0]',
	},
	{
		title: 'an empty tracking number',
		parameters: {
			resource: 'order',
			operation: 'setTrackingNumber',
			orderId: '9001',
			trackingNumber: ' ',
		},
		message: 'Invalid input: "Tracking Number" must not be empty [item 0]',
	},
	{
		title: 'no per-item tracking numbers',
		parameters: { resource: 'order', operation: 'setSeparateTrackingNumbers', orderId: '9001' },
		message: 'Invalid input: "Tracking Numbers" is required [item 0]',
	},
	{
		title: 'an empty order item ID',
		parameters: {
			resource: 'order',
			operation: 'setSeparateTrackingNumbers',
			orderId: '9001',
			trackingNumbers: { item: [{ item_id: '={{ "" }}', tracking_number: 'A1' }] },
		},
		message: 'Invalid input: "Tracking Numbers › Order Item ID (#1)" is required [item 0]',
	},
	{
		title: 'a sold quantity of 0',
		parameters: { resource: 'product', operation: 'reportSold', productId: '501', quantitySold: 0 },
		message: 'Invalid input: "Quantity Sold" must be 1 or more [item 0]',
	},
	{
		title: 'an import without any field',
		parameters: { resource: 'product', operation: 'import' },
		message: 'Invalid input: "Product Fields" must hold at least one field [item 0]',
	},
	{
		title: 'an update without any change',
		parameters: { resource: 'product', operation: 'update', productId: '501' },
		message: 'Invalid input: "Update Fields" must hold at least one field to change [item 0]',
	},
	{
		title: 'an image that is not a URL',
		parameters: {
			resource: 'product',
			operation: 'import',
			images: { image: [{ url: 'ring.jpg' }] },
		},
		message: 'Invalid input: "Images › URL (#1)" must be a URL [item 0]',
	},
	{
		title: 'a metal without a name',
		parameters: {
			resource: 'product',
			operation: 'import',
			metals: { metal: [{ name: ' ', purity: '14K' }] },
		},
		message: 'Invalid input: "Metals › Name (#1)" must not be empty [item 0]',
	},
	{
		title: 'an array action left empty',
		parameters: {
			resource: 'product',
			operation: 'update',
			productId: '501',
			updateFields: { price: 1 },
			arrayActions: { metals: '' },
		},
		message: 'Invalid input: "Array Actions › Metals" must not be empty [item 0]',
	},
	{
		title: 'a gemstone code too long',
		parameters: {
			resource: 'gemstone',
			operation: 'import',
			title: 'Ruby',
			code: 'R'.repeat(21),
			type: 'Ruby',
		},
		message: 'Invalid input: "Code" must be at most 20 characters [item 0]',
	},
	{
		title: 'a gemstone code with a space',
		parameters: {
			resource: 'gemstone',
			operation: 'import',
			title: 'Ruby',
			code: 'RB 01',
			type: 'Ruby',
		},
		message: 'Invalid input: "Code" may only hold letters A–Z, digits, - _ and . [item 0]',
	},
	{
		title: 'a gemstone without a title',
		parameters: {
			resource: 'gemstone',
			operation: 'import',
			title: '={{ " " }}',
			code: 'RB-01',
			type: 'Ruby',
		},
		message: 'Invalid input: "Title" must not be empty [item 0]',
	},
	{
		title: 'a date filter that is not a date',
		parameters: {
			resource: 'order',
			operation: 'exportOrders',
			filters: { date_from: 'last tuesday' },
		},
		message: 'Invalid input: "Filters › From Date" must be a date [item 0]',
	},
	{
		title: 'an action name override with a space',
		parameters: {
			resource: 'order',
			operation: 'exportOrders',
			options: { actionName: 'orders export' },
		},
		message: 'Invalid input: "Action Name" may only hold letters, digits and _ . - [item 0]',
	},
	{
		title: 'JSON that does not parse',
		parameters: {
			resource: 'product',
			operation: 'import',
			dataMode: 'json',
			dataJson: '{"title": "x",}',
		},
		message: '"Data (JSON)" is not valid JSON [item 0]',
	},
	{
		title: 'empty JSON for an action that needs data',
		parameters: { resource: 'product', operation: 'update', dataMode: 'json', dataJson: '{}' },
		message: '"Data (JSON)" must not be empty [item 0]',
	},
	{
		title: 'JSON that is neither object nor list',
		parameters: {
			resource: 'product',
			operation: 'reportSold',
			dataMode: 'json',
			dataJson: '"501"',
		},
		message: 'Invalid input: "Data (JSON)" must be a JSON object or list [item 0]',
	},
	{
		title: 'an other field without a name',
		parameters: {
			resource: 'product',
			operation: 'import',
			productFields: { title: 'x' },
			otherFields: { field: [{ name: '', value: 'v' }] },
		},
		message: '"Other Fields › Name" must not be empty [item 0]',
	},
	{
		title: 'an other field that repeats a named one',
		parameters: {
			resource: 'product',
			operation: 'import',
			productFields: { title: 'x' },
			otherFields: { field: [{ name: 'title', value: 'y' }] },
		},
		message: '"Other Fields" sets "title" twice [item 0]',
	},
];

describe('Valigara › input checked before any request', () => {
	it.each(cases)('$title', async ({ parameters, message }) => {
		const { requests } = valigaraApi({ data: {} });

		const { error } = await runValigara(parameters);

		expect(error?.message).toBe(message);
		expect(requests).toEqual([]);
	});

	it('names the item that is wrong', async () => {
		const { requests } = valigaraApi({ data: { product_id: 1 } });

		const { error } = await runValigara(
			{ resource: 'product', operation: 'export', productId: '={{ $json.id }}' },
			[{ id: '1' }, { id: '' }],
		);

		expect(error?.message).toBe('Invalid input: "Product" must not be empty [item 1]');
		// several items go to products_export together: every ID is checked before the first request
		expect(requests).toHaveLength(0);
	});

	it('lists every problem in the description', async () => {
		valigaraApi({ data: {} });

		const { error } = await runValigara({
			resource: 'product',
			operation: 'import',
			productFields: { quantity: 1.5 },
			images: { image: [{ url: 'x' }] },
		});

		expect(error?.message).toBe(
			'Invalid input: "Product Fields › Quantity" must be a whole number [item 0]',
		);
		expect(error?.description).toBe(
			'"Product Fields › Quantity" must be a whole number\n"Images › URL (#1)" must be a URL',
		);
	});
});

/** Each operation, and whether the panel marks its "Data (JSON)" required. */
function dataJsonFields(): Array<{ resource: string; operation: string; required: boolean }> {
	const { properties } = new Valigara().description;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options ?? []).map((option) => {
				const resource = property.displayOptions?.show?.resource?.[0] as string;
				const operation = (option as { value: string }).value;
				const field = properties.find(
					(candidate) =>
						candidate.name === 'dataJson' &&
						candidate.displayOptions?.show?.resource?.includes(resource) &&
						candidate.displayOptions?.show?.operation?.includes(operation),
				);
				return { resource, operation, required: field?.required === true };
			}),
		);
}

describe('Valigara › "Data (JSON)" left empty', () => {
	// Valigara's docs: data is optional for searches ("no data" finds everything), mandatory for
	// imports, updates, deletes… (300 Data Not Specified). The panel must say what the node does.
	it.each(dataJsonFields())(
		'$resource › $operation: refused if the panel marks it required, else sent as no data',
		async ({ resource, operation, required }) => {
			for (const dataJson of ['', '{}']) {
				const { requests } = valigaraApi({ data: [] }, { data: [] });

				const { error } = await runValigara({ resource, operation, dataMode: 'json', dataJson });

				// searches and exports send only the paging keys; an empty first page is asked again without them
				// (a service could take them as filters: nodes/Valigara/lists.ts)
				const paged = ['search', 'exportOrders', 'exportClients'].includes(operation);
				if (required) {
					expect({ dataJson, error: error?.message, requests }).toEqual({
						dataJson,
						error: '"Data (JSON)" must not be empty [item 0]',
						requests: [],
					});
				} else {
					expect({
						dataJson,
						error: error?.message,
						requests: requests.map((request) => request.data),
					}).toEqual({
						dataJson,
						error: undefined,
						requests: paged ? [{ page: 1, limit: 50 }, undefined] : [undefined],
					});
				}
			}
		},
	);

	it('is optional on the searches and exports, and on the actions without data, only', () => {
		const optional = dataJsonFields()
			.filter(({ required }) => !required)
			.map(({ resource, operation }) => `${resource} › ${operation}`);
		expect(optional).toEqual([
			'product › getListingAccounts',
			'product › listFields',
			'product › listPostTemplates',
			'product › search',
			'gemstone › listFields',
			'gemstone › search',
			'order › exportClients',
			'order › exportOrders',
		]);
	});
});
