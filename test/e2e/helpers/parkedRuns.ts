import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { exampleWorkflow, n8nExecutions, nodeOutputItems, readWorkflow, waitFor, type ExecutionJson, type N8nExecutions, type N8nTestEnvironment, type WorkflowJson } from '../../../scripts/n8n';

/**
 * What the e2e files on "Resume When PixVerse Calls Back" share: variants of the resume-on-callback
 * example, and runs that `n8n execute` parks and the file's n8n server (another process, sharing
 * only the database) finishes.
 */

export const RESUME_NODE = 'Render While Parked';

interface WorkflowNode {
	name: string;
	parameters: IDataObject & { assignments?: { assignments: IDataObject[] } };
}

/** The example with other prompts and PixVerse parameters, under its own id. */
export function resumeVariant(id: string, prompts: string[], parameters: IDataObject = {}): WorkflowJson {
	const workflow = readWorkflow(exampleWorkflow('resume-on-callback'));
	const nodes = workflow.nodes as WorkflowNode[];
	nodes.find((node) => node.name === 'Prompts')!.parameters.assignments!.assignments[0].value = `=${JSON.stringify(prompts)}`;
	Object.assign(nodes.find((node) => node.name === RESUME_NODE)!.parameters, parameters);
	return { ...workflow, id, name: `${String(workflow.name)} (${id})` };
}

export function parkedRuns(n8n: N8nTestEnvironment) {
	let executions: N8nExecutions | undefined;

	/** Runs the workflow until it parks (in `n8n execute`), then waits for the server to finish it. */
	async function parkAndFinish(workflowId: string, timeoutMs: number): Promise<{ parked: ExecutionJson; finished: ExecutionJson }> {
		const list = (executions ??= await n8nExecutions(n8n.server!.url));
		const parked = await n8n.executeOk(workflowId, { env: { N8N_WEBHOOK_URL: `${n8n.server!.url}/` } });
		expect(parked.status).toBe('waiting');
		const [execution] = await list.list(workflowId);
		const done = await waitFor(
			'the parked execution to finish',
			async () => {
				const [latest] = await list.list(workflowId);
				return latest.status === 'success' ? latest : undefined;
			},
			timeoutMs,
		);
		expect(done.id).toBe(execution.id);
		expect(await list.list(workflowId)).toHaveLength(1);
		return { parked, finished: await list.get(done.id) };
	}

	const creates = () => n8n.simulator.log().filter((entry) => entry.method === 'POST' && entry.path === '/v2/pixverse/videos/create');
	return {
		parkAndFinish,
		creates,
		acceptedIds: () => creates().map((entry) => entry.status),
		/** The node's items in its last run (the resumed one). */
		lastRun: (execution: ExecutionJson, node = RESUME_NODE): INodeExecutionData[] => {
			const runs = execution.data.resultData.runData[node];
			return nodeOutputItems(execution, node, { runIndex: runs.length - 1 });
		},
		parkedIds: (parked: ExecutionJson, node = RESUME_NODE) => nodeOutputItems(parked, node).map((item) => item.json.video_id as string),
	};
}
