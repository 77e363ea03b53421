import nock from 'nock';

// No test may reach a real service: every request must be one a test declared. Each test file
// gets its own copy of nock (jest's module registry), so each one activates it and restores it
// when done; a copy left active by an earlier file would swallow this file's interceptors.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());

afterAll(() => {
	nock.restore();
	// On the 1.x line n8n-core's SSH client manager keeps a 60 s interval alive (2.x unrefs it),
	// which would hold jest open after the last test.
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Container } = require('@n8n/di');
		Container.get(SSHClientsManager).onShutdown();
	} catch {
		// not present on this n8n line
	}
});
