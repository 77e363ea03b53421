'use strict';
// The sandbox's fixed test keys and where each stand-in lives. One place, read by the server, the
// CLI and scripts/sandbox-setup.js, so a credential and the stand-in it points at never disagree.
// These are made-up keys for a local stand-in: they open nothing anywhere else.

const KEYS = {
	valigara: { accessKey: 'sandbox-valigara-key' },
	// Vanilla eShop documents no authentication; the stand-in asks for this header so the
	// credential's "Header Name / Header Value" is exercised (see sandbox/README.md).
	vanillaEshop: { headerName: 'X-Shop-Key', headerValue: 'sandbox-vanilla-key' },
	gigrove: {
		sellerToken: 'sandbox-gigrove-seller-token',
		deliveryToken: 'sandbox-gigrove-delivery-token',
		apiKey: 'sandbox-gigrove-api-key',
		apiSecret: 'sandbox-gigrove-api-secret',
	},
	// Private keys are shaped {siteId}/{lang}/{secret}, public keys are 32 hex characters.
	guaranteedReviews: {
		privateKey: '12345/en/5a4db0c5e1f2a3b4c5d6e7f8091a2b3c',
		publicKey: '0123456789abcdef0123456789abcdef',
	},
};

/** The base URL of each stand-in, as the credentials' Base URL fields expect them. */
function serviceUrls(baseUrl) {
	const base = String(baseUrl).replace(/\/+$/, '');
	return {
		valigara: `${base}/valigara/client/V1/`,
		vanillaEshop: `${base}/vanilla`,
		gigrove: `${base}/gigrove/api/request/v1/`,
		gigroveToken: `${base}/gigrove/api/wp/v2/token`,
		guaranteedReviews: `${base}/guaranteed-reviews`,
		control: `${base}/_control/`,
	};
}

module.exports = { KEYS, serviceUrls, DEFAULT_PORT: 5680 };
