import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault } from './faults';
import { RequestContext } from './http/context';
import { ApiError, apiError, statusOf, writeReply, type Reply } from './http/reply';
import { rawParams, Router } from './http/router';
import type { LogEntry } from './log';
import { registerAccountRoutes } from './routes/accounts';
import { registerAudioRoutes } from './routes/audio';
import { registerCatalogRoutes } from './routes/catalogs';
import { registerControlRoutes } from './routes/control';
import { registerDerivedVideoRoutes } from './routes/derivedVideos';
import { registerFeatureRoutes } from './routes/features';
import { registerFileRoutes } from './routes/files';
import { registerImageRoutes } from './routes/images';
import { registerMediaRoutes } from './routes/media';
import { registerMultiImageVideoRoutes } from './routes/multiImageVideos';
import { registerSchedulerRoutes } from './routes/scheduler';
import { registerVideoIdRoutes, registerVideoRoutes } from './routes/videos';
import type { World } from './world';

const DEFAULT_SLOW_MS = 5000;
const MALFORMED_JSON = Buffer.from('{"video_id": "user:1-pixverse:');

/** Turns HTTP requests into route calls, with logging, auth and fault injection around them. */
export class RequestHandler {
	private readonly api = new Router();
	private readonly control = new Router();
	private readonly delays = new Set<NodeJS.Timeout>();

	constructor(private readonly world: World) {
		registerAccountRoutes(this.api, world);
		registerFeatureRoutes(this.api, world);
		registerFileRoutes(this.api, world);
		registerSchedulerRoutes(this.api, world);
		registerCatalogRoutes(this.api, world);
		registerVideoRoutes(this.api, world);
		registerMultiImageVideoRoutes(this.api, world);
		registerDerivedVideoRoutes(this.api, world);
		registerVideoIdRoutes(this.api, world);
		registerImageRoutes(this.api, world);
		registerAudioRoutes(this.api, world);
		registerMediaRoutes(this.api, world);
		registerControlRoutes(this.control, world);
	}

	readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		if ((req.url ?? '').startsWith('/__sim/')) return this.handleControl(req, res);
		const started = Date.now();
		const authorized = this.world.isAuthorized(req.headers.authorization);
		const entry = this.world.log.start(req.method ?? 'GET', req.url ?? '/', req.headers['content-type'], authorized);
		const ctx = new RequestContext(req, entry, this.world.baseUrl);
		const fault = this.world.faults.take(ctx.method, ctx.rawUrl);
		if (fault) entry.fault = fault.kind;
		const actsBefore = fault !== undefined && fault.kind !== 'truncate' && (fault.phase ?? 'before') === 'before';

		let reply: Reply;
		if (actsBefore && fault.kind !== 'slow') {
			reply = faultReply(fault);
		} else {
			if (actsBefore) await this.delay(fault.delayMs ?? DEFAULT_SLOW_MS);
			reply = await this.dispatch(ctx, authorized);
			if (fault && !actsBefore && fault.kind === 'slow') await this.delay(fault.delayMs ?? DEFAULT_SLOW_MS);
			else if (fault && !actsBefore && fault.kind !== 'truncate') reply = faultReply(fault);
		}
		ctx.discardBody();
		entry.status = statusOf(reply);
		const truncateAfter = fault?.kind === 'truncate' ? (fault.afterBytes ?? Math.floor(replyLength(reply) / 2)) : undefined;
		await writeReply(req, res, reply, truncateAfter);
		entry.durationMs = Date.now() - started;
	};

	/** Ends pending 'slow' faults; their requests are dropped with the server's connections. */
	close(): void {
		for (const timer of this.delays) clearTimeout(timer);
		this.delays.clear();
	}

	private async dispatch(ctx: RequestContext, authorized: boolean): Promise<Reply> {
		try {
			const found = this.api.find(ctx);
			const needsAuth = found ? found.route.auth : ctx.segments[0] === 'v2';
			if (needsAuth && !authorized) return apiError(401, 'Unauthorized');
			if (!found) return apiError(404, `Not found: ${ctx.method} ${ctx.rawUrl}`);
			ctx.params = rawParams(found.params);
			return await found.route.handler(ctx);
		} catch (error) {
			if (error instanceof ApiError) return apiError(error.status, error.message, error.headers);
			return apiError(500, `Simulator error: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	private async handleControl(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const scratch: LogEntry = { seq: 0, time: '', method: '', path: '', bodyBytes: 0, authorized: true };
		const ctx = new RequestContext(req, scratch, this.world.baseUrl);
		let reply: Reply;
		try {
			const found = this.control.find(ctx);
			reply = found ? await found.route.handler(ctx) : apiError(404, `Not found: ${ctx.method} ${ctx.rawUrl}`);
		} catch (error) {
			reply = error instanceof ApiError ? apiError(error.status, error.message) : apiError(500, String(error));
		}
		ctx.discardBody();
		await writeReply(req, res, reply);
	}

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.delays.delete(timer);
				resolve();
			}, ms);
			this.delays.add(timer);
		});
	}
}

function faultReply(fault: Fault): Reply {
	if (fault.kind === 'reset') return { kind: 'reset' };
	if (fault.kind === 'malformed') {
		return { kind: 'raw', status: 200, contentType: 'application/json; charset=utf-8', body: MALFORMED_JSON };
	}
	const status = fault.status ?? 500;
	const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : undefined;
	if (typeof fault.body === 'string') {
		return { kind: 'raw', status, contentType: 'text/plain; charset=utf-8', body: Buffer.from(fault.body), headers };
	}
	return { kind: 'json', status, body: fault.body ?? { error: 'Simulated fault', code: status }, headers };
}

function replyLength(reply: Reply): number {
	if (reply.kind === 'stream') return reply.length;
	if (reply.kind === 'raw') return reply.body.length;
	if (reply.kind === 'json') return Buffer.byteLength(JSON.stringify(reply.body));
	return 0;
}
