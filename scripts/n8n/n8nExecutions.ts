/**
 * Reads a running n8n's executions through its REST API (what the editor's Executions list uses),
 * signed in as its owner. Executions started by triggers and webhooks exist only there: `n8n
 * execute` cannot run them.
 */
import type { ExecutionJson } from './executionOutput';
import { signInAsOwner, type EditorSession } from './editorSession';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
	/** ISO times; stoppedAt is missing while the execution runs. */
	startedAt?: string;
	stoppedAt?: string;
	/** The execution this one retried (n8n's Retry), if any. */
	retryOf?: string | null;
}

export interface N8nExecutions {
	/** Executions of one workflow, newest first. */
	list(workflowId: string): Promise<ExecutionSummary[]>;
	/** One execution with its run data, shaped like `n8n execute` output. */
	get(id: string): Promise<ExecutionJson>;
	/**
	 * The editor's Retry (with the workflow as the execution saved it); n8n answers once the new
	 * execution has ended, with its summary.
	 */
	retry(id: string): Promise<ExecutionSummary>;
}

/**
 * n8n sends run data "flatted": one JSON array where every string inside an object or array is the
 * index of the entry holding the actual value (so shared and circular references survive).
 */
export function parseFlatted(text: string): unknown {
	const entries = JSON.parse(text) as unknown[];
	const revived = new Set<object>();
	const revive = (value: unknown): unknown => {
		if (value === null || typeof value !== 'object' || revived.has(value)) return value;
		revived.add(value);
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			if (typeof record[key] === 'string') record[key] = revive(entries[Number(record[key])]);
		}
		return value;
	};
	return revive(entries[0]);
}

/** Signs in as the owner, or uses the session given (n8n sets its owner up only once). */
export async function n8nExecutions(baseUrl: string, session?: EditorSession): Promise<N8nExecutions> {
	const editor = session ?? (await signInAsOwner(baseUrl));
	return {
		async list(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			return (await editor.request<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${filter}&limit=100`)).results;
		},
		async get(id) {
			const execution = await editor.request<{ data: string; status: string; mode: string }>('GET', `/rest/executions/${id}`);
			return { ...execution, data: parseFlatted(execution.data) } as unknown as ExecutionJson;
		},
		async retry(id) {
			return editor.request<ExecutionSummary>('POST', `/rest/executions/${id}/retry`, { loadWorkflow: false });
		},
	};
}
