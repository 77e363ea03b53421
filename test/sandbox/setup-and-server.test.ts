import type { INodeExecutionData, INodeProperties, INodeType } from 'n8n-workflow';

import { PACKAGE_NAME, credentialTypes, nodeTypes } from '../kit/registry';
import {
	KEYS,
	call,
	exampleWorkflows,
	runWorkflow,
	sandboxCredentials,
	useSandbox,
} from './sandbox-kit';

const sandbox = useSandbox();

describe('scripts/sandbox-setup.js', () => {
	it('gives one credential per service, its Base URL on the sandbox, in the shape n8n imports', () => {
		const credentials = sandboxCredentials('http://127.0.0.1:5680/');
		expect(credentials.map((c) => c.type).sort()).toEqual(Object.keys(credentialTypes).sort());
		for (const credential of credentials) {
			expect(credential.id.length).toBeLessThanOrEqual(16);
			expect(credential.name).toMatch(/\(sandbox\)$/);
			// every field the data sets is a field of the credential type
			const fields = credentialTypes[credential.type].properties.map((property) => property.name);
			expect(Object.keys(credential.data).filter((key) => !fields.includes(key))).toEqual([]);
		}
		const baseUrls = Object.fromEntries(credentials.map((c) => [c.type, c.data.baseUrl]));
		expect(baseUrls).toEqual({
			valigaraApi: 'http://127.0.0.1:5680/valigara/client/V1/',
			vanillaEshopApi: 'http://127.0.0.1:5680/vanilla',
			gigroveApi: 'http://127.0.0.1:5680/gigrove/api/request/v1/',
			guaranteedReviewsApi: 'http://127.0.0.1:5680/guaranteed-reviews',
		});
		expect(credentials.find((c) => c.type === 'gigroveApi')?.data.tokenUrl).toBe(
			'http://127.0.0.1:5680/gigrove/api/wp/v2/token',
		);
	});

	it('gives one example per node, with real node types, parameter names and credential references', () => {
		const workflows = exampleWorkflows();
		const credentials = sandboxCredentials('http://127.0.0.1:5680');
		const ours = Object.keys(nodeTypes)
			.map((type) => type.replace(`${PACKAGE_NAME}.`, ''))
			.sort();
		const used = workflows
			.flatMap((w) => w.nodes.map((n) => n.type))
			.filter((t) => t.startsWith(`${PACKAGE_NAME}.`));
		expect([...new Set(used.map((type) => type.replace(`${PACKAGE_NAME}.`, '')))].sort()).toEqual(
			ours,
		);

		for (const workflow of workflows) {
			expect(workflow.id.length).toBeLessThanOrEqual(16);
			expect(workflow).toMatchObject({
				active: false,
				settings: expect.any(Object),
				connections: expect.any(Object),
			});
			for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`))) {
				const type = nodeTypes[node.type] as INodeType;
				const names = new Set([
					...type.description.properties.map((p: INodeProperties) => p.name),
					...(type.description.polling ? ['pollTimes'] : []),
				]);
				expect({
					node: node.name,
					unknown: Object.keys(node.parameters).filter((name) => !names.has(name)),
				}).toEqual({ node: node.name, unknown: [] });
				for (const [credentialType, reference] of Object.entries(node.credentials ?? {})) {
					expect(credentials).toContainEqual(
						expect.objectContaining({
							type: credentialType,
							id: reference.id,
							name: reference.name,
						}),
					);
				}
			}
		}
	});

	// Every example workflow that starts from the Manual Trigger runs green against the sandbox.
	it.each(
		exampleWorkflows()
			.filter((w) => w.nodes[0].type === 'n8n-nodes-base.manualTrigger')
			.map((w) => [w.name, w] as const),
	)('%s runs green, every node once', async (_, workflow) => {
		const credentials = Object.fromEntries(
			sandboxCredentials(sandbox.current.baseUrl).map((c) => [c.type, c.data]),
		);
		const run = await runWorkflow(workflow, credentials);
		expect(run.data.resultData.error).toBeUndefined();
		const runData = run.data.resultData.runData;
		for (const node of workflow.nodes) {
			const task = runData[node.name]?.[0];
			expect({ node: node.name, ran: Boolean(task), error: task?.error?.message }).toEqual({
				node: node.name,
				ran: true,
				error: undefined,
			});
			const items = (task?.data?.main?.[0] ?? []) as INodeExecutionData[];
			expect({
				node: node.name,
				errorItems: items.filter((item) => item.json.error !== undefined).length,
			}).toEqual({ node: node.name, errorItems: 0 });
		}
		// at least one request per node: the chain really reached the sandbox (lists may read on:
		// a short first page may have been cut, shared/pagination.ts and nodes/Valigara/lists.ts)
		expect(sandbox.current.log().length).toBeGreaterThanOrEqual(workflow.nodes.length - 1);
		// and again: a second run must not trip over what the first one created
		const second = await runWorkflow(workflow, credentials);
		expect(second.data.resultData.error).toBeUndefined();
	});
});

describe('sandbox/server.js', () => {
	it('listens on 127.0.0.1 only and answers unknown paths with a pointer to the control index', async () => {
		expect(sandbox.current.baseUrl).toBe(`http://127.0.0.1:${sandbox.current.port}`);
		const lost = await call(`${sandbox.current.baseUrl}/shopify/admin`, 'GET');
		expect(lost.status).toBe(404);
		const index = await call(sandbox.current.urls.control, 'GET');
		expect(index.json.services).toEqual(sandbox.current.urls);
		expect(index.json.routes).toEqual(
			expect.arrayContaining([
				'POST /_control/valigara/orders',
				'POST /_control/gigrove/orders',
				'POST /_control/gigrove/notifications',
				'POST /_control/reset',
			]),
		);
	});

	it('keeps a request log with every secret replaced, readable and clearable over HTTP', async () => {
		const { valigara, vanillaEshop, gigrove, guaranteedReviews, control } = sandbox.current.urls;
		await fetch(`${valigara}?auth=${KEYS.valigara.accessKey}&action=product_search`);
		await fetch(`${vanillaEshop}/v1/in/order/500000`, {
			headers: { [KEYS.vanillaEshop.headerName]: KEYS.vanillaEshop.headerValue },
		});
		await fetch(`${gigrove}notifications/`, {
			headers: { Authorization: `Bearer ${KEYS.gigrove.deliveryToken}` },
		});
		await fetch(
			`${guaranteedReviews}/private/v3/stats?api_key=${encodeURIComponent(KEYS.guaranteedReviews.privateKey)}`,
		);
		// a wrong key is still a key
		await fetch(`${valigara}?auth=almost-the-key&action=product_search`);

		const log = await call(`${control}log`, 'GET');
		const entries = log.json.entries as Array<{ service: string }>;
		expect(entries.map((entry) => entry.service)).toEqual([
			'valigara',
			'vanilla-eshop',
			'gigrove',
			'guaranteed-reviews',
			'valigara',
		]);
		const text = JSON.stringify(entries);
		for (const secret of [
			KEYS.valigara.accessKey,
			KEYS.vanillaEshop.headerValue,
			KEYS.gigrove.deliveryToken,
			KEYS.guaranteedReviews.privateKey,
			'almost-the-key',
		]) {
			expect(text).not.toContain(secret);
		}
		expect(
			((await call(`${control}log?service=gigrove`, 'GET')).json.entries as unknown[]).length,
		).toBe(1);

		await call(`${control}log`, 'DELETE');
		expect((await call(`${control}log`, 'GET')).json.entries).toEqual([]);
	});

	it('reset brings the seed back', async () => {
		const { control, valigara } = sandbox.current.urls;
		await call(`${control}valigara/orders`);
		const count = async () => {
			const reply = await fetch(`${valigara}?auth=${KEYS.valigara.accessKey}&action=orders_export`);
			return ((await reply.json()) as { data: unknown[] }).data.length;
		};
		expect(await count()).toBe(5);
		expect((await call(`${control}reset`)).json).toEqual({ reset: true });
		expect(await count()).toBe(4);
	});
});
