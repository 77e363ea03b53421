// n8n-core writes <N8N_USER_FOLDER>/.n8n/config: give the test run a folder of its own.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-pack-n8n-'));
	process.env.N8N_USER_FOLDER = folder;
	process.env.COMMERCE_PACK_TEST_FOLDER = folder;
};
