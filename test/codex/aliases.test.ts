/**
 * The codex files (<Node>.node.json beside each node) as n8n-core's loader reads them: `node` names
 * the node, and `alias` holds the words a merchant types in the editor's node search, which matches
 * them besides the display name.
 */
import * as fs from 'fs';
import * as path from 'path';

import packageJson from '../../package.json';
import { PACKAGE_NAME, nodeTypes } from '../kit/registry';

const root = path.resolve(__dirname, '../..');

const codexes = packageJson.n8n.nodes.map((file) => {
	const source = path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.json'));
	const codex = JSON.parse(fs.readFileSync(source, 'utf8')) as { node: string; alias?: unknown };
	return { file: path.relative(root, source), codex, type: nodeTypes[codex.node] };
});

/** The nodes a search finds, by display name or alias (case-insensitive, as the editor's search is). */
const search = (words: string) =>
	codexes
		.filter(({ codex, type }) =>
			[type.description.displayName, ...((codex.alias as string[]) ?? [])].some((name) =>
				name.toLowerCase().includes(words),
			),
		)
		.map(({ type }) => type.description.name)
		.sort();

describe('codex aliases', () => {
	it.each(codexes.map((entry) => [entry.file, entry] as const))(
		'%s names its node and lists distinct aliases',
		(_file, { codex, type }) => {
			expect(type).toBeDefined();
			expect(codex.node.startsWith(`${PACKAGE_NAME}.`)).toBe(true);
			const alias = codex.alias as string[];
			expect(
				Array.isArray(alias) &&
					alias.length > 0 &&
					alias.every((word) => typeof word === 'string' && word.trim() === word && word !== ''),
			).toBe(true);
			expect(new Set(alias.map((word) => word.toLowerCase())).size).toBe(alias.length);
		},
	);

	it('finds each node by the words merchants search with', () => {
		expect(search('shop')).toEqual([
			'gigrove',
			'gigroveTrigger',
			'guaranteedReviews',
			'valigara',
			'valigaraTrigger',
			'vanillaEshop',
		]);
		expect(search('review request')).toEqual(['guaranteedReviews']);
		expect(search('tracking')).toEqual(['gigrove', 'valigara']);
		expect(search('inventory')).toEqual(['gigrove', 'valigara', 'vanillaEshop']);
		expect(search('order status')).toEqual(['gigroveTrigger', 'valigaraTrigger', 'vanillaEshop']);
		expect(search('jewelry')).toEqual(['valigara', 'valigaraTrigger']);
	});
});
