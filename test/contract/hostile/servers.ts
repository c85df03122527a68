/**
 * Servers for the hostile-API suite, on 127.0.0.1: a hostile "API" whose answers each test
 * scripts, and a canary that must never be reached. Both record every request they get.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path and query, as the client sent them (not normalised). */
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void;

export interface RecordingServer {
	url: string;
	origin: URL;
	requests: RecordedRequest[];
	/** How every following request is answered. */
	answer(handler: Handler): void;
	close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_request, response) => {
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
};

export const redirect = (status: number, location: string): Handler => (_request, response) => {
	response.writeHead(status, { Location: location, 'Content-Type': 'application/json' });
	response.end('{}');
};

export async function startRecordingServer(initial: Handler = json(404, { error: 'nothing here' })): Promise<RecordingServer> {
	const requests: RecordedRequest[] = [];
	let handler = initial;
	const server: Server = createServer((req, res) => {
		void readBody(req).then((body) => {
			const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
			requests.push(request);
			handler(request, res);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		origin: new URL(url),
		requests,
		answer(next) {
			handler = next;
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
