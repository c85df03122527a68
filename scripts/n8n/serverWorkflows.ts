/**
 * Workflows in a running n8n through its REST API, as the editor handles them: credentials and
 * workflows created, published, and run manually ("Execute workflow"), the finished execution
 * read back in the shape `n8n execute` prints. One server can so hold the workflows of many test
 * files, each file with its own credential (pointing at its own simulator).
 */
import type { EditorSession } from './editorSession';
import type { ExecuteResult } from './executeWorkflow';
import type { CredentialToImport, WorkflowJson } from './importData';
import { n8nExecutions } from './n8nExecutions';
import { SIMULATOR_CREDENTIAL_ID } from './simulatorCredential';
import { waitFor } from './waitFor';

export interface CredentialRef {
	id: string;
	name: string;
}

/** Creates a credential (n8n gives it its id) in the owner's project. */
export async function createCredential(editor: EditorSession, credential: Omit<CredentialToImport, 'id'>): Promise<CredentialRef> {
	const created = await editor.request<{ id: string; name: string }>('POST', '/rest/credentials', credential);
	return { id: created.id, name: created.name };
}

/** The workflow with every node that uses the simulator credential pointed at `credential` instead. */
export function withCredential(workflow: WorkflowJson, credential: CredentialRef): WorkflowJson {
	const nodes = (workflow.nodes as Array<{ credentials?: Record<string, { id?: string; name?: string }> }>).map((node) => {
		if (!node.credentials) return node;
		const credentials = Object.fromEntries(
			Object.entries(node.credentials).map(([type, ref]) => [type, ref.id === SIMULATOR_CREDENTIAL_ID ? { ...credential } : ref]),
		);
		return { ...node, credentials };
	});
	return { ...workflow, nodes };
}

/** Saves a workflow under its own id, as the editor saves a new one; fails if the id is taken. */
export async function createWorkflow(editor: EditorSession, workflow: WorkflowJson): Promise<void> {
	const { id, name, nodes, connections, settings, pinData } = workflow;
	await editor.request('POST', '/rest/workflows', { id, name, nodes, connections, settings: settings ?? {}, pinData: pinData ?? {} });
}

/** Publishes (activates) a saved workflow: its triggers and webhooks start at once. */
export async function publishSavedWorkflow(editor: EditorSession, workflowId: string): Promise<void> {
	const { versionId } = await editor.request<{ versionId: string }>('GET', `/rest/workflows/${workflowId}`);
	const { active } = await editor.request<{ active: boolean }>('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
	if (!active) throw new Error(`workflow ${workflowId} was not published`);
}

export async function unpublishWorkflow(editor: EditorSession, workflowId: string): Promise<void> {
	await editor.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
}

const RUNNING = new Set(['new', 'running']);

/**
 * Runs a saved workflow from its Manual Trigger in the server, as "Execute workflow" in the editor
 * does, and waits until the execution has finished or parked (status `waiting`). `ok` as for
 * `n8n execute`: it ended or parked without an error. There is no process, so no exit code,
 * signal or output.
 */
export async function runWorkflowManually(editor: EditorSession, workflowId: string, timeoutMs = 270_000): Promise<ExecuteResult> {
	const workflow = await editor.request<WorkflowJson>('GET', `/rest/workflows/${workflowId}`);
	const trigger = (workflow.nodes as Array<{ name: string; type: string }>).find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`workflow ${workflowId} has no Manual Trigger to run it from`);
	const started = await editor.request<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: trigger.name },
	});
	if (!started.executionId) throw new Error(`running workflow ${workflowId} started no execution: ${JSON.stringify(started)}`);
	const executions = await n8nExecutions('', editor);
	let timedOut = false;
	const result = await waitFor(
		`execution ${started.executionId} of workflow ${workflowId} to end`,
		async () => {
			const execution = await executions.get(started.executionId!);
			return RUNNING.has(execution.status) ? undefined : execution;
		},
		timeoutMs,
	).catch(async () => {
		timedOut = true;
		return executions.get(started.executionId!);
	});
	const ok = !timedOut && (result.status === 'success' || result.status === 'waiting') && !result.data?.resultData?.error;
	return { ok, exitCode: null, signal: null, timedOut, result, stdout: '', stderr: '' };
}
