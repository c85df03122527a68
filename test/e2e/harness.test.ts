/**
 * Proves the real-n8n harness itself, using only n8n's built-in nodes: workflows import and run,
 * outputs and binaries can be read back, failures are reported as failures, the package is
 * installed as `npm pack` ships it, and server mode serves published webhooks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runN8n, SIMULATOR_CREDENTIAL_ID, type WorkflowJson } from '../../scripts/n8n';
import {
	binaryContent,
	binaryMetadata,
	nodeError,
	nodeOutputItems,
	nodeOutputJson,
	useN8nTestEnvironment,
} from './helpers';

const failingWorkflow: WorkflowJson = {
	id: 'harnessStopAndError',
	name: 'Harness: a node that fails',
	nodes: [
		{
			id: '5b0c7c8e-1f5e-4a4f-9d55-0d6f3f0a2001',
			name: 'Manual Trigger',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '5b0c7c8e-1f5e-4a4f-9d55-0d6f3f0a2002',
			name: 'Fail',
			type: 'n8n-nodes-base.stopAndError',
			typeVersion: 1,
			position: [220, 0],
			parameters: { errorMessage: 'deliberate failure' },
		},
	],
	connections: { 'Manual Trigger': { main: [[{ node: 'Fail', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

function filesUnder(folder: string): string[] {
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(folder, join(entry.parentPath, entry.name)))
		.sort();
}

describe('n8n execute (CLI)', () => {
	const n8n = useN8nTestEnvironment({ workflows: ['test/e2e/fixtures/built-in-nodes.json', failingWorkflow] });

	it('runs a workflow of built-in nodes and returns every node output', async () => {
		const run = await n8n.executeOk('harnessSetToFile');

		const fields = { greeting: 'hello from n8n', answer: 42 };
		expect(nodeOutputJson(run, 'Set Fields')).toEqual([fields]);

		const [file] = nodeOutputItems(run, 'To JSON File');
		expect(binaryMetadata(file)).toMatchObject({ mimeType: 'application/json', fileName: 'fields.json' });
		const content = binaryContent(n8n.userFolder, file);
		expect(binaryMetadata(file).bytes).toBe(content.length);
		expect(JSON.parse(content.toString('utf8'))).toEqual([fields]);
	});

	it('reports a failed node as not ok, with the execution and the error', async () => {
		const execution = await n8n.execute('harnessStopAndError');

		expect(execution.ok).toBe(false);
		expect(execution.exitCode).toBe(1);
		expect(execution.result?.status).toBe('error');
		expect(nodeError(execution.result!, 'Fail')?.message).toBe('deliberate failure');
		await expect(n8n.executeOk('harnessStopAndError')).rejects.toThrow(/deliberate failure/);
	});

	it('installs the package into the user folder exactly as npm pack ships it', () => {
		const installed = join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-useapi-pixverse');
		expect(existsSync(join(installed, 'package.json'))).toBe(true);
		expect(filesUnder(installed)).toEqual(n8n.packed.files);
		const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string };
		expect(manifest.version).toBe(n8n.packed.version);
	});

	it('imports the simulator credential, encrypted, pointing at the simulator', async () => {
		const output = join(n8n.userFolder, 'exported-credentials.json');
		const exported = await runN8n(n8n.instance, [
			'export:credentials',
			`--id=${SIMULATOR_CREDENTIAL_ID}`,
			'--decrypted',
			`--output=${output}`,
		]);
		expect(exported.exitCode).toBe(0);
		const [credential] = JSON.parse(readFileSync(output, 'utf8')) as Array<{ type: string; data: unknown }>;
		expect(credential.type).toBe('useApiApi');
		expect(credential.data).toEqual({ apiToken: 'sim-token', baseUrl: n8n.simulator.url });
	});
});

describe('n8n start (server mode)', () => {
	const n8n = useN8nTestEnvironment({
		workflows: ['test/e2e/fixtures/webhook-ping.json'],
		server: { publish: ['harnessWebhookPing'] },
		shared: true,
	});

	it('serves the webhook of a published workflow', async () => {
		const response = await fetch(`${n8n.server!.url}/webhook/harness-ping?name=pixverse`);

		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ pong: 'pixverse' });
	});
});
