'use strict';
// The n8n floor (bench only, never published): the least a community node can do per item to
// make our operations' request. Per item: one parameter read (the same `{{ $json.… }}` expression
// as our node's ID field), one `helpers.httpRequestWithAuthentication` with our credential type
// (so n8n reads and decrypts the credential, and runs its `authenticate`, as for our nodes), one
// JSON.parse. One item at a time; no validation, no error handling, no retries. The credential's
// Base URL is read once per run. Installed by the bench beside our package (bench/lib/real-n8n.js).
// With "Read Credential Once" (a diagnostic of bench/profile-n8n.js, --variant floorOnce) the
// credential read for the Base URL is handed to the helper (its `credentialsDecrypted` option), so
// n8n does not read and decrypt it again on every request.

/** The request each bench case makes (bench/lib/cases.js), without auth. */
const REQUESTS = {
	valigara: (id, baseUrl) => ({
		method: 'POST',
		url: baseUrl,
		headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
		body: { action: 'product_export', data: JSON.stringify({ product_id: Number(id) }) },
	}),
	vanillaEshop: (id, baseUrl) => ({
		method: 'GET',
		url: `${baseUrl}/v1/in/order/${id}`,
		headers: { Accept: 'application/json' },
	}),
	gigrove: (id, baseUrl) => ({
		method: 'GET',
		url: `${baseUrl}products/${id}/`,
		headers: { Accept: 'application/json' },
	}),
	guaranteedReviews: (id, baseUrl) => ({
		method: 'GET',
		url: `${baseUrl}/private/v3/stats`,
		qs: { scope: 'site' },
		headers: { Accept: 'application/json' },
	}),
};

const CREDENTIALS = {
	valigara: 'valigaraApi',
	vanillaEshop: 'vanillaEshopApi',
	gigrove: 'gigroveApi',
	guaranteedReviews: 'guaranteedReviewsApi',
};

class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor',
			name: 'benchFloor',
			group: ['transform'],
			version: 1,
			description: 'Bench only: one request per item through n8n’s helper',
			defaults: { name: 'Bench Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: Object.values(CREDENTIALS).map((name) => ({ name, required: false })),
			properties: [
				{
					displayName: 'Service',
					name: 'service',
					type: 'options',
					options: Object.keys(REQUESTS).map((value) => ({ name: value, value })),
					default: 'gigrove',
				},
				{ displayName: 'ID', name: 'id', type: 'string', default: '' },
				{
					displayName: 'Read Credential Once',
					name: 'readCredentialOnce',
					type: 'boolean',
					default: false,
				},
			],
		};
	}

	async execute() {
		const service = this.getNodeParameter('service', 0);
		const credentialType = CREDENTIALS[service];
		const request = REQUESTS[service];
		const credentials = await this.getCredentials(credentialType);
		const baseUrl = String(credentials.baseUrl);
		const once = this.getNodeParameter('readCredentialOnce', 0) === true;
		const count = this.getInputData().length;
		const output = [];
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			const id = String(this.getNodeParameter('id', itemIndex));
			const response = await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				{
					...request(id, baseUrl),
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					encoding: 'text',
				},
				once
					? {
							credentialsDecrypted: {
								id: '',
								name: credentialType,
								type: credentialType,
								data: { ...credentials },
							},
						}
					: undefined,
			);
			output.push({ json: JSON.parse(response.body), pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}

module.exports = { BenchFloor };
