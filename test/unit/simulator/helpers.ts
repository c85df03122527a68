import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../simulator';

export const TOKEN = 'sim-token';
export const EMAIL = 'demo@example.com';

export interface ApiResponse {
	status: number;
	headers: Headers;
	/** Parsed JSON when the body is JSON, otherwise the text. */
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An in-process simulator on a random port, closed after the suite. */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
	let simulator: Simulator | undefined;
	const initial: SimulatorOptions = { renderMs: 200, ...options };
	beforeAll(async () => {
		simulator = await startSimulator({ ...initial, port: 0 });
	});
	beforeEach(() => simulator?.reset(initial));
	afterAll(async () => simulator?.close());
	return () => {
		if (!simulator) throw new Error('simulator not started');
		return simulator;
	};
}

export async function call(
	simulator: Simulator,
	method: string,
	path: string,
	body?: unknown,
	init: { token?: string | null; contentType?: string } = {},
): Promise<ApiResponse> {
	const headers: Record<string, string> = {};
	const token = init.token === undefined ? TOKEN : init.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	let payload: string | Buffer | undefined;
	if (body !== undefined) {
		headers['Content-Type'] = init.contentType ?? 'application/json';
		payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
	}
	const response = await fetch(`${simulator.url}${path}`, { method, headers, body: payload });
	const text = await response.text();
	let parsed: unknown = text;
	if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
	return { status: response.status, headers: response.headers, body: parsed };
}

export const create = (simulator: Simulator, body: Record<string, unknown>) =>
	call(simulator, 'POST', '/v2/pixverse/videos/create', body);

/** POST /images/create, /speech/create or /music/create. */
export const createMedia = (simulator: Simulator, resource: 'images' | 'speech' | 'music', body: Record<string, unknown>) =>
	call(simulator, 'POST', `/v2/pixverse/${resource}/create`, body);

/** Polls GET /images|speech|music/{id} until the record says it is final. */
export const finalMedia = (simulator: Simulator, resource: 'images' | 'speech' | 'music', id: string) =>
	waitFor(async () => {
		const { body } = await call(simulator, 'GET', `/v2/pixverse/${resource}/${id}`);
		return body.image_status_final === true || body.audio_status_final === true ? body : undefined;
	});

export const getVideo = (simulator: Simulator, id: string) => call(simulator, 'GET', `/v2/pixverse/videos/${id}`);

export async function uploadImage(simulator: Simulator): Promise<string> {
	const response = await call(simulator, 'POST', '/v2/pixverse/files', Buffer.from('png bytes'), { contentType: 'image/png' });
	return response.body.result[0].path;
}

/** Polls `probe` until it gives a value; the timeout only guards a hang (a busy machine is slow, not wrong). */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await sleep(20);
	}
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls GET /videos/{id} until it answers with a final record. */
export const finalRecord = (simulator: Simulator, id: string) =>
	waitFor(async () => {
		const response = await getVideo(simulator, id);
		return response.status === 200 && response.body.video_status_final ? response.body : undefined;
	});

export interface Received {
	body: Record<string, unknown>;
}

/**
 * Webhook receivers on random ports for a test file: call it at the top level; each receiver answers
 * with the given status and is closed after each test.
 */
export function receiverFactory(): (status?: number) => Promise<{ url: string; received: Received[] }> {
	const open: Server[] = [];
	afterEach(async () => {
		for (const server of open.splice(0)) {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});
	return async (status = 200) => {
		const received: Received[] = [];
		const server: Server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push({ body: JSON.parse(Buffer.concat(chunks).toString()) });
				res.writeHead(status).end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		open.push(server);
		return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
	};
}
