import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { videoItem } from '../outputItems';

/** n8n's standard Return All / Limit pair for list operations. */
export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

export interface PagingSettings {
	returnAll: boolean;
	/** Most items wanted when not returning all. */
	limit: number;
	/** Items asked for per request when more are wanted than that. */
	pageSize: number;
}

/** One request: items from `offset`, at most `limit` of them. */
export type FetchPage<T> = (offset: number, limit: number) => Promise<T[]>;

export interface PageFilter<T> {
	/** Only the items it keeps are collected and count against the Limit (every request then asks for a full page). */
	keep?: (item: T) => boolean;
	/** Ends the walk after a page it is true for, e.g. one reaching past a time window in a list sorted by time. */
	isLastPage?: (page: T[]) => boolean;
}

/**
 * Pages through an offset/limit list until a page comes back short, asking for no more than
 * the Limit still needs. `keyOf` names an item: a page that brings nothing new ends the walk,
 * so a server that ignores the offset cannot loop it forever.
 */
export async function collectPages<T>(fetchPage: FetchPage<T>, settings: PagingSettings, keyOf: (item: T) => unknown, filter: PageFilter<T> = {}): Promise<T[]> {
	const collected: T[] = [];
	const seen = new Set<unknown>();
	let offset = 0;
	for (;;) {
		const missing = settings.returnAll ? Number.POSITIVE_INFINITY : settings.limit - collected.length;
		if (missing <= 0) break;
		const wanted = filter.keep ? settings.pageSize : Math.min(settings.pageSize, missing);
		const page = await fetchPage(offset, wanted);
		const fresh = page.filter((item) => {
			const key = keyOf(item);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		collected.push(...(filter.keep ? fresh.filter(filter.keep) : fresh));
		offset += page.length;
		if (page.length < wanted || fresh.length === 0 || filter.isLastPage?.(page)) break;
	}
	return settings.returnAll ? collected : collected.slice(0, settings.limit);
}

/** Return All / Limit over a catalog fetched whole (useapi does not page voices or restyles). */
export function catalogItems(context: IExecuteFunctions, itemIndex: number, entries: IDataObject[]): INodeExecutionData[] {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	return (returnAll ? entries : entries.slice(0, Math.max(0, limit))).map((entry) => videoItem(entry, itemIndex));
}
