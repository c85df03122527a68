import { setUpN8nTestEnvironment } from '../../test/e2e/helpers/n8nTestEnvironment';
import { nodeOutputJson, nodeRuns } from '../../test/e2e/helpers/runData';
import { describeExecution } from '../n8n';
import { BATCH_NODE, BATCH_WORKFLOW_ID, batchWorkflow } from './workflows';

export interface BatchBenchOptions {
	videos: number;
	/** maxJobs of the one simulated account. */
	slots: number;
	renderMs: number;
	pollIntervalSeconds: number;
}

export interface HttpCalls {
	total: number;
	/** POST /videos/create answered 200. */
	submits: number;
	/** POST /videos/create answered 429 (all slots busy). */
	busy: number;
	/** GET /videos/{id}. */
	statusChecks: number;
	other: number;
}

export interface BatchResult {
	options: BatchBenchOptions;
	/** ceil(videos / slots) × renderMs: no batch can finish sooner. */
	limitMs: number;
	/** executionTime of the PixVerse node in n8n's run data. */
	nodeMs: number;
	/** The whole `n8n execute` process, start-up included. */
	executeMs: number;
	completed: number;
	calls: HttpCalls;
}

function countCalls(entries: Array<{ method: string; path: string; status?: number }>): HttpCalls {
	const api = entries.filter((entry) => entry.path.startsWith('/v2/pixverse/'));
	const isCreate = (entry: { method: string; path: string }) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/create');
	const submits = api.filter((entry) => isCreate(entry) && entry.status === 200).length;
	const busy = api.filter((entry) => isCreate(entry) && entry.status === 429).length;
	const statusChecks = api.filter((entry) => entry.method === 'GET' && /^\/v2\/pixverse\/videos\/[^/?]+$/.test(entry.path)).length;
	return { total: api.length, submits, busy, statusChecks, other: api.length - submits - busy - statusChecks };
}

/**
 * `videos` prompts through one PixVerse Create node (Poll Until Done) on one account with `slots`
 * slots, in a real n8n against the simulator rendering in `renderMs`.
 */
export async function benchPollBatch(options: BatchBenchOptions, log: (line: string) => void): Promise<BatchResult> {
	const environment = await setUpN8nTestEnvironment({
		workflows: [batchWorkflow(options.videos, options.pollIntervalSeconds)],
		simulator: { renderMs: options.renderMs, accounts: [{ email: 'bench@example.com', maxJobs: options.slots, credits: 10_000_000 }] },
	});
	try {
		environment.simulator.clearLog();
		log(`poll mode: ${options.videos} videos on ${options.slots} slots, render ${options.renderMs / 1000} s`);
		const started = Date.now();
		const execution = await environment.execute(BATCH_WORKFLOW_ID, { timeoutMs: 300_000 });
		const executeMs = Date.now() - started;
		if (!execution.ok || !execution.result) throw new Error(`the batch workflow failed\n${describeExecution(execution)}`);

		const [run] = nodeRuns(execution.result, BATCH_NODE);
		const completed = nodeOutputJson(execution.result, BATCH_NODE).filter((json) => json.video_status_name === 'COMPLETED').length;
		if (completed !== options.videos) throw new Error(`only ${completed} of ${options.videos} videos completed`);
		return {
			options,
			limitMs: Math.ceil(options.videos / options.slots) * options.renderMs,
			nodeMs: run.executionTime,
			executeMs,
			completed,
			calls: countCalls(environment.simulator.log()),
		};
	} finally {
		await environment.tearDown();
	}
}
