'use strict';
// The suite's own credential and workflow, beside the examples of scripts/sandbox-setup.js:
// Gigrove in API key + secret mode, where n8n itself runs the credential's
// preAuthentication (token exchange), stores the token, and fetches a new one on a 401.

const path = require('node:path');
const { PROJECT_DIR } = require('./lib/util');

const PACKAGE = 'n8n-nodes-commerce-pack';
const GIGROVE_KEY_CRED = { id: 'e2eGigKeyCred', name: 'Gigrove key + secret (e2e)' };
const TOKEN_WORKFLOW_ID = 'e2eWfGigToken';

function e2eCredentials(baseUrl) {
	const { KEYS, serviceUrls } = require(path.join(PROJECT_DIR, 'sandbox', 'config.js'));
	const urls = serviceUrls(baseUrl);
	return [
		{
			...GIGROVE_KEY_CRED,
			type: 'gigroveApi',
			data: {
				authentication: 'apiKey',
				accessToken: '',
				apiKey: KEYS.gigrove.apiKey,
				apiSecret: KEYS.gigrove.apiSecret,
				tokenUrl: urls.gigroveToken,
				baseUrl: urls.gigrove,
			},
		},
	];
}

function e2eWorkflows() {
	return [
		{
			id: TOKEN_WORKFLOW_ID,
			name: 'e2e: Gigrove with API key + secret (token exchange)',
			nodes: [
				{
					id: 'b0f6d7a2-0000-4000-8000-000000000001',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'b0f6d7a2-0000-4000-8000-000000000002',
					name: 'Get Notifications',
					type: `${PACKAGE}.gigrove`,
					typeVersion: 1,
					position: [240, 0],
					parameters: { resource: 'notification', operation: 'getMany', limit: 2 },
					credentials: { gigroveApi: GIGROVE_KEY_CRED },
				},
			],
			connections: { Start: { main: [[{ node: 'Get Notifications', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
			active: false,
		},
	];
}

module.exports = { e2eCredentials, e2eWorkflows, TOKEN_WORKFLOW_ID };
