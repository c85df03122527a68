import type { RequestContext } from './context';
import { ApiError, type Reply } from './reply';

export type Handler = (ctx: RequestContext) => Promise<Reply> | Reply;

export interface Route {
	method: string;
	/** Literal segments and `:name` parameters, e.g. /v2/pixverse/videos/:video_id */
	pattern: string;
	/** Whether the route needs a valid Bearer token. */
	auth: boolean;
	handler: Handler;
}

/** Matches raw path segments; parameters are handed over exactly as sent, never decoded (see rawParams). */
export class Router {
	private routes: Array<Route & { parts: string[] }> = [];

	add(method: string, pattern: string, handler: Handler, auth = true): this {
		this.routes.push({ method, pattern, handler, auth, parts: pattern.split('/').filter(Boolean) });
		return this;
	}

	/** The first route (in the order added) matching the request; static paths are added before parameters. */
	find(ctx: RequestContext): { route: Route; params: Record<string, string> } | undefined {
		const method = ctx.method === 'HEAD' ? 'GET' : ctx.method;
		for (const route of this.routes) {
			if (route.method !== method || route.parts.length !== ctx.segments.length) continue;
			const params = matchParts(route.parts, ctx.segments);
			if (params) return { route, params };
		}
		return undefined;
	}
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | undefined {
	const params: Record<string, string> = {};
	for (let index = 0; index < parts.length; index++) {
		if (parts[index].startsWith(':')) params[parts[index].slice(1)] = segments[index];
		else if (parts[index] !== segments[index]) return undefined;
	}
	return params;
}

/** Ids such as user:1-pixverse:a@b.com-video:7 must be sent raw; the encoded form is refused. */
export function rawParams(params: Record<string, string>): Record<string, string> {
	for (const [name, value] of Object.entries(params)) {
		if (value.includes('%')) {
			throw new ApiError(400, `Invalid ${name} ${value}: put it in the path as is, without percent-encoding`);
		}
	}
	return params;
}
