// The same suite on the n8n 2.x engine (see scripts/test-n8n2.js, which installs it).
const path = require('path');
const base = require('./jest.config');

const engine = path.join(
	process.env.N8N_TEST_ENGINE_DIR || path.join(__dirname, '.runtime/n8n2-test'),
	'node_modules',
);

module.exports = {
	...base,
	cacheDirectory: '<rootDir>/.jest-cache/n8n2',
	moduleNameMapper: {
		'^n8n-workflow$': path.join(engine, 'n8n-workflow'),
		'^n8n-core$': path.join(engine, 'n8n-core'),
		'^n8n-core/(.*)$': path.join(engine, 'n8n-core/$1'),
		'^@n8n/di$': path.join(engine, '@n8n/di'),
	},
};
