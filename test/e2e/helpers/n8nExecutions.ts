/**
 * Reads a running n8n's executions through its REST API (what the editor's Executions list
 * uses), signed in as the owner that `ownerEnvironment()` makes n8n create at start. Executions
 * started by triggers and webhooks exist only there: `n8n execute` cannot run them.
 */
import type { ExecutionJson } from '../../../scripts/n8n';
import { demoOwnerEnvironment, DEMO_OWNER } from '../../../scripts/demoOwner';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
}

export interface N8nExecutions {
	/** Executions of one workflow, newest first. */
	list(workflowId: string): Promise<ExecutionSummary[]>;
	/** One execution with its run data, shaped like `n8n execute` output. */
	get(id: string): Promise<ExecutionJson>;
}

/** Environment for `n8n start` that creates the owner the REST client signs in as. */
export const ownerEnvironment = demoOwnerEnvironment;

const BROWSER_ID = 'pixverse-e2e';

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

export async function n8nExecutions(baseUrl: string): Promise<N8nExecutions> {
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ emailOrLdapLoginId: DEMO_OWNER.email, password: DEMO_OWNER.password }),
	});
	if (!login.ok) throw new Error(`signing in to n8n failed: ${login.status} ${await login.text()}`);
	const cookie = login.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
	const get = async <T>(path: string): Promise<T> => {
		const response = await fetch(`${baseUrl}/rest${path}`, { headers: { cookie, 'browser-id': BROWSER_ID } });
		if (!response.ok) throw new Error(`GET /rest${path} answered ${response.status}: ${await response.text()}`);
		return ((await response.json()) as { data: T }).data;
	};
	return {
		async list(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			return (await get<{ results: ExecutionSummary[] }>(`/executions?filter=${filter}&limit=100`)).results;
		},
		async get(id) {
			const execution = await get<{ data: string; status: string; mode: string }>(`/executions/${id}`);
			return { ...execution, data: parseFlatted(execution.data) } as unknown as ExecutionJson;
		},
	};
}
