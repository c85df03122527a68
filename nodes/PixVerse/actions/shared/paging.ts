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

/**
 * Pages through an offset/limit list until a page comes back short, asking for no more than
 * the Limit still needs. `keyOf` names an item: a page that brings nothing new ends the walk,
 * so a server that ignores the offset cannot loop it forever.
 */
export async function collectPages<T>(fetchPage: FetchPage<T>, settings: PagingSettings, keyOf: (item: T) => unknown): Promise<T[]> {
	const collected: T[] = [];
	const seen = new Set<unknown>();
	let offset = 0;
	for (;;) {
		const wanted = settings.returnAll ? settings.pageSize : Math.min(settings.pageSize, settings.limit - collected.length);
		if (wanted <= 0) break;
		const page = await fetchPage(offset, wanted);
		const fresh = page.filter((item) => {
			const key = keyOf(item);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		collected.push(...fresh);
		offset += page.length;
		if (page.length < wanted || fresh.length === 0) break;
	}
	return settings.returnAll ? collected : collected.slice(0, settings.limit);
}

/** Return All / Limit over a catalog fetched whole (useapi does not page voices or restyles). */
export function catalogItems(context: IExecuteFunctions, itemIndex: number, entries: IDataObject[]): INodeExecutionData[] {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	return (returnAll ? entries : entries.slice(0, Math.max(0, limit))).map((entry) => videoItem(entry, itemIndex));
}
