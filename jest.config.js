/** Tests run the nodes from their TypeScript sources through n8n-core's real engine. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Type errors are caught once by `npm run typecheck`; per-file checking would slow every run.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/kit/global-setup.js',
	globalTeardown: '<rootDir>/test/kit/global-teardown.js',
	setupFiles: ['<rootDir>/test/kit/env.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/kit/after-env.ts'],
	cacheDirectory: '<rootDir>/.jest-cache',
	testTimeout: 30000,
};
