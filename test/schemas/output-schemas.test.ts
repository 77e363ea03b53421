/**
 * Output schemas (n8n's `__schema__`, shown in the editor before a run): every operation a user can
 * pick has one, and what the operation outputs against the sandbox fits it. `node
 * scripts/output-schemas.js` runs this file with WRITE_OUTPUT_SCHEMAS=1, which first writes each
 * schema from those same outputs.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';

import { NODES, offeredOperations } from '../reliability/operations';
import { useSandbox } from '../sandbox/sandbox-kit';
import { SCHEMA_CASES } from './cases';
import type { JsonSchema } from './json-schema';
import { inferSchema, mergeSchemas, schemaProblems } from './json-schema';
import { existingSchemaFiles, outputOf, relative, schemaFile, versionsOf } from './output-schemas';

const WRITE = process.env.WRITE_OUTPUT_SCHEMAS === '1';
const REGENERATE = 'regenerate with `node scripts/output-schemas.js` and review the diff';

const sandbox = useSandbox();

/** Every resource › operation of every action node, as the descriptions offer them. */
const offered = NODES.flatMap((node) =>
	offeredOperations(node.name).map((key) => {
		const [resource, operation] = key.split(' › ');
		return { node: node.name, resource, operation };
	}),
);
const casesOf = (o: (typeof offered)[number]) =>
	SCHEMA_CASES.filter(
		(c) => c.node === o.node && c.resource === o.resource && c.operation === o.operation,
	);

describe('output schemas', () => {
	it('has a sandbox case for every operation a user can pick, and none for an operation that is gone', () => {
		expect(
			offered
				.filter((o) => casesOf(o).length === 0)
				.map((o) => `${o.node} › ${o.resource} › ${o.operation}`),
		).toEqual([]);
		const known = new Set(offered.map((o) => `${o.node} › ${o.resource} › ${o.operation}`));
		expect(
			SCHEMA_CASES.map((c) => `${c.node} › ${c.resource} › ${c.operation}`).filter(
				(key) => !known.has(key),
			),
		).toEqual([]);
	});

	it.each(offered.map((o) => [`${o.node} › ${o.resource} › ${o.operation}`, o] as const))(
		'%s: its output fits its schema file',
		async (_title, o) => {
			for (const version of versionsOf(o.node)) {
				// each version's own output: from 1.1 on, Simplify (on by default) shapes it
				const outputs: IDataObject[] = [];
				for (const c of casesOf(o)) {
					sandbox.current.reset();
					outputs.push(...(await outputOf(c, sandbox.credentials(), version)));
				}
				const file = schemaFile(o.node, version, o.resource, o.operation);
				if (WRITE) {
					fs.mkdirSync(path.dirname(file), { recursive: true });
					fs.writeFileSync(
						file,
						`${JSON.stringify(mergeSchemas(outputs.map(inferSchema)), null, '\t')}\n`,
					);
				}
				expect({ file: relative(file), exists: fs.existsSync(file) }).toEqual({
					file: relative(file),
					exists: true,
				});
				const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema;
				// what n8n's editor requires before it shows a schema: an object type with properties
				expect(schema.type).toBe('object');
				expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
				const problems = outputs.flatMap((json, index) =>
					schemaProblems(json, schema, `item ${index}`),
				);
				if (problems.length > 0)
					throw new Error(
						`${relative(file)} no longer fits the output (${REGENERATE}):\n${problems.join('\n')}`,
					);
			}
		},
	);

	it('keeps no schema file for an operation the nodes do not offer', () => {
		const expected = new Set(
			offered.flatMap((o) =>
				versionsOf(o.node).map((v) => schemaFile(o.node, v, o.resource, o.operation)),
			),
		);
		const stray = NODES.flatMap((node) => existingSchemaFiles(node.name)).filter(
			(file) => !expected.has(file),
		);
		expect(stray.map(relative)).toEqual([]);
	});
});
