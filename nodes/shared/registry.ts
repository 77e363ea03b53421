import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { optionsCollection, requestsAtOnceForReads, requestsAtOnceForWrites } from './fields';
import type { OperationResult } from './items';

/**
 * Everything about one operation, exported by its file under actions/<resource>/:
 *
 *   export const operation = { displayName: 'Operation', name: 'operation', type: 'options',
 *     default: 'get', options: [{ name: 'Get', value: 'get', description: '…', action: 'Get a product' }] } satisfies INodeProperties;
 *   export const properties: INodeProperties[] = [ …its fields, unscoped… ];
 *   export async function execute(this: IExecuteFunctions, itemIndex: number) { … }   (or executeBatch)
 *   export const reads = true;   (only when it only reads)
 *
 * Its option is written as an Operation parameter of one option so that n8n's lint checks it
 * (action text, Get Many wording) where it lives. `resource()` builds the rest.
 */
export interface OperationModule {
	operation: INodeProperties;
	properties: INodeProperties[];
	/** one input item at a time (most operations) */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** all input items at once (bulk endpoints that batch them) */
	executeBatch?(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
	/** the operation only reads (Get, Get Many, Export…): items may run several at once */
	reads?: boolean;
}

/** A resource as the node uses it: its part of the description, and its operations by value. */
export interface Resource {
	name: string;
	/** the Operation selector, then each operation's fields, shown for it only */
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}

/**
 * A per-item operation's fields with Options › Requests at Once added (into its Options collection,
 * or a new one): one helper gives every operation the same option. Bulk operations batch instead.
 */
function withRequestsAtOnce(module: OperationModule): INodeProperties[] {
	if (module.executeBatch) return module.properties;
	const option = module.reads ? requestsAtOnceForReads : requestsAtOnceForWrites;
	const index = module.properties.findIndex(
		(property) => property.name === 'options' && property.type === 'collection',
	);
	if (index < 0) {
		return [...module.properties, optionsCollection([option])];
	}
	const collection = module.properties[index];
	const withOption = optionsCollection(
		[...((collection.options as INodeProperties[]) ?? []), option],
		collection,
	);
	return module.properties.map((property, at) => (at === index ? withOption : property));
}

function optionOf(module: OperationModule, resource: string): INodePropertyOptions {
	const options = module.operation.options as INodePropertyOptions[] | undefined;
	if (module.operation.name !== 'operation' || options?.length !== 1) {
		throw new Error(
			`An operation of "${resource}" must export \`operation\` with exactly one option`,
		);
	}
	if (!module.execute === !module.executeBatch) {
		throw new Error(
			`"${resource} › ${String(options[0].value)}" must export one of execute or executeBatch`,
		);
	}
	return options[0];
}

/**
 * One resource from the list of its operation modules: the Operation selector (options sorted by
 * name, as n8n's lint wants them), each module's fields scoped to it with `updateDisplayOptions`,
 * and the map the router dispatches on. Adding an operation is its file and one entry here.
 */
export function resource(
	name: string,
	modules: OperationModule[],
	defaultOperation: string,
	/** fields shown for every operation of the resource, above its Operation selector (a notice) */
	heading: INodeProperties[] = [],
): Resource {
	const entries = modules.map((module) => ({ module, option: optionOf(module, name) }));
	const operations: Record<string, OperationModule> = {};
	for (const { module, option } of entries) {
		const value = String(option.value);
		if (operations[value]) throw new Error(`"${name}" has two operations "${value}"`);
		operations[value] = module;
	}
	if (!operations[defaultOperation])
		throw new Error(`"${name}" has no operation "${defaultOperation}" to start with`);
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [name] } },
		options: entries.map(({ option }) => option).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	return {
		name,
		description: [
			...updateDisplayOptions({ show: { resource: [name] } }, heading),
			selector,
			...entries.flatMap(({ module, option }) =>
				updateDisplayOptions(
					{ show: { resource: [name], operation: [String(option.value)] } },
					withRequestsAtOnce(module),
				),
			),
		],
		operations,
	};
}
