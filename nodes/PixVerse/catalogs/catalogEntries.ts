import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import { pixverseRequest } from '../transport/request';
import { defaultAccount } from '../transport/defaultAccount';

/**
 * The entries of a catalog answer. useapi documents GET /videos/effects as `{items: [...]}` but not
 * the shapes of /videos/voices and /videos/restyles, so a bare array and the usual wrappers are read too.
 */
export function catalogEntries(body: unknown, ...wrappers: string[]): IDataObject[] {
	const isEntry = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);
	if (Array.isArray(body)) return body.filter(isEntry);
	if (!isEntry(body)) return [];
	for (const key of ['items', 'data', 'list', 'result', ...wrappers]) {
		const value = body[key];
		if (Array.isArray(value)) return value.filter(isEntry);
		if (isEntry(value)) {
			const nested = catalogEntries(value, ...wrappers);
			if (nested.length) return nested;
		}
	}
	return [];
}

/** The first of `keys` an entry has as a non-empty string or number. */
export function firstValue(entry: IDataObject, keys: string[]): string | number | undefined {
	for (const key of keys) {
		const value = entry[key];
		if ((typeof value === 'string' && value.trim()) || (typeof value === 'number' && Number.isFinite(value))) return value;
	}
	return undefined;
}

/**
 * GETs a catalog. useapi needs `email` once several accounts are configured; catalogs are
 * PixVerse's own, so without one the first configured account is asked.
 */
export async function fetchCatalog(context: PixverseContext, path: string, what: string, email?: string, itemIndex?: number): Promise<unknown> {
	const account = email || (await defaultAccount(context));
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path,
		qs: account ? { email: account } : undefined,
		kind: 'repeatable',
		itemIndex,
		what,
	});
	return response.body;
}
