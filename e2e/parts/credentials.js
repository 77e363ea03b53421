'use strict';
// Part 3b: each credential's Test button, through the running n8n's own credential tester
// (POST /rest/credentials/test, what the editor calls): the sandbox credential passes, a
// wrong key fails. Gigrove also in its API key + secret mode, where n8n runs the
// credential's preAuthentication (token exchange) before the test request.

const rt = require('../../scripts/lib/n8n-runtime');
const { writeArtifact } = require('../lib/util');

const CASES = [
	{ type: 'valigaraApi', wrong: { apiKey: 'not-the-key' }, service: 'valigara' },
	{ type: 'vanillaEshopApi', wrong: { headerSecret: 'not-the-key' }, service: 'vanilla-eshop' },
	{ type: 'gigroveApi', wrong: { accessToken: 'not-the-token' }, service: 'gigrove' },
	{
		type: 'gigroveApi',
		label: 'gigroveApi (API key + secret)',
		mode: {
			authentication: 'apiKey',
			accessToken: '',
			apiKey: 'sandbox-gigrove-api-key',
			apiSecret: 'sandbox-gigrove-api-secret',
		},
		wrong: { apiSecret: 'not-the-secret' },
		service: 'gigrove',
		mustCall: /\/gigrove\/api\/wp\/v2\/token\/?$/,
	},
	{
		type: 'guaranteedReviewsApi',
		wrong: { apiKey: '12345/en/00000000000000000000000000000000' },
		service: 'guaranteed-reviews',
	},
];

async function checkCredentialTests(ctx) {
	const { line, report, server, session, sandbox } = ctx;
	const byType = Object.fromEntries(
		ctx.setup.sandboxCredentials(sandbox.baseUrl).map((c) => [c.type, c]),
	);
	const answers = [];
	const test = async (credential) => {
		const { json } = await rt.restJson(server.baseUrl, 'POST', '/rest/credentials/test', {
			cookie: session.cookie,
			body: {
				credentials: {
					id: credential.id,
					name: credential.name,
					type: credential.type,
					data: credential.data,
				},
			},
		});
		answers.push({
			type: credential.type,
			data: Object.keys(credential.data),
			answer: json.data || json,
		});
		return json.data || json;
	};
	for (const c of CASES) {
		const base = byType[c.type];
		const scope = `line ${line} · credential test › ${c.label || c.type}`;
		if (!base) {
			report.fail(scope, 'sandbox credential', `sandboxCredentials() has no ${c.type}`);
			continue;
		}
		const data = { ...base.data, ...(c.mode || {}) };
		await report.check(scope, 'the sandbox credential passes the Test button', async () => {
			const since = await sandbox.lastSeq();
			const result = await test({ ...base, data });
			const problems = [];
			if (result.status !== 'OK') problems.push(`n8n answered ${JSON.stringify(result)}`);
			const calls = await sandbox.log({ service: c.service, since });
			if (calls.length === 0) problems.push(`the test sent nothing to the ${c.service} stand-in`);
			if (c.mustCall && !calls.some((x) => c.mustCall.test(x.path)))
				problems.push(`no call to ${c.mustCall} (preAuthentication did not run)`);
			return problems;
		});
		await report.check(scope, 'a wrong key fails the Test button', async () => {
			const result = await test({ ...base, data: { ...data, ...c.wrong } });
			return result.status === 'Error'
				? []
				: [`n8n answered ${JSON.stringify(result)}, want status Error`];
		});
	}
	writeArtifact(ctx.artifacts, 'credential-tests.json', answers);
}

module.exports = { checkCredentialTests };
