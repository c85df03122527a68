import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

/** What a route answers; the server decides how (and whether, under a fault) it reaches the wire. */
export type Reply =
	| { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
	| { kind: 'raw'; status: number; contentType: string; body: Buffer; headers?: Record<string, string> }
	| { kind: 'stream'; status: number; contentType: string; length: number; open(): Readable }
	| { kind: 'empty'; status: number }
	| { kind: 'reset' };

/** Thrown anywhere in a route to answer `{"error": message, "code": status}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly headers?: Record<string, string>,
	) {
		super(message);
	}
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
	kind: 'json',
	status,
	body,
	headers,
});

export const apiError = (status: number, message: string, headers?: Record<string, string>): Reply =>
	json(status, { error: message, code: status }, headers);

export const noContent = (): Reply => ({ kind: 'empty', status: 204 });

export function statusOf(reply: Reply): number | undefined {
	return reply.kind === 'reset' ? undefined : reply.status;
}

/**
 * Writes a reply. With `truncateAfter`, the full Content-Length is announced but the connection is
 * closed after that many body bytes, which is what a client sees when a download breaks off.
 */
export function writeReply(
	req: IncomingMessage,
	res: ServerResponse,
	reply: Reply,
	truncateAfter?: number,
): Promise<void> {
	if (reply.kind === 'reset') {
		req.socket.destroy();
		return Promise.resolve();
	}
	if (reply.kind === 'empty') {
		res.writeHead(reply.status).end();
		return finished(res);
	}
	if (reply.kind === 'stream') {
		res.writeHead(reply.status, { 'Content-Type': reply.contentType, 'Content-Length': String(reply.length) });
		if (req.method === 'HEAD') {
			res.end();
			return finished(res);
		}
		return pipeBody(reply.open(), res, truncateAfter);
	}
	const body = reply.kind === 'raw' ? reply.body : Buffer.from(JSON.stringify(reply.body));
	const contentType = reply.kind === 'raw' ? reply.contentType : 'application/json; charset=utf-8';
	res.writeHead(reply.status, { ...reply.headers, 'Content-Type': contentType, 'Content-Length': String(body.length) });
	if (req.method === 'HEAD') {
		res.end();
	} else if (truncateAfter !== undefined && truncateAfter < body.length) {
		res.write(body.subarray(0, truncateAfter), () => res.socket?.destroySoon());
	} else {
		res.end(body);
	}
	return finished(res);
}

function pipeBody(source: Readable, res: ServerResponse, truncateAfter: number | undefined): Promise<void> {
	return new Promise((resolve) => {
		let sent = 0;
		const stop = () => {
			source.destroy();
			resolve();
		};
		res.on('close', stop);
		res.on('error', stop);
		source.on('error', () => {
			res.destroy();
			resolve();
		});
		source.on('end', () => res.end());
		source.on('data', (chunk: Buffer) => {
			if (truncateAfter !== undefined && sent + chunk.length >= truncateAfter) {
				source.pause();
				res.write(chunk.subarray(0, truncateAfter - sent), () => res.socket?.destroySoon());
				source.destroy();
				return;
			}
			sent += chunk.length;
			if (!res.write(chunk)) {
				source.pause();
				res.once('drain', () => source.resume());
			}
		});
	});
}

function finished(res: ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		if (res.writableFinished || res.destroyed) resolve();
		else {
			res.once('finish', () => resolve());
			res.once('close', () => resolve());
		}
	});
}
