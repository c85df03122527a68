import { createHash, randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { NodeApiError, type ICredentialType } from 'n8n-workflow';
import { HarnessProbe } from './fixtures/HarnessProbe.node';
import { ProbeApi } from './fixtures/ProbeApi.credentials';
import { probeColors, probeToken, startProbeServer, type ProbeServer } from './fixtures/probe-server';
import {
	createInputBinary,
	discoverProjectCredentialTypes,
	ensureN8nRuntime,
	loadOptions,
	runNode,
	testCredential,
} from './index';

let server: ProbeServer;
const credentialTypes = [new ProbeApi()];
const credentials = (overrides: Record<string, string> = {}) => ({
	probeApi: { apiToken: probeToken, baseUrl: server.url, ...overrides },
});
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
	server = await startProbeServer();
});

afterAll(async () => {
	await server.close();
});

describe('runNode: requests', () => {
	it('sends an authenticated GET carrying the header and query the credential type derives', async () => {
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: 'abc' },
			credentials: credentials(),
			credentialTypes,
		});

		expect(run.error).toBeUndefined();
		expect(run.output).toEqual([[{ json: { id: 'abc', name: 'Thing abc' }, pairedItem: { item: 0 } }]]);
		const request = server.requests.at(-1);
		expect(request?.path).toBe('/things/abc');
		expect(request?.headers.authorization).toBe(`Bearer ${probeToken}`);
		expect(request?.query).toEqual({ tokenLength: String(probeToken.length) });
	});

	it('applies a credential type whose authenticate is a function', async () => {
		const functionAuth: ICredentialType = {
			name: 'probeApi',
			displayName: 'Probe API (function auth)',
			properties: new ProbeApi().properties,
			authenticate: async (data, options) => ({
				...options,
				headers: { ...options.headers, Authorization: `Bearer ${String(data.apiToken)}` },
			}),
		};
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: 'fn' },
			credentials: credentials(),
			credentialTypes: [functionAuth],
		});

		expect(run.error).toBeUndefined();
		expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${probeToken}`);
	});

	it('fills an expirable session token through the credential type preAuthentication', async () => {
		const sessionAuth: ICredentialType = {
			name: 'probeApi',
			displayName: 'Probe API (session token)',
			properties: [
				...new ProbeApi().properties,
				{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', typeOptions: { expirable: true }, default: '' },
			],
			preAuthentication: async (data) => ({ sessionToken: String(data.apiToken) }),
			authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } } },
		};
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: 'session' },
			credentials: credentials(),
			credentialTypes: [sessionAuth],
		});

		expect(run.error).toBeUndefined();
		expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${probeToken}`);
		expect(run.credentials.probeApi.sessionToken).toBe(probeToken);
	});

	it('resolves an expression parameter separately for every item', async () => {
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: "={{ $json.id }}-{{ $('Input').item.json.id.toUpperCase() }}" },
			items: [{ json: { id: 'a' } }, { json: { id: 'b' } }],
			credentials: credentials(),
			credentialTypes,
		});

		expect(run.error).toBeUndefined();
		expect(run.output?.[0].map((item) => item.json.id)).toEqual(['a-A', 'b-B']);
	});

	it('surfaces a 404 as a NodeApiError', async () => {
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: 'missing' },
			credentials: credentials(),
			credentialTypes,
		});

		expect(run.output).toBeUndefined();
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).httpCode).toBe('404');
	});

	it('lets the node continue past a failing item when On Error is set to continue', async () => {
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: '={{ $json.id }}' },
			items: [{ json: { id: 'missing' } }, { json: { id: 'ok' } }],
			credentials: credentials(),
			credentialTypes,
			continueOnFail: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.output?.[0]).toEqual([
			{ json: { error: expect.stringMatching(/could not be found/) }, pairedItem: { item: 0 } },
			{ json: { id: 'ok', name: 'Thing ok' }, pairedItem: { item: 1 } },
		]);
	});

	it('keeps SSRF protection on for every address but 127.0.0.1', async () => {
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: 'abc' },
			credentials: credentials({ baseUrl: server.url.replace('127.0.0.1', '127.0.0.2') }),
			credentialTypes,
		});

		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).cause).toMatchObject({ name: 'SsrfBlockedIpError', ip: '127.0.0.2' });
	});

	it('hands the execution cancel signal to the node and its requests', async () => {
		const controller = new AbortController();
		const running = runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'waitForCancel' },
			credentials: credentials(),
			credentialTypes,
			abortSignal: controller.signal,
		});
		await waitFor(() => server.requests.some((request) => request.path === '/hang'));
		controller.abort();
		const run = await running;

		expect(run.error).toBeUndefined();
		expect(run.output?.[0][0].json).toEqual({ signalAborted: true, requestError: expect.stringMatching(/cancel|abort/i) });
		await expect(server.hangAbandoned).resolves.toBeUndefined();
	});
});

describe('runNode: binary data', () => {
	it('streams a 20 MB download into filesystem binary storage', async () => {
		const file = randomBytes(20 * 1024 * 1024);
		server.setFile(file);

		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'download' },
			credentials: credentials(),
			credentialTypes,
		});

		expect(run.error).toBeUndefined();
		const item = run.output![0][0];
		const binary = item.binary!.data;
		expect(binary).toMatchObject({ mimeType: 'video/mp4', fileName: 'clip.mp4', bytes: file.length, data: 'filesystem-v2' });
		expect(binary.id).toMatch(/^filesystem-v2:/);

		const { binaryDataService, binaryDataFolder } = await ensureN8nRuntime();
		const storedPath = binaryDataService.getPath(binary.id!);
		expect(path.relative(binaryDataFolder, storedPath).startsWith('..')).toBe(false);
		expect((await stat(storedPath)).size).toBe(file.length);
		expect(sha256(await run.readBinary(item, 'data'))).toBe(sha256(file));
	});

	it('gives the node an input binary it can read as a stream', async () => {
		const upload = randomBytes(3 * 1024 * 1024 + 17);
		const binary = await createInputBinary(upload, 'upload.png', 'image/png');
		expect(binary.id).toMatch(/^filesystem-v2:/);

		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'inspectUpload', binaryPropertyName: 'data' },
			items: [{ json: {}, binary: { data: binary } }],
			credentials: credentials(),
			credentialTypes,
		});

		expect(run.error).toBeUndefined();
		expect(run.output?.[0][0].json).toEqual({
			bytes: upload.length,
			sha256: sha256(upload),
			streamed: true,
			fileName: 'upload.png',
		});
	});
});

describe('loadOptions', () => {
	it('runs a loadOptions method with the node credentials', async () => {
		const options = await loadOptions(new HarnessProbe(), 'listColors', {
			parameters: { operation: 'getThing' },
			credentials: credentials(),
			credentialTypes,
		});

		expect(options).toEqual(probeColors.map(({ id, label }) => ({ name: label, value: id })));
		expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${probeToken}`);
	});
});

describe('testCredential', () => {
	it('passes with a valid token, resolving the base URL expression from the credential', async () => {
		const result = await testCredential(new ProbeApi(), { apiToken: probeToken, baseUrl: server.url });

		expect(result).toEqual({ ok: true, status: 200, message: 'Connection successful!' });
		expect(server.requests.at(-1)).toMatchObject({ path: '/me', headers: { authorization: `Bearer ${probeToken}` } });
	});

	it('fails with the HTTP status when the token is refused', async () => {
		const result = await testCredential(new ProbeApi(), { apiToken: 'wrong', baseUrl: server.url });

		expect(result).toMatchObject({ ok: false, status: 401 });
		expect(result.message).not.toBe('');
	});
});

describe('discoverProjectCredentialTypes', () => {
	it('instantiates every credential class in a credentials folder', () => {
		const found = discoverProjectCredentialTypes(path.join(__dirname, 'fixtures'));

		expect(found.map((type) => type.name)).toEqual(['probeApi']);
	});
});

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('Timed out waiting for the condition');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
