import { startSimulator } from '../../simulator';
import { n8nExecutions, packedPackage, simulatorCredential, startQueueCluster } from '../n8n';
import { type BatchBenchOptions, bestInOrder, checkedExecution, endedExecutions, limitOf, nodeTime, simulatorOptions, startBatch, workerTime } from './batchBench';
import { BATCH_WORKFLOW_IDS, batchWorkflow, type BenchWaitMode } from './workflows';

/** Executions started at once on the one account. */
export const QUEUE_EXECUTIONS = 3;
/** Prompts per execution. */
export const QUEUE_VIDEOS = 8;

export interface QueueBatchResult {
	mode: BenchWaitMode;
	renderMs: number;
	jitter: number;
	/** ceil(executions × videos / slots) × renderMs: none of them can all be done sooner. */
	limitMs: number;
	/** The best possible end of the last video (bestInOrder). */
	bestMs: number;
	/** From the first webhook call to the end of the last execution. */
	lastEndMs: number;
	/** Each execution's node time, in the order they started. */
	nodeMs: number[];
	/** Each execution's worker time (see workerTime). */
	workerMs: number[];
	/** How the executions were spread over the workers: executions run (or resumed) by each. */
	workerRuns: number[];
}

/**
 * n8n in queue mode (main, 2 workers, 2 webhook processes on Postgres and Redis): three executions
 * of 8 prompts started at the same moment through the webhook processes, on one account with
 * `slots` slots, for each wait mode.
 */
export async function benchQueueMode(options: BatchBenchOptions, renderMs: number, jitter: number, log: (line: string) => void): Promise<QueueBatchResult[]> {
	const modes: BenchWaitMode[] = ['poll', 'callback'];
	const simulator = await startSimulator({ port: 0 });
	const cluster = await startQueueCluster({
		tarball: (await packedPackage()).tarball,
		credentials: [simulatorCredential(simulator.url)],
		workflows: modes.map((mode) => batchWorkflow(mode, QUEUE_VIDEOS, options.pollIntervalSeconds)),
		publish: modes.map((mode) => BATCH_WORKFLOW_IDS[mode]),
		log,
	});
	try {
		const executions = await n8nExecutions(cluster.main.url);
		const results: QueueBatchResult[] = [];
		for (const mode of modes) {
			simulator.reset(simulatorOptions(options, 1, { renderMs, jitter }));
			const workflowId = BATCH_WORKFLOW_IDS[mode];
			const limitMs = limitOf(QUEUE_EXECUTIONS * QUEUE_VIDEOS, options.slots, renderMs);
			log(`queue mode, ${mode}: ${QUEUE_EXECUTIONS} × ${QUEUE_VIDEOS} videos on ${options.slots} slots, render ${renderMs / 1000} s ±${jitter * 100} %`);
			const entries = [cluster.webhooks[0], cluster.webhooks[1], cluster.webhooks[0]];
			const started = Date.now();
			await Promise.all(entries.map((entry) => startBatch(entry.url, mode)));
			const parkedAt = new Map<string, number>();
			const ended = await endedExecutions(executions, workflowId, QUEUE_EXECUTIONS, 20 * limitMs + 120_000, parkedAt);
			const checked = await Promise.all(ended.map((summary) => checkedExecution(executions, summary, QUEUE_VIDEOS)));
			results.push({
				mode,
				renderMs,
				jitter,
				limitMs,
				bestMs: bestInOrder(simulator, options.slots),
				lastEndMs: Math.max(...ended.map((summary) => new Date(summary.stoppedAt ?? Date.now()).getTime())) - started,
				nodeMs: checked.map(nodeTime),
				workerMs: checked.map((execution, index) => workerTime(execution, started, parkedAt.get(ended[index].id))),
				workerRuns: cluster.workers.map((worker) => ended.reduce((sum, summary) => sum + worker.logs().split('\n').filter((line) => line.includes(`Worker started execution ${summary.id} (`)).length, 0)),
			});
		}
		return results;
	} finally {
		await cluster.stop();
		await simulator.close();
	}
}
