import { dateKeyOptions, pagingOptions } from '../../nodes/Valigara/actions/listOptions';
import { GUESSES } from '../../nodes/Valigara/guesses';
import * as fs from 'fs';
import * as path from 'path';
import type { IAuthenticate, IHttpRequestOptions, INodeProperties, INodeType } from 'n8n-workflow';

import { ValigaraApi } from '../../credentials/ValigaraApi.credentials';
import { Valigara } from '../../nodes/Valigara/Valigara.node';
import { runNode } from '../kit/engine';
import { ACCESS_KEY, expectedRequest, valigaraApi } from './fixtures';

const nodeFolder = path.resolve(__dirname, '../../nodes/Valigara');

describe('Valigara › credential', () => {
	const credential = new ValigaraApi();

	it('keeps the access key in a password field and defaults the base URL to the documented endpoint', () => {
		const [accessKey, baseUrl] = credential.properties;
		expect(accessKey).toMatchObject({
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
		});
		expect(baseUrl).toMatchObject({
			name: 'baseUrl',
			default: 'https://api.valigara.com/client/V1/',
		});
	});

	it('adds the key as the `auth` query parameter, beside the query the request has', async () => {
		const authenticate = credential.authenticate as IAuthenticate &
			((...args: unknown[]) => Promise<IHttpRequestOptions>);
		const credentials = { apiKey: ACCESS_KEY, baseUrl: 'https://api.valigara.com/client/V1/' };
		expect(
			await authenticate(credentials, {
				url: '/',
				method: 'POST',
				qs: { action: 'product_export' },
			}),
		).toEqual({
			url: '/',
			method: 'POST',
			qs: { action: 'product_export', auth: ACCESS_KEY },
		});
		expect(await authenticate(credentials, { url: '/' })).toEqual({
			url: '/',
			qs: { auth: ACCESS_KEY },
		});
	});

	it('tests the key with product_listfields and reads the refusals Valigara sends with HTTP 200', () => {
		expect(credential.test.request).toEqual({
			baseURL: '={{$credentials.baseUrl}}',
			url: '/',
			qs: { action: 'product_listfields' },
		});
		const refused = (credential.test.rules ?? []).map(
			(rule) => (rule.properties as { value: unknown }).value,
		);
		for (const code of [101, 102, 103, 105, 200]) {
			expect(refused).toContain(code);
			expect(refused).toContain(String(code));
		}
		expect(refused).not.toContain(100);
	});

	it('has a documentation link and light and dark icons that exist and differ', () => {
		expect(credential.documentationUrl).toMatch(/^https:\/\/www\.valigara\.com\//);
		const icon = credential.icon as { light: string; dark: string };
		const light = path.resolve(__dirname, '../../credentials', icon.light.replace('file:', ''));
		const dark = path.resolve(__dirname, '../../credentials', icon.dark.replace('file:', ''));
		expect(fs.readFileSync(light, 'utf8')).not.toBe(fs.readFileSync(dark, 'utf8'));
	});

	it('works with a base URL typed without the trailing slash', async () => {
		const { requests, scope } = valigaraApi({ data: { product_id: 1 } });

		await runNode(
			{
				type: 'valigara',
				credentials: {
					valigaraApi: { apiKey: ACCESS_KEY, baseUrl: 'https://api.valigara.com/client/V1' },
				},
				parameters: { resource: 'product', operation: 'export', productId: '1' },
			},
			[{}],
		);

		scope.done();
		expect(requests).toEqual([expectedRequest('product_export', { product_id: 1 })]);
	});
});

describe('Valigara › node description', () => {
	const { description } = new Valigara() as INodeType;

	it('is usable as a tool, with a subtitle, themed icons and one main input and output', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toBe(
			'={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		);
		expect(description.icon).toEqual({
			light: 'file:valigara.svg',
			dark: 'file:valigara.dark.svg',
		});
		expect(fs.readFileSync(path.join(nodeFolder, 'valigara.svg'), 'utf8')).not.toBe(
			fs.readFileSync(path.join(nodeFolder, 'valigara.dark.svg'), 'utf8'),
		);
		expect(description.inputs).toEqual(['main']);
		expect(description.outputs).toEqual(['main']);
		expect(description.credentials).toEqual([{ name: 'valigaraApi', required: true }]);
	});

	it('has a codex with categories and documentation links', () => {
		const codex = JSON.parse(fs.readFileSync(path.join(nodeFolder, 'Valigara.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-commerce-pack.valigara');
		expect(codex.categories).toEqual(['Sales', 'Data & Storage']);
		expect(codex.resources.primaryDocumentation.length).toBeGreaterThan(0);
		expect(codex.resources.credentialDocumentation.length).toBeGreaterThan(0);
	});

	it('offers the operations of the issue: Product 13, Gemstone 5, Order 4', () => {
		const operationsOf = (resource: string) =>
			(
				description.properties.find(
					(property: INodeProperties) =>
						property.name === 'operation' &&
						property.displayOptions?.show?.resource?.[0] === resource,
				)?.options ?? []
			).map((option) => ('name' in option ? option.name : ''));
		expect(operationsOf('product')).toEqual([
			'Delete',
			'Export',
			'Export Many',
			'Get Listing Accounts',
			'Import',
			'List Fields',
			'List Post Templates',
			'Post to Channels',
			'Report Sold',
			'Revise Inventory on Channels',
			'Search',
			'Update',
			'Update Listings',
		]);
		expect(operationsOf('gemstone')).toEqual([
			'Delete',
			'Import',
			'List Fields',
			'Search',
			'Update',
		]);
		expect(operationsOf('order')).toEqual([
			'Export Clients',
			'Export Orders',
			'Set Separate Tracking Numbers',
			'Set Tracking Number',
		]);
	});

	it('lets every operation send raw JSON', () => {
		const operations = description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options ?? []).map((option) => ({
					resource: property.displayOptions?.show?.resource?.[0],
					operation: 'value' in option ? option.value : '',
				})),
			);
		const withJson = description.properties.filter((property) => property.name === 'dataJson');
		for (const { resource, operation } of operations) {
			const shown = withJson.some(
				(property) =>
					property.displayOptions?.show?.resource?.includes(resource as string) &&
					property.displayOptions?.show?.operation?.includes(operation as string),
			);
			expect({ resource, operation, shown }).toEqual({ resource, operation, shown: true });
		}
		expect(operations.length).toBeGreaterThan(0);
	});
});

describe('Valigara › the guesses of undocumented behaviour', () => {
	it('the paging and date-key options default to the one table of guesses (nodes/Valigara/guesses.ts)', () => {
		// n8n's lint wants literal defaults in the options: they must not drift from the table
		const defaults = Object.fromEntries(
			[...pagingOptions, ...dateKeyOptions].map((option) => [option.name, option.default]),
		);
		expect(defaults).toEqual({
			pageKey: GUESSES.paging.pageKey,
			limitKey: GUESSES.paging.limitKey,
			pageSize: GUESSES.paging.pageSize,
			dateFromKey: GUESSES.dateKeys.from,
			dateToKey: GUESSES.dateKeys.to,
		});
	});
});
