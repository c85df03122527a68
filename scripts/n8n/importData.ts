import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type N8nInstance, runN8n } from './n8nCli';
import { describeFailure } from './runCommand';

export interface CredentialToImport {
	id: string;
	name: string;
	/** Credential type name, e.g. `useApiApi`. */
	type: string;
	/** Plain values; n8n encrypts them with the instance's encryption key on import. */
	data: Record<string, unknown>;
}

/** A workflow as n8n exports it; `id` is required so tests can execute it by id. */
export interface WorkflowJson {
	id: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

/** A workflow file path or a workflow object. */
export type WorkflowSource = string | WorkflowJson;

function importFile(instance: N8nInstance, name: string, content: unknown): string {
	const folder = join(instance.userFolder, 'imports');
	mkdirSync(folder, { recursive: true });
	const file = join(folder, name);
	writeFileSync(file, JSON.stringify(content, null, 2));
	return file;
}

export function readWorkflow(source: WorkflowSource): WorkflowJson {
	const workflow = typeof source === 'string' ? (JSON.parse(readFileSync(source, 'utf8')) as WorkflowJson) : source;
	const where = typeof source === 'string' ? source : `workflow "${workflow.name}"`;
	if (typeof workflow.id !== 'string' || workflow.id.length === 0 || workflow.id.length > 21) {
		throw new Error(`${where}: needs an "id" of 1 to 21 characters to be imported and executed by id`);
	}
	return workflow;
}

export async function importCredentials(instance: N8nInstance, credentials: CredentialToImport[]): Promise<void> {
	if (credentials.length === 0) return;
	const file = importFile(instance, `credentials-${Date.now()}.json`, credentials);
	const result = await runN8n(instance, ['import:credentials', `--input=${file}`]);
	if (result.exitCode !== 0) throw new Error(`importing credentials failed: ${describeFailure(result)}`);
}

/** Imports all workflows in one n8n run (each n8n start costs seconds); returns their ids. */
export async function importWorkflows(instance: N8nInstance, sources: WorkflowSource[]): Promise<string[]> {
	if (sources.length === 0) return [];
	const workflows = sources.map(readWorkflow);
	const file = importFile(instance, `workflows-${Date.now()}.json`, workflows);
	const result = await runN8n(instance, ['import:workflow', `--input=${file}`]);
	if (result.exitCode !== 0) throw new Error(`importing workflows failed: ${describeFailure(result)}`);
	return workflows.map((workflow) => workflow.id);
}
