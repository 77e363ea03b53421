'use strict';
// Part 3: the two polling triggers in a running `n8n start`, as a user's active workflow
// (new records, and orders changing status; the Gigrove one feeding Guaranteed Reviews).
//   - each trigger workflow is active at start: the activation poll reads the service and
//     sets the baseline (a request reaches the sandbox, no execution);
//   - new events added through the sandbox's control routes, then deactivate + activate
//     through the public API (n8n polls at once): exactly the new events come through,
//     one execution, each event once;
//   - a manual run of the trigger (the editor's "Fetch test event") returns sample data;
//   - deactivate + activate again: nothing comes through a second time.
// The server is left running in ctx.server for the browser part.

const path = require('node:path');
const rt = require('../../scripts/lib/n8n-runtime');
const { valigaraParams } = require('../expectations');
const { ownType } = require('./execute');
const { sleep, waitUntil, writeArtifact, slug, dig, PROJECT_DIR } = require('../lib/util');

/** The sandbox's Valigara orders, read over HTTP as any client reads them (after `add`'s `since`: not taken for a poll). */
async function valigaraOrders(sandbox) {
	const { KEYS, serviceUrls } = require(path.join(PROJECT_DIR, 'sandbox', 'config.js'));
	const response = await fetch(serviceUrls(sandbox.baseUrl).valigara, {
		method: 'POST',
		body: new URLSearchParams({ auth: KEYS.valigara.accessKey, action: 'orders_export' }),
	});
	return (await response.json()).data;
}

// How to make new events for each trigger and event, and how to know them in the output.
const TRIGGERS = {
	'valigaraTrigger/newOrder': {
		label: 'Valigara Trigger (New Order)',
		service: 'valigara',
		isPoll: (c) => valigaraParams(c).action === 'orders_export',
		add: async (sandbox) => {
			const a = await sandbox.control('valigara/orders', {});
			const b = await sandbox.control('valigara/orders', {});
			return [a.order_id, b.order_id].map(String);
		},
		keyOf: (json) => String(json.order_id),
	},
	'valigaraTrigger/newClient': {
		label: 'Valigara Trigger (New Client)',
		service: 'valigara',
		isPoll: (c) => valigaraParams(c).action === 'clients_export',
		add: async (sandbox) => [String((await sandbox.control('valigara/clients', {})).client_id)],
		keyOf: (json) => String(json.client_id),
	},
	'gigroveTrigger/newNotification': {
		label: 'Gigrove Trigger (New Notification)',
		service: 'gigrove',
		isPoll: (c) => /\/notifications\/?$/.test(c.path),
		add: async (sandbox) => {
			const message = await sandbox.control('gigrove/notifications', {
				message: 'e2e: a question about order 5694447',
				message_type: 'message',
			});
			const order = await sandbox.control('gigrove/orders', {});
			return [String(message.ID), String(order.notification.ID)];
		},
		keyOf: (json) => String(json.ID),
	},
	'valigaraTrigger/orderStatusChanged': {
		label: 'Valigara Trigger (Order Status Changed)',
		service: 'valigara',
		isPoll: (c) => valigaraParams(c).action === 'orders_export',
		// a seeded order shipped, and one created and shipped between two polls (from null)
		add: async (sandbox) => {
			const paid = (await valigaraOrders(sandbox)).find((order) => order.status === 'paid');
			if (!paid) throw new Error('the sandbox has no paid Valigara order to ship');
			await sandbox.control('valigara/orders/status', {
				order_id: paid.order_id,
				status: 'shipped',
			});
			const created = await sandbox.control('valigara/orders', { status: 'shipped' });
			return [String(paid.order_id), String(created.order_id)];
		},
		keyOf: (json) => String(json.order_id),
		statusChange: (key, added) => ({ from: key === added[0] ? 'paid' : null, to: 'shipped' }),
	},
	'gigroveTrigger/orderStatusChanged': {
		label: 'Gigrove Trigger (Order Status Changed) → Guaranteed Reviews',
		service: 'gigrove',
		isPoll: (c) => /\/orders\/?$/.test(c.path),
		// a seeded processing order completed, and one created completed between two polls
		add: async (sandbox) => {
			await sandbox.control('gigrove/orders/status', { id: 5694447, status: 'completed' });
			const created = await sandbox.control('gigrove/orders', { status: 'completed' });
			return ['5694447', String(created.order.id)];
		},
		keyOf: (json) => String(json.id),
		statusChange: (key, added) => ({
			from: key === added[0] ? 'processing' : null,
			to: 'completed',
		}),
		// the next node asked Guaranteed Reviews for a review of each completed order
		next: {
			node: 'Ask for a Review',
			check: (items, added) => {
				const sent = items.map((json) => `${json.orderId} ${json.status}`);
				const want = added.map((id) => `${id} imported`);
				return JSON.stringify(sent) === JSON.stringify(want)
					? []
					: [`Ask for a Review gave ${JSON.stringify(sent)}, want ${JSON.stringify(want)}`];
			},
		},
	},
	'gigroveTrigger/newOrder': {
		label: 'Gigrove Trigger (New Order)',
		service: 'gigrove',
		isPoll: (c) => /\/orders\/?$/.test(c.path),
		add: async (sandbox) => [String((await sandbox.control('gigrove/orders', {})).order.id)],
		keyOf: (json) => String(json.id),
	},
};

const triggerNodeOf = (wf) => wf.nodes.find((n) => /Trigger$/.test(ownType(n) || ''));

async function startWithActiveTriggers(ctx, workflows) {
	const { line, userFolder, report } = ctx;
	const triggerWfs = workflows.filter(triggerNodeOf);
	for (const wf of triggerWfs) {
		await report.check(
			`line ${line} · triggers`,
			`activate ${wf.id} for the next start (${line === '2' ? 'publish:workflow' : 'update:workflow --active=true'})`,
			() =>
				rt.activateWorkflow(line, wf.id, {
					userFolder,
					onRetry: (m) => report.print(`    note: ${m}`),
				}),
		);
	}
	const since = await ctx.sandbox.lastSeq();
	await startServer(ctx);
	return { triggerWfs, sinceStart: since };
}

/** `n8n start` on the line's user folder, left in ctx.server (with the owner's session) for the parts after. */
async function startServer(ctx) {
	const { line, userFolder, report } = ctx;
	const server = await rt.startN8n(line, {
		userFolder,
		logFile: path.join(ctx.artifacts, 'n8n-server.log'),
		// The editor would fetch banners from n8n's site (no internet here): a console error in part 4.
		extra: { N8N_DYNAMIC_BANNERS_ENABLED: 'false' },
		onRetry: (m) => report.print(`    note: ${m}`),
	});
	ctx.cleanups.push(() => server.stop());
	ctx.server = server;
	ctx.session = await rt.ownerSession(server.baseUrl);
}

async function checkTriggers(ctx, workflows) {
	const { triggerWfs, sinceStart } = await startWithActiveTriggers(ctx, workflows);
	for (const wf of triggerWfs) await checkOne(ctx, wf, sinceStart);
}

async function checkOne(ctx, wf, sinceStart) {
	const { line, report, sandbox, server, session } = ctx;
	const node = triggerNodeOf(wf);
	const key = `${ownType(node)}/${node.parameters.event}`;
	const spec = TRIGGERS[key];
	const scope = `line ${line} · triggers › ${spec ? spec.label : key}`;
	if (!spec) {
		report.fail(
			scope,
			'known to the suite',
			`e2e/parts/triggers.js has no events for ${key}: add them`,
		);
		return;
	}
	const api = (method, urlPath, body) =>
		rt
			.restJson(server.baseUrl, method, urlPath, {
				body,
				headers: { 'X-N8N-API-KEY': session.apiKey },
			})
			.then((r) => r.json);
	const productionExecutions = async () => {
		const { data } = await api(
			'GET',
			`/api/v1/executions?workflowId=${wf.id}&includeData=true&limit=100`,
		);
		return data.filter((e) => e.mode !== 'manual');
	};
	const emitted = (executions) =>
		executions.flatMap((e) =>
			(dig(e, 'data', 'resultData', 'runData', node.name, 0, 'data', 'main', 0) || []).map(
				(i) => i.json,
			),
		);
	const saveExecutions = (name, executions) =>
		writeArtifact(ctx.artifacts, `trigger-${slug(wf.id)}-${name}.json`, executions);

	// 1. The activation poll at start set the baseline.
	const baselineOk = await report.check(
		scope,
		'active at start: the activation poll reads the service and emits nothing',
		async () => {
			const problems = [];
			const workflow = await api('GET', `/api/v1/workflows/${wf.id}`);
			if (!workflow.active) problems.push('the workflow is not active after start');
			// 1.x activates before it prints "Editor is now accessible"; 2.x's publication
			// service activates a few seconds after (its outbox): wait for the poll.
			const polls = await waitUntil(
				`activation poll to reach the ${spec.service} stand-in`,
				async () => {
					const found = (await sandbox.log({ service: spec.service, since: sinceStart })).filter(
						spec.isPoll,
					);
					return found.length ? found : null;
				},
				{ timeoutMs: 60000 },
			).catch((err) => {
				problems.push(err.message);
				return [];
			});
			await sleep(1500); // an emitting poll would have started an execution by now
			problems.push(
				...polls
					.filter(
						(c) => c.status >= 400 || (spec.service === 'valigara' && c.reply?.status !== 100),
					)
					.map((c) => `the poll got ${c.status}: ${JSON.stringify(c.reply).slice(0, 200)}`),
			);
			const executions = await productionExecutions();
			if (executions.length) {
				saveExecutions('baseline', executions);
				problems.push(
					`${executions.length} execution(s) at activation, with ${emitted(executions).length} item(s): the baseline poll must emit nothing`,
				);
			}
			return problems;
		},
	);
	if (!baselineOk) return;

	// 2. New events, then deactivate + activate: n8n polls at once.
	let added = [];
	await report.check(
		scope,
		'new events through the control route come through exactly once on the next poll',
		async () => {
			added = await spec.add(sandbox);
			const since = await sandbox.lastSeq();
			await api('POST', `/api/v1/workflows/${wf.id}/deactivate`);
			await api('POST', `/api/v1/workflows/${wf.id}/activate`);
			const executions = await waitUntil(
				'execution of the new events',
				async () => {
					const list = await productionExecutions();
					return list.length > 0 &&
						list.every(
							(e) => (e.finished || ['success', 'error', 'crashed'].includes(e.status)) && e.data,
						)
						? list
						: null;
					// 2.41 activates through its publication outbox, seconds after the API call; on a loaded
					// machine (load 10) 30 s was once not enough. Waiting longer weakens no check below.
				},
				{ timeoutMs: 60000 },
			);
			await sleep(1500); // a second execution, if n8n emitted twice, would show by now
			const all = await productionExecutions();
			saveExecutions('new-events', all);
			const problems = [];
			if (!(await sandbox.log({ service: spec.service, since })).some(spec.isPoll))
				problems.push('activation through the public API sent no poll');
			if (all.length !== 1) problems.push(`${all.length} executions, want 1 (one per poll)`);
			problems.push(
				...all
					.filter((e) => e.status !== 'success')
					.map(
						(e) =>
							`execution ${e.id} ended ${e.status}: ${dig(e, 'data', 'resultData', 'error', 'message') || ''}`,
					),
			);
			const keys = emitted(all).map(spec.keyOf);
			if (JSON.stringify([...keys].sort()) !== JSON.stringify([...added].sort())) {
				problems.push(
					`emitted ${JSON.stringify(keys)}, want exactly the new ${JSON.stringify(added)}`,
				);
			}
			const order = keys.filter((k) => added.includes(k));
			if (JSON.stringify(order) !== JSON.stringify(added))
				problems.push(
					`emitted in the order ${JSON.stringify(order)}, want oldest first ${JSON.stringify(added)}`,
				);
			for (const json of spec.statusChange ? emitted(all) : []) {
				const want = spec.statusChange(spec.keyOf(json), added);
				if (JSON.stringify(json.statusChange) !== JSON.stringify(want))
					problems.push(
						`${spec.keyOf(json)}: statusChange ${JSON.stringify(json.statusChange)}, want ${JSON.stringify(want)}`,
					);
			}
			if (spec.next) {
				const nextItems = all.flatMap((e) =>
					(dig(e, 'data', 'resultData', 'runData', spec.next.node, 0, 'data', 'main', 0) || []).map(
						(i) => i.json,
					),
				);
				problems.push(...spec.next.check(nextItems, added));
			}
			void executions;
			return problems;
		},
	);

	// 3. A manual run of the trigger returns sample data (and changes nothing).
	await report.check(
		scope,
		'manual run of the trigger (Fetch test event) returns sample data',
		async () => {
			const { json: wfJson } = await rt.restJson(
				server.baseUrl,
				'GET',
				`/rest/workflows/${wf.id}`,
				{ cookie: session.cookie },
			);
			const workflowData = wfJson.data;
			const { json: run } = await rt.restJson(
				server.baseUrl,
				'POST',
				`/rest/workflows/${wf.id}/run`,
				{
					cookie: session.cookie,
					body: { workflowData, triggerToStartFrom: { name: node.name } },
				},
			);
			const executionId = dig(run, 'data', 'executionId');
			if (!executionId)
				return [`POST /rest/workflows/${wf.id}/run answered ${JSON.stringify(run).slice(0, 300)}`];
			const execution = await waitUntil(
				`manual execution ${executionId} to finish`,
				async () => {
					const e = await api('GET', `/api/v1/executions/${executionId}?includeData=true`);
					// the execution row can say "success" a moment before its data is stored
					return (e.finished || ['success', 'error', 'crashed'].includes(e.status)) && e.data
						? e
						: null;
				},
				{ timeoutMs: 30000 },
			);
			saveExecutions('manual', execution);
			const problems = [];
			if (execution.status !== 'success')
				problems.push(
					`the manual run ended ${execution.status}: ${dig(execution, 'data', 'resultData', 'error', 'message') || ''}`,
				);
			const items = emitted([execution]);
			if (items.length === 0) problems.push('the manual run returned no sample data');
			if (items.length > 5)
				problems.push(
					`the manual run returned ${items.length} items, want at most 5 (the most recent records)`,
				);
			return problems;
		},
	);

	// 4. Nothing twice: another activation poll with no new events emits nothing.
	await report.check(
		scope,
		'another poll with nothing new emits nothing (no event twice)',
		async () => {
			const before = (await productionExecutions()).length;
			const since = await sandbox.lastSeq();
			await api('POST', `/api/v1/workflows/${wf.id}/deactivate`);
			await api('POST', `/api/v1/workflows/${wf.id}/activate`);
			await waitUntil(
				'poll after the second activation',
				async () => (await sandbox.log({ service: spec.service, since })).some(spec.isPoll),
				{ timeoutMs: 15000 },
			);
			await sleep(2000);
			const after = await productionExecutions();
			if (after.length !== before) {
				saveExecutions('second-poll', after);
				return [
					`${after.length - before} new execution(s) with ${JSON.stringify(emitted(after.slice(0, after.length - before)).map(spec.keyOf))}: events came through twice`,
				];
			}
			return [];
		},
	);
}

module.exports = { checkTriggers, startWithActiveTriggers, startServer, TRIGGERS };
