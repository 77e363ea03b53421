import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ACTIONS } from '../action-names';
import { isRecord } from '../../shared/validation';
import { valigaraRequest } from '../transport';

// The shapes of these replies are not in the public docs (the examples are stripped): each reader
// accepts a list (of names or of objects) and a map keyed by name or ID.

function text(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function byName(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/** Field names: `["title", …]`, `[{name, title?, type?}, …]` or `{title: "Product title", …}`. */
export function fieldOptions(data: unknown): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [];
	if (Array.isArray(data)) {
		for (const entry of data) {
			const name = isRecord(entry) ? text(entry.name ?? entry.field ?? entry.key) : text(entry);
			if (!name) continue;
			const about = isRecord(entry)
				? text(entry.title ?? entry.label ?? entry.description ?? entry.type)
				: undefined;
			options.push({ name, value: name, ...(about ? { description: about } : {}) });
		}
	} else if (isRecord(data)) {
		for (const [name, entry] of Object.entries(data)) {
			const about = isRecord(entry)
				? text(entry.title ?? entry.label ?? entry.description ?? entry.type)
				: text(entry);
			options.push({ name, value: name, ...(about ? { description: about } : {}) });
		}
	}
	return byName(options);
}

/** Accounts or templates: `[{id, name}, …]`, `{"1001": "eBay US", …}` or `{"1001": {name}, …}`. */
export function namedOptions(data: unknown): INodePropertyOptions[] {
	const options: INodePropertyOptions[] = [];
	const add = (id: string | undefined, label: string | undefined) => {
		if (id) options.push({ name: label ? `${label} (${id})` : id, value: id });
	};
	const labelOf = (entry: IDataObject) =>
		text(entry.name ?? entry.title ?? entry.label ?? entry.account_name);
	if (Array.isArray(data)) {
		for (const entry of data) {
			if (isRecord(entry))
				add(text(entry.id ?? entry.account_id ?? entry.template_id), labelOf(entry));
			else add(text(entry), undefined);
		}
	} else if (isRecord(data)) {
		for (const [key, entry] of Object.entries(data)) {
			if (isRecord(entry)) add(text(entry.id ?? key), labelOf(entry));
			else add(key, text(entry));
		}
	}
	return byName(options);
}

export async function getProductFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(await valigaraRequest(this, ACTIONS.product.listFields));
}

export async function getGemstoneFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return fieldOptions(await valigaraRequest(this, ACTIONS.gemstone.listFields));
}

export async function getListingAccounts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return namedOptions(await valigaraRequest(this, ACTIONS.product.getListingAccounts));
}

export async function getPostTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return namedOptions(await valigaraRequest(this, ACTIONS.product.listPostTemplates));
}
