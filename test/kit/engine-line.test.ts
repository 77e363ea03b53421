/**
 * Both n8n lines run this suite; this guards that each run really uses one matched set (one
 * n8n-workflow shared by the engine and the nodes), or `instanceof NodeApiError` quietly breaks.
 */
import * as fs from 'fs';
import * as path from 'path';

function versionOf(entry: string): string {
	let dir = path.dirname(require.resolve(entry));
	while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (require(path.join(dir, 'package.json')) as { version: string }).version;
}

describe('engine line', () => {
	const expected = process.env.N8N_TEST_ENGINE_DIR
		? { core: '2.41.1', workflow: '2.41.0', major: 24 }
		: { core: '1.122.48', workflow: '1.120.31', major: 20 };

	it('loads the n8n-core and n8n-workflow of one line, on that line’s Node', () => {
		expect(versionOf('n8n-core')).toBe(expected.core);
		expect(versionOf('n8n-workflow')).toBe(expected.workflow);
		expect(Number(process.versions.node.split('.')[0])).toBe(expected.major);
	});
});
