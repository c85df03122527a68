import type { IncomingMessage } from 'node:http';
import type { LogEntry } from '../log';
import { boundaryOf, parseMultipart } from './multipart';
import { ApiError } from './reply';

/** Generation bodies are small; anything bigger than this is not a generation request. */
const MAX_FORM_BYTES = 16 * 1024 * 1024;

/** One request as the routes see it: the raw path split into segments, the query, and body readers. */
export class RequestContext {
	readonly method: string;
	/** Path and query exactly as sent. */
	readonly rawUrl: string;
	/** Raw (never decoded) path segments. */
	readonly segments: string[];
	readonly query: URLSearchParams;
	params: Record<string, string> = {};
	private bodyStarted = false;

	constructor(
		readonly req: IncomingMessage,
		readonly entry: LogEntry,
		/** The simulator's own base URL, for media links. */
		readonly baseUrl: string,
	) {
		this.method = (req.method ?? 'GET').toUpperCase();
		this.rawUrl = req.url ?? '/';
		const queryStart = this.rawUrl.indexOf('?');
		const rawPath = queryStart === -1 ? this.rawUrl : this.rawUrl.slice(0, queryStart);
		this.segments = rawPath.split('/').filter((segment) => segment !== '');
		this.query = new URLSearchParams(queryStart === -1 ? '' : this.rawUrl.slice(queryStart + 1));
	}

	get contentType(): string {
		return (this.req.headers['content-type'] ?? '').toLowerCase();
	}

	get bodyConsumed(): boolean {
		return this.bodyStarted;
	}

	/** A JSON, multipart or urlencoded body as a plain object (an empty body is `{}`). */
	async form(): Promise<Record<string, unknown>> {
		const raw = await this.collect();
		const type = this.contentType;
		let parsed: Record<string, unknown>;
		if (type.startsWith('multipart/form-data')) {
			const boundary = boundaryOf(this.req.headers['content-type'] ?? '');
			if (!boundary) throw new ApiError(400, 'multipart/form-data body without a boundary');
			parsed = parseMultipart(raw, boundary);
		} else if (type.startsWith('application/x-www-form-urlencoded')) {
			parsed = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
		} else if (type === '' || type.startsWith('application/json') || type.startsWith('text/plain')) {
			parsed = parseJsonObject(raw);
		} else {
			throw new ApiError(400, `Unsupported Content-Type ${type}: send application/json or multipart/form-data`);
		}
		this.entry.body = parsed;
		return parsed;
	}

	/** Consumes the body without keeping it; resolves with its size. */
	streamBody(onChunk?: (chunk: Buffer) => void): Promise<number> {
		this.bodyStarted = true;
		return new Promise((resolve, reject) => {
			this.req.on('data', (chunk: Buffer) => {
				this.entry.bodyBytes += chunk.length;
				onChunk?.(chunk);
			});
			this.req.on('end', () => resolve(this.entry.bodyBytes));
			const cutOff = () => reject(new ApiError(400, 'The request body was cut off'));
			this.req.on('error', cutOff);
			this.req.on('close', () => {
				if (!this.req.complete) cutOff();
			});
		});
	}

	/** Reads and discards whatever body is left, so the connection can be reused. */
	discardBody(): void {
		if (!this.bodyStarted) void this.streamBody().catch(() => undefined);
	}

	private async collect(): Promise<Buffer> {
		const chunks: Buffer[] = [];
		let tooBig = false;
		await this.streamBody((chunk) => {
			if (this.entry.bodyBytes > MAX_FORM_BYTES) tooBig = true;
			else chunks.push(chunk);
		});
		if (tooBig) throw new ApiError(413, `Request body larger than ${MAX_FORM_BYTES} bytes`);
		return Buffer.concat(chunks);
	}
}

function parseJsonObject(raw: Buffer): Record<string, unknown> {
	if (raw.length === 0) return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch {
		throw new ApiError(400, 'Request body is not valid JSON');
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new ApiError(400, 'Request body must be a JSON object');
	}
	return parsed as Record<string, unknown>;
}
