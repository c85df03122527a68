import { NodeApiError } from 'n8n-workflow';
import { HarnessProbe } from './fixtures/HarnessProbe.node';
import { ProbeApi } from './fixtures/ProbeApi.credentials';
import { probeToken, startProbeServer, type ProbeServer } from './fixtures/probe-server';
import { disposeN8nRuntime } from './n8n-runtime';
import { runNode } from './run-node';

let server: ProbeServer;
const credentialTypes = [new ProbeApi()];
const credentials = () => ({ probeApi: { apiToken: probeToken, baseUrl: server.url } });

beforeAll(async () => {
	server = await startProbeServer();
});

afterAll(async () => {
	await server.close();
	await disposeN8nRuntime();
});

describe('runNode', () => {
	it('sends an authenticated GET with the header and query the credential type derives', async () => {
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: 'abc' },
			credentials: credentials(),
			credentialTypes,
		});
		expect(run.error).toBeUndefined();
		expect(run.output).toEqual([[{ json: { id: 'abc', name: 'Thing abc' }, pairedItem: { item: 0 } }]]);
		const request = server.requests.at(-1);
		expect(request?.headers.authorization).toBe(`Bearer ${probeToken}`);
		expect(request?.query).toEqual({ tokenLength: String(probeToken.length) });
	});

	it('surfaces a 404 as a NodeApiError', async () => {
		const run = await runNode({
			node: new HarnessProbe(),
			parameters: { operation: 'getThing', thingId: 'missing' },
			credentials: credentials(),
			credentialTypes,
		});
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).httpCode).toBe('404');
	});
});
