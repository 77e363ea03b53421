'use strict';
// Part 4: the editor in headless Chromium (Debian's chromium + playwright-core), as a
// user works with the nodes. Per node: find it in the node creator, open its panel
// from one of its actions, switch through every resource and operation (or trigger
// event) with no console error, run one operation against the sandbox, screenshots.
// Uses the n8n that part 3 left running (ctx.server), with the sandbox credentials.

const path = require('node:path');
const rt = require('../../scripts/lib/n8n-runtime');
const { CHROMIUM_ARGS } = require('../lib/chromium');
const { writeArtifact, slug } = require('../lib/util');

const CUSTOM_API_CALL = 'Custom API Call'; // n8n's own entry on every node with a generic credential

// search: what a user types; action: which action in the creator opens the panel;
// run: the operation run against the sandbox (labels as the panel shows them).
const NODES = [
	{
		type: 'valigara',
		search: 'Valigara',
		service: 'valigara',
		action: /^List product fields$/i,
		run: { resource: 'Product', operation: 'List Fields' },
	},
	{
		type: 'vanillaEshop',
		search: 'Vanilla eShop',
		service: 'vanilla-eshop',
		action: /^Get an order$/i,
		run: { resource: 'Order', operation: 'Get' },
		fill: { orderId: '500000' },
	},
	{
		type: 'gigrove',
		search: 'Gigrove',
		service: 'gigrove',
		action: /^Get many notifications$/i,
		run: { resource: 'Notification', operation: 'Get Many' },
	},
	{
		type: 'guaranteedReviews',
		search: 'Guaranteed Reviews',
		service: 'guaranteed-reviews',
		action: /rating summary/i,
		run: { resource: 'Review', operation: 'Get Rating Summary' },
	},
	{
		type: 'valigaraTrigger',
		search: 'Valigara Trigger',
		service: 'valigara',
		trigger: true,
		action: /^On new order$/i,
		run: { event: 'New Order' },
	},
	{
		type: 'gigroveTrigger',
		search: 'Gigrove Trigger',
		service: 'gigrove',
		trigger: true,
		action: /^On new notification$/i,
		run: { event: 'New Notification' },
	},
];

// Console errors that come from n8n's own calls to the internet (none here) or from
// features of a licence this instance has not; nothing a node can cause. Kept in the
// console log artifact, not counted.
// - the AI assistant's session call answers 403 without that licence (/rest/ai/...);
// - the editor probes /schemas/<node type>/<version>.json for an output-schema preview,
//   which n8n ships for a few of its own nodes and no community node has: a 404.
const NOISE = [/dynamic banners/i, /Plan lacks license/i];
const NOISE_URLS = [/\/rest\/ai\//, /\/schemas\/[^/]+\/[\d.]+\.json$/];

async function checkEditor(ctx) {
	const { server } = ctx;
	const { chromium, selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id'); // n8n's attribute (Playwright's default is data-testid)
	const browser = await chromium.launch({
		executablePath: ctx.options.chromium,
		headless: true,
		args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
	});
	const close = () => browser.close().catch(() => {});
	ctx.cleanups.push(close);
	try {
		const context = await browser.newContext({
			baseURL: server.baseUrl,
			viewport: { width: 1600, height: 1000 },
		});
		const login = await context.request.post('/rest/login', {
			data: { emailOrLdapLoginId: rt.OWNER.email, password: rt.OWNER.password },
		});
		if (!login.ok()) throw new Error(`POST /rest/login -> ${login.status()}`);
		// One page for all nodes: the editor boots once (20-40 s on 2 busy cores); between
		// nodes the canvas is emptied, as a user would.
		const page = await context.newPage();
		page.setDefaultTimeout(60000);
		page.on('dialog', (dialog) => dialog.accept().catch(() => {})); // "leave without saving?"
		const consoleLog = [];
		const counted = [];
		page.on('console', (msg) => {
			if (msg.type() !== 'error') return;
			const url = msg.location()?.url || '';
			const entry = `[console.error] ${msg.text()}${url ? ` (${url})` : ''}`;
			consoleLog.push(entry);
			const failedLoad = /^Failed to load resource/.test(msg.text());
			const external = failedLoad && url && !url.startsWith(server.baseUrl);
			const n8nOwn = failedLoad && NOISE_URLS.some((re) => re.test(url.split('?')[0]));
			if (!external && !n8nOwn && !NOISE.some((re) => re.test(msg.text()))) counted.push(entry);
		});
		page.on('pageerror', (err) => {
			const entry = `[page error] ${err.message}`;
			consoleLog.push(entry);
			counted.push(entry);
		});
		const state = { page, consoleLog, counted, fresh: false };
		try {
			for (const spec of NODES) await checkNode(ctx, state, spec);
			await require('./browser-features').checkFeatures(ctx, state);
		} finally {
			writeArtifact(ctx.artifacts, 'browser-console.txt', consoleLog.join('\n') + '\n');
		}
	} finally {
		await close();
	}
}

// An empty canvas for the next node: close the panel, select all, delete. Falls back to
// loading a new workflow when that does not leave the canvas empty.
async function emptyCanvas(page) {
	try {
		if (await page.getByTestId('ndv').isVisible()) {
			await page.keyboard.press('Escape');
			await page.getByTestId('ndv').waitFor({ state: 'hidden', timeout: 10000 });
		}
		if ((await page.getByTestId('canvas-node').count()) > 0) {
			await page.getByTestId('canvas-wrapper').click({ position: { x: 40, y: 40 } });
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.press('Delete');
			await page.getByTestId('canvas-node').first().waitFor({ state: 'detached', timeout: 10000 });
		}
		return true;
	} catch {
		return false;
	}
}

async function checkNode(ctx, state, spec) {
	const { line, report, sandbox } = ctx;
	const { page, counted } = state;
	const scope = `line ${line} · browser › ${spec.search}`;
	const shot = (name) => path.join(ctx.artifacts, `browser-${slug(spec.type)}-${name}.png`);
	const newErrors = (from) => counted.slice(from);
	const consoleFrom = state.consoleLog.length;
	const times = [];
	const timed = async (name, fn) => {
		const started = Date.now();
		try {
			return await fn();
		} finally {
			times.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
		}
	};
	let clean = true;

	try {
		// 1. The node creator finds it, and its actions open the panel.
		let actions = [];
		const found = await timed('creator', () =>
			report.check(scope, 'found in the node creator; an action opens its panel', async () => {
				const opened = await openFromCreator(page, state, spec, shot('1-node-creator'));
				actions = opened.actions;
				return opened.problems;
			}),
		);
		if (!found) {
			clean = false;
			await page.screenshot({ path: shot('1-node-creator-failed') }).catch(() => {});
			return;
		}

		// 2. Every resource and operation (or trigger event) shows without a console error.
		clean =
			(await timed('panel', () =>
				report.check(
					scope,
					`panel: every ${spec.trigger ? 'event' : 'resource › operation'} shows without a console error`,
					async () => {
						const problems = [];
						const seen = [];
						if (spec.trigger) {
							for (const event of await listOptions(page, 'event')) {
								const before = counted.length;
								await pick(page, 'event', event);
								problems.push(...(await shownProblems(page, 'event', event)));
								seen.push(event);
								newErrors(before).forEach((e) => problems.push(`event "${event}": ${e}`));
							}
						} else {
							for (const resource of (await listOptions(page, 'resource')).filter(
								(r) => r !== CUSTOM_API_CALL,
							)) {
								let before = counted.length;
								await pick(page, 'resource', resource);
								newErrors(before).forEach((e) => problems.push(`resource "${resource}": ${e}`));
								for (const operation of (await listOptions(page, 'operation')).filter(
									(o) => o !== CUSTOM_API_CALL,
								)) {
									before = counted.length;
									await pick(page, 'operation', operation);
									problems.push(...(await shownProblems(page, 'operation', operation, resource)));
									seen.push(`${resource} › ${operation}`);
									newErrors(before).forEach((e) =>
										problems.push(`${resource} › ${operation}: ${e}`),
									);
								}
							}
							// The node creator lists one action per operation: the panel must offer as many.
							if (seen.length !== actions.length)
								problems.push(
									`the node creator lists ${actions.length} actions, the panel ${seen.length} operations`,
								);
						}
						writeArtifact(
							ctx.artifacts,
							`browser-${slug(spec.type)}-panel.txt`,
							`${seen.length} shown:\n${seen.join('\n')}\n`,
						);
						if (seen.length === 0) problems.push('no option to switch through');
						await page.screenshot({ path: shot('2-panel') });
						return problems;
					},
				),
			)) && clean;

		// 3. Run one operation against the sandbox.
		const what = spec.trigger
			? `Fetch Test Event (${spec.run.event})`
			: `${spec.run.resource} › ${spec.run.operation}`;
		clean =
			(await timed('run', () =>
				report.check(scope, `runs ${what} against the sandbox`, async () => {
					for (const [param, label] of Object.entries(spec.run)) await pick(page, param, label);
					for (const [param, value] of Object.entries(spec.fill || {})) {
						await page
							.getByTestId(`parameter-input-${param}`)
							.locator('input, textarea')
							.first()
							.fill(value);
					}
					const since = await sandbox.lastSeq();
					const before = counted.length;
					const problems = await executeInPanel(page, shot('3-run'));
					const calls = (await sandbox.log({ since })).filter((c) => c.service === spec.service);
					if (calls.length === 0) problems.push(`no request reached the ${spec.service} stand-in`);
					problems.push(
						...calls
							.filter((c) => c.status >= 400)
							.map((c) => `${c.method} ${c.path} answered ${c.status}`),
					);
					newErrors(before).forEach((e) => problems.push(`while running: ${e}`));
					return problems;
				}),
			)) && clean;
	} finally {
		report.print(`    (${spec.search}: ${times.join(', ')})`);
		writeArtifact(
			ctx.artifacts,
			`browser-${slug(spec.type)}-console.txt`,
			state.consoleLog.slice(consoleFrom).join('\n') + '\n',
		);
		// After a failure the page may be in any state: the next node starts from a new workflow.
		if (!clean) state.fresh = false;
	}
}

/**
 * A new workflow (or the canvas emptied), a Manual Trigger first for an action node, then the node
 * found by spec.search in the node creator and its panel opened from the action matching
 * spec.action. Resolves the creator's action names and the problems (the panel is open when
 * `opened`).
 */
async function openFromCreator(page, state, spec, shotFile) {
	if (!state.fresh || !(await emptyCanvas(page))) await page.goto('/workflow/new');
	state.fresh = true;
	if (!spec.trigger) {
		// Action nodes come after a trigger: a Manual Trigger first, as a user starts.
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('Manual Trigger');
		await page
			.getByTestId('node-creator-item-name')
			.filter({ hasText: /^Manual Trigger$/ })
			.first()
			.click();
		await page.getByTestId('canvas-node').first().waitFor();
	}
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(spec.search);
	// n8n shows a node and its trigger as one entry, named after the node.
	const entryName = spec.search.replace(/ Trigger$/, '');
	const entry = page
		.getByTestId('node-creator-item-name')
		.filter({ hasText: new RegExp(`^${escape(entryName)}$`) });
	try {
		await entry.first().waitFor({ timeout: 10000 });
	} catch {
		const shown = await page.getByTestId('node-creator-item-name').allInnerTexts();
		return {
			actions: [],
			opened: false,
			problems: [`searching "${spec.search}" shows ${JSON.stringify(shown)}, not "${entryName}"`],
		};
	}
	await entry.first().click();
	const actionItems = page.locator('[data-test-id=node-creator] [data-keyboard-nav-type=action]');
	await actionItems.first().waitFor();
	const actions = await allActionNames(page, actionItems);
	const target = actions.find((a) => spec.action.test(a)) || actions[0];
	if (shotFile) await page.screenshot({ path: shotFile });
	await actionItems
		.filter({
			has: page.getByTestId('node-creator-item-name').getByText(target, { exact: true }),
		})
		.first()
		.click();
	await page.getByTestId('ndv').waitFor();
	const problems = [];
	if (!actions.some((a) => spec.action.test(a)))
		problems.push(`no action matching ${spec.action} among ${JSON.stringify(actions)}`);
	return { actions, problems, opened: true };
}

/**
 * Clicks the panel's execute button and waits for the run: problems unless it succeeded and the
 * output shows items. A screenshot of the panel after the run when shotFile is given.
 */
async function executeInPanel(page, shotFile) {
	const output = page.getByTestId('output-panel');
	const ranBefore = await output.getByTestId('node-run-status-success').isVisible();
	await page.getByTestId('ndv').getByTestId('node-execute-button').click();
	// Run again in the same panel: the last run's status shows until this run replaces it.
	if (ranBefore)
		await output
			.getByTestId('node-run-status-success')
			.waitFor({ state: 'hidden', timeout: 10000 })
			.catch(() => {});
	const done = await Promise.race([
		output
			.getByTestId('node-run-status-success')
			.waitFor({ timeout: 45000 })
			.then(() => 'success'),
		page
			.getByTestId('ndv')
			.locator(
				'[data-test-id=node-error-message], .node-error-view, [data-test-id=ndv-output-error]',
			)
			.first()
			.waitFor({ timeout: 45000 })
			.then(() => 'error'),
	]).catch(() => 'timeout');
	await page.waitForTimeout(300);
	if (shotFile) await page.screenshot({ path: shotFile });
	const problems = [];
	if (done !== 'success') {
		const text = (await output.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 400);
		problems.push(`the run did not succeed (${done}): ${text}`);
	} else {
		const count = (
			await output
				.getByTestId('ndv-items-count')
				.innerText()
				.catch(() => '')
		).trim();
		if (!/\d+ items?/.test(count) || /^0 items/.test(count))
			problems.push(`output shows "${count}", want items`);
	}
	return problems;
}

// The node creator's action names. n8n 2.41 renders a long list lazily (20 of Gigrove's 24
// at first), so scroll to the last one shown until no new name appears.
async function allActionNames(page, actionItems) {
	let names = [];
	for (let round = 0; round < 20; round++) {
		const shown = await actionItems.getByTestId('node-creator-item-name').allInnerTexts();
		const merged = [...new Set([...names, ...shown])];
		if (merged.length === names.length) break;
		names = merged;
		await actionItems.last().scrollIntoViewIfNeeded();
		await page.waitForTimeout(100);
	}
	return names;
}

// The options of an options parameter, as its dropdown lists them.
async function listOptions(page, param) {
	await page.getByTestId(`parameter-input-${param}`).click();
	const items = page.locator('[data-test-id=parameter-input-item]:visible');
	await items.first().waitFor();
	const labels = await items.locator('.option-headline').allInnerTexts();
	await page.keyboard.press('Escape');
	await items
		.first()
		.waitFor({ state: 'hidden' })
		.catch(() => {});
	return labels.map((l) => l.trim());
}

async function pick(page, param, label) {
	const input = page.getByTestId(`parameter-input-${param}`);
	if (
		(await input
			.locator('input')
			.first()
			.inputValue()
			.catch(() => '')) === label
	)
		return;
	await input.click();
	const items = page.locator('[data-test-id=parameter-input-item]:visible');
	await items.first().waitFor();
	await items
		.filter({ has: page.locator('.option-headline').getByText(label, { exact: true }) })
		.first()
		.click();
	await items
		.first()
		.waitFor({ state: 'hidden' })
		.catch(() => {});
}

// After a switch: the select shows the choice, and the panel still shows parameters.
async function shownProblems(page, param, label, resource) {
	const problems = [];
	const where = resource ? `${resource} › ${label}` : label;
	const value = await page
		.getByTestId(`parameter-input-${param}`)
		.locator('input')
		.first()
		.inputValue()
		.catch(() => '');
	if (value !== label) problems.push(`${where}: the ${param} select shows "${value}"`);
	const params = await page.getByTestId('node-parameters').count();
	if (params === 0) problems.push(`${where}: the parameters panel disappeared`);
	return problems;
}

function escape(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

module.exports = { checkEditor, NODES, escape, executeInPanel, openFromCreator, pick };
