import type { RequestContext } from '../http/context';
import { Fields } from '../validation/fields';

/** `?limit=&offset=` of a GET list: offset is a position in the newest-first list. */
export function readPaging(ctx: RequestContext, defaultLimit: number): { limit: number; offset: number } {
	const query = new Fields(Object.fromEntries(ctx.query));
	return {
		limit: query.integer('limit', 1, 1000) ?? defaultLimit,
		offset: query.integer('offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
	};
}
