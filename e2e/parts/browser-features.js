'use strict';
// Part 4, continued: what a user sees of the nodes' editor features, in the same headless
// Chromium and n8n as the per-node checks (browser.js), against the sandbox:
//   - a resource locator's From List (Gigrove › Product › Get): the sandbox's products by name,
//     a search narrowing the list through the store's own search, the picked entry's ID as the
//     parameter's value, and a run requesting that product; Valigara's product list;
//   - dropdowns loaded from the service (Valigara's post templates and listing accounts);
//   - Simplify on and off (Gigrove › Product › Get, node version 1.1): a field only the raw
//     reply has is absent from the output, then present;
//   - an execution hint in the output pane (Guaranteed Reviews › Review › Get Many while the
//     sandbox cuts its public reviews short).
// Each check fails on a console or page error counted while it ran (browser.js's filter).
// Screenshots: artifacts/e2e/line-<N>/browser-{locator,dropdown,simplify,hint}-*.png.

const path = require('node:path');
const { KEYS, serviceUrls } = require('../../sandbox/config');
const { valigaraParams } = require('../expectations');
const { escape, executeInPanel, openFromCreator, pick } = require('./browser');

const GIGROVE = { type: 'gigrove', search: 'Gigrove', action: /^Get a product$/i };
const VALIGARA = { type: 'valigara', search: 'Valigara', action: /^Export a product$/i };
const REVIEWS = {
	type: 'guaranteedReviews',
	search: 'Guaranteed Reviews',
	action: /^Get many reviews$/i,
};

// Fields of Gigrove's raw product record that Simplify leaves out (SIMPLE_PRODUCT in
// nodes/Gigrove/transport.ts keeps name, sku, price…). Among the raw record's first columns:
// the table view shows so many and hides the rest (meta_data is among those).
const RAW_ONLY = ['description', 'slug'];
const SIMPLE_TOO = ['name', 'sku'];

async function checkFeatures(ctx, state) {
	const { line, report } = ctx;
	const scope = `line ${line} · browser › features`;
	const shot = (name) => path.join(ctx.artifacts, `browser-${name}.png`);
	// Every check starts from a new workflow: a failed one may leave the page in any state.
	const check = async (what, fn) => {
		state.fresh = false;
		const before = state.counted.length;
		const started = Date.now();
		const ok = await report.check(scope, what, async () => {
			const problems = await fn();
			state.counted.slice(before).forEach((e) => problems.push(`console: ${e}`));
			return problems;
		});
		report.print(`    (${((Date.now() - started) / 1000).toFixed(1)} s)`);
		return ok;
	};

	await check('Gigrove › Product › Get: From List, search, pick, run; Simplify on and off', () =>
		gigroveLocatorAndSimplify(ctx, state, shot),
	);
	await check('Valigara: the product list, and dropdowns loaded from the service', () =>
		valigaraListAndDropdowns(ctx, state, shot),
	);
	await check('Guaranteed Reviews › Review › Get Many: the execution hint in the output pane', () =>
		reviewsHint(ctx, state, shot),
	);
}

// ── Gigrove: the product locator, then Simplify ─────────────────────────────────────────────

async function gigroveLocatorAndSimplify(ctx, state, shot) {
	const { page } = state;
	const { sandbox } = ctx;
	const problems = [];
	const opened = await openFromCreator(page, state, GIGROVE);
	if (!opened.opened) return opened.problems;

	// The sandbox's products, as any client reads them: the list must show each by name and SKU.
	const products = await gigroveProducts(sandbox.baseUrl);
	const want = products.map((p) => (p.sku ? `${p.name} (SKU ${p.sku})` : `${p.name} (ID ${p.id})`));

	// 1. From List loads the products.
	let since = await sandbox.lastSeq();
	await openLocator(page, 'productId');
	const listed = await locatorItems(page, (names) => names.length >= want.length);
	await page.screenshot({ path: shot('locator-gigrove-1-list') });
	const missing = want.filter((name) => !listed.includes(name));
	if (listed.length === 0) return [...problems, 'From List shows no entry'];
	if (missing.length)
		problems.push(`From List lacks ${JSON.stringify(missing)}; it shows ${JSON.stringify(listed)}`);
	if (!(await gigroveCalls(sandbox, since)).some((c) => /\/products\/?$/.test(c.path)))
		problems.push('opening From List sent no products request to the sandbox');

	// 2. Typing narrows it, through the store's search (`search=`).
	const term = 'Mug';
	const target = products.find((p) => p.name.includes(term));
	const targetName = `${target.name} (SKU ${target.sku})`;
	since = await sandbox.lastSeq();
	await page
		.locator('input[data-test-id=rlc-search]:visible, [data-test-id=rlc-search]:visible input')
		.first()
		.fill(term);
	const narrowed = await locatorItems(
		page,
		(names) => names.length > 0 && names.length < listed.length,
	);
	await page.screenshot({ path: shot('locator-gigrove-2-search') });
	if (!narrowed.includes(targetName))
		problems.push(`searching "${term}" shows ${JSON.stringify(narrowed)}, not "${targetName}"`);
	if (narrowed.some((name) => !name.includes(term)))
		problems.push(`searching "${term}" still shows ${JSON.stringify(narrowed)}`);
	const searched = (await gigroveCalls(sandbox, since)).filter(
		(c) => /\/products\/?$/.test(c.path) && c.query?.search === term,
	);
	if (searched.length === 0)
		problems.push(`no products request with search=${term} reached the sandbox`);

	// 3. Picking it: the field shows its name, the parameter holds its ID.
	await page.getByTestId('rlc-item').filter({ hasText: targetName }).first().click();
	const shown = await locatorInput(page, 'productId').inputValue();
	if (shown !== targetName)
		problems.push(`after picking, the field shows "${shown}", not "${targetName}"`);
	await page.screenshot({ path: shot('locator-gigrove-3-picked') });
	const saved = await savedParameters(page, 'gigrove', 'Get a product');
	const value = saved.parameters?.productId;
	if (!value || value.mode !== 'list' || String(value.value) !== String(target.id))
		problems.push(
			`the saved Product parameter is ${JSON.stringify(value)} (workflow ${saved.id}), want mode "list" and value "${target.id}"`,
		);
	// Simplify is shown from version 1.1, the version of a node added now.
	if (!(saved.typeVersion >= 1.1))
		problems.push(`the new node is version ${saved.typeVersion}, not 1.1: no Simplify`);
	const reopened = await locatorInput(page, 'productId').inputValue();
	if (reopened !== targetName)
		problems.push(`saved and opened again, the field shows "${reopened}", not "${targetName}"`);

	// 4. The run requests that product (Simplify on, the default of a new node).
	since = await sandbox.lastSeq();
	problems.push(...(await executeInPanel(page, shot('locator-gigrove-4-run'))));
	const got = (await gigroveCalls(sandbox, since)).filter((c) => c.method === 'GET');
	if (!got.some((c) => c.path.endsWith(`/products/${target.id}/`) && c.status === 200))
		problems.push(
			`the run did not request product ${target.id}: ${JSON.stringify(got.map((c) => `${c.path} ${c.status}`))}`,
		);

	// 5. Simplify on: only the few fields; off: the raw reply's too.
	const simple = await outputColumns(page);
	await page.screenshot({ path: shot('simplify-1-on') });
	problems.push(
		...columnProblems('Simplify on', simple, { present: SIMPLE_TOO, absent: RAW_ONLY }),
	);
	await setSwitch(page, 'simple', false);
	problems.push(...(await executeInPanel(page)).map((p) => `Simplify off: ${p}`));
	const raw = await outputColumns(page);
	await page.screenshot({ path: shot('simplify-2-off') });
	problems.push(...columnProblems('Simplify off', raw, { present: [...SIMPLE_TOO, ...RAW_ONLY] }));
	return problems;
}

/** The sandbox's Gigrove products (first 100), as the seller's token reads them. */
async function gigroveProducts(baseUrl) {
	const res = await fetch(`${serviceUrls(baseUrl).gigrove}products/?per_page=100`, {
		headers: { authorization: `Bearer ${KEYS.gigrove.sellerToken}` },
	});
	if (!res.ok) throw new Error(`the sandbox's products: HTTP ${res.status}`);
	return res.json();
}

async function gigroveCalls(sandbox, since) {
	return (await sandbox.log({ service: 'gigrove', since })).filter((c) => c.path);
}

// ── Valigara: the product list and the loaded dropdowns ──────────────────────────────────────

async function valigaraListAndDropdowns(ctx, state, shot) {
	const { page } = state;
	const { sandbox } = ctx;
	const problems = [];
	const opened = await openFromCreator(page, state, VALIGARA);
	if (!opened.opened) return opened.problems;

	// The product locator's From List: the sandbox's products by title and catalog code.
	let since = await sandbox.lastSeq();
	await openLocator(page, 'productId');
	const listed = await locatorItems(page, (names) => names.length > 0);
	await page.screenshot({ path: shot('locator-valigara-list') });
	const seeded = ['Rose Gold Solitaire Ring', 'Sapphire Drop Pendant', 'Pearl Stud Earrings'];
	for (const title of seeded)
		if (!listed.some((name) => new RegExp(`^${escape(title)} \\((SKU|ID) .+\\)$`).test(name)))
			problems.push(`the product list has no "${title} (SKU …)": ${JSON.stringify(listed)}`);
	const actions = (await sandbox.log({ service: 'valigara', since })).map(
		(c) => valigaraParams(c).action,
	);
	if (!actions.includes('product_search') || !actions.includes('products_export'))
		problems.push(
			`the product list sent ${JSON.stringify(actions)}, want product_search and products_export`,
		);
	await page.keyboard.press('Escape');

	// Post to Channels: the post templates, loaded from the service.
	const templates = namedLabels(
		await valigaraData(sandbox.baseUrl, 'products_post_templates_list'),
		'template_id',
		'title',
	);
	// The editor loads the options when the field shows, before it is opened.
	since = await sandbox.lastSeq();
	await pick(page, 'operation', 'Post to Channels');
	const templateOptions = await loadedOptions(page, 'templateId', templates.length);
	await page.screenshot({ path: shot('dropdown-valigara-templates') });
	await page.keyboard.press('Escape');
	if (JSON.stringify([...templateOptions].sort()) !== JSON.stringify([...templates].sort()))
		problems.push(
			`Post Template lists ${JSON.stringify(templateOptions)}, want ${JSON.stringify(templates)}`,
		);
	if (
		!(await sandbox.log({ service: 'valigara', since })).some(
			(c) => valigaraParams(c).action === 'products_post_templates_list',
		)
	)
		problems.push('opening Post Template sent no products_post_templates_list');

	// Update Listings › Listing Accounts: Selected: the listing accounts, loaded from the service.
	const accounts = namedLabels(
		await valigaraData(sandbox.baseUrl, 'listings_accounts_get'),
		'account_id',
		'account_name',
	);
	await pick(page, 'operation', 'Update Listings');
	await pick(page, 'accountsScope', 'Selected');
	const accountOptions = await loadedOptions(page, 'accountIds', accounts.length);
	await page.screenshot({ path: shot('dropdown-valigara-accounts') });
	await page.keyboard.press('Escape');
	if (JSON.stringify([...accountOptions].sort()) !== JSON.stringify([...accounts].sort()))
		problems.push(
			`Account Names or IDs lists ${JSON.stringify(accountOptions)}, want ${JSON.stringify(accounts)}`,
		);
	return problems;
}

/** One Valigara action's `data`, asked of the sandbox as any client asks it. */
async function valigaraData(baseUrl, action) {
	const res = await fetch(serviceUrls(baseUrl).valigara, {
		method: 'POST',
		body: new URLSearchParams({ auth: KEYS.valigara.accessKey, action }),
	});
	const reply = await res.json();
	if (reply.status !== 100) throw new Error(`the sandbox's ${action}: ${JSON.stringify(reply)}`);
	return reply.data;
}

/** "Label (ID)", as the node names an account or template in its dropdown. */
function namedLabels(records, idKey, nameKey) {
	return records.map((r) => `${r[nameKey]} (${r[idKey]})`);
}

// ── Guaranteed Reviews: a hint after the run ─────────────────────────────────────────────────

async function reviewsHint(ctx, state, shot) {
	const { page } = state;
	const { sandbox } = ctx;
	const opened = await openFromCreator(page, state, REVIEWS);
	if (!opened.opened) return opened.problems;
	const cap = 3;
	// The public reviews API cut short, as it cuts at 1 000 (sandbox/README.md, pageCap): its
	// `ratings.total` still counts every review, so the node knows the list is incomplete.
	await sandbox.setBehaviour({ 'guaranteed-reviews': { pageCap: cap } });
	try {
		await credentialChosen(page);
		const problems = await executeInPanel(page);
		const output = page.getByTestId('output-panel');
		const hint = new RegExp(`Guaranteed Reviews sent ${cap} of the \\d+ reviews it counts`);
		const shown = await output
			.getByText(hint)
			.first()
			.waitFor({ timeout: 10000 })
			.then(() => true)
			.catch(() => false);
		await page.screenshot({ path: shot('hint-guaranteed-reviews') });
		if (!shown) {
			const text = (await output.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 400);
			problems.push(`the output pane shows no hint matching ${hint}: ${text}`);
		}
		return problems;
	} finally {
		await sandbox.friendly();
	}
}

// ── The editor's controls ────────────────────────────────────────────────────────────────────

function locatorOf(page, param) {
	return page.getByTestId(`resource-locator-${param}`);
}

function locatorInput(page, param) {
	return locatorOf(page, param).getByTestId('rlc-input-container').locator('input').first();
}

async function openLocator(page, param) {
	await locatorOf(page, param).waitFor();
	await locatorOf(page, param).getByTestId('rlc-input-container').click();
}

/**
 * The names the open From List shows, once `settled(names)` holds or 20 s passed (the list loads,
 * and reloads after a search, from the service).
 */
async function locatorItems(page, settled) {
	const items = page.locator('[data-test-id=rlc-item]:visible');
	let names = [];
	const until = Date.now() + 20000;
	while (Date.now() < until) {
		names = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
		if (settled(names)) break;
		await page.waitForTimeout(250);
	}
	return names;
}

/**
 * Opens an options parameter loaded from the service; its labels once `count` show (or 20 s).
 * The field may render again when its options arrive (2.41), closing a list opened before: it is
 * opened again while no item shows.
 */
async function loadedOptions(page, param, count) {
	const field = page.getByTestId(`parameter-input-${param}`);
	// Element's select items (n8n gives a test id to those of `options` fields only); a label's
	// first line (a description may follow).
	const items = page.locator('.el-select-dropdown__item:visible');
	let labels = [];
	let clicked = 0;
	const until = Date.now() + 20000;
	while (Date.now() < until) {
		labels = (await items.allInnerTexts()).map((t) => t.trim().split('\n')[0].trim());
		if (labels.length >= count) break;
		if (labels.length === 0 && Date.now() - clicked > 3000) {
			await field.click();
			clicked = Date.now();
		}
		await page.waitForTimeout(250);
	}
	return labels;
}

/**
 * Waits for the credential n8n picks for a new node (the only one of its type) to show. Run at
 * once, 2.41 sent the node without it ("Node does not have any credentials set"), though the
 * panel showed it: the pick reaches the workflow a moment after the panel.
 */
async function credentialChosen(page) {
	const input = page.getByTestId('ndv').getByTestId('node-credentials-select').locator('input');
	const until = Date.now() + 10000;
	while (
		Date.now() < until &&
		!(await input
			.first()
			.inputValue()
			.catch(() => ''))
	)
		await page.waitForTimeout(250);
	await page.waitForTimeout(1500);
}

/** Sets a boolean parameter's switch. */
async function setSwitch(page, param, on) {
	const control = page.getByTestId(`parameter-input-${param}`).locator('.el-switch').first();
	const isOn = async () => /\bis-checked\b/.test((await control.getAttribute('class')) || '');
	if ((await isOn()) !== on) await control.click();
	if ((await isOn()) !== on)
		throw new Error(`the ${param} switch did not turn ${on ? 'on' : 'off'}`);
}

/** The column names of the output's table view (the first item's fields). */
async function outputColumns(page) {
	const output = page.getByTestId('output-panel');
	await output.getByTestId('ndv-run-data-display-mode').getByText('Table', { exact: true }).click();
	const headers = output.locator('table th');
	await headers.first().waitFor();
	return (await headers.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

function columnProblems(when, columns, { present = [], absent = [] }) {
	const problems = [];
	for (const name of present)
		if (!columns.includes(name))
			problems.push(`${when}: the output has no "${name}" column (${columns.join(', ')})`);
	for (const name of absent)
		if (columns.includes(name)) problems.push(`${when}: the output has a "${name}" column`);
	return problems;
}

/**
 * Back on the canvas, saves the workflow (Ctrl+S, as a user does), reads the node's parameters
 * back from n8n, and opens the node's panel again. Ctrl+S is pressed on the canvas: in the panel
 * it reaches n8n only while the focus is inside it (a list's search box is not).
 */
async function savedParameters(page, ownType, nodeName) {
	// 1.x: "Back to canvas"; 2.41: a close button (no test id): Escape closes either.
	const back = page.getByTestId('back-to-canvas');
	if (await back.isVisible()) await back.click();
	else await page.keyboard.press('Escape');
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
	await page.getByTestId('canvas-wrapper').click({ position: { x: 40, y: 40 } });
	await page.keyboard.press('ControlOrMeta+s');
	await page.waitForURL(/\/workflow\/(?!new)[^/?#]+/, { timeout: 15000 });
	// 2.41 gives a new workflow its ID before the first save: the save is done when n8n has the node.
	const id = /\/workflow\/([^/?#]+)/.exec(page.url())[1];
	let node;
	const until = Date.now() + 15000;
	while (!node && Date.now() < until) {
		const res = await page.context().request.get(`/rest/workflows/${id}`);
		if (res.ok()) node = (await res.json()).data.nodes.find((n) => n.type.endsWith(`.${ownType}`));
		if (!node) await page.waitForTimeout(500);
	}
	if (!node) throw new Error(`saved, workflow ${id} still has no ${ownType} node after 15 s`);
	await page.getByTestId('canvas-node').filter({ hasText: nodeName }).first().dblclick();
	await page.getByTestId('ndv').waitFor();
	return { id, parameters: node.parameters, typeVersion: node.typeVersion };
}

module.exports = { checkFeatures };
