import { setTimeout as sleep } from 'node:timers/promises';
import type { LogEntry } from '../../simulator';
import {
	describeExecution,
	type ExecutionJson,
	n8nExecutions,
	type N8nTestEnvironment,
	nodeOutputJson,
	nodeRuns,
	setUpN8nTestEnvironment,
} from '../n8n';
import {
	BATCH_NODE,
	CALLBACK_WEBHOOK_PATH,
	CALLBACK_WORKFLOW_ID,
	callbackBatchWorkflow,
	POLL_WORKFLOW_ID,
	pollBatchWorkflow,
	PROMPTS_NODE,
} from './workflows';

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
	/** ceil(videos / slots) × renderMs: no batch can finish sooner. */
	limitMs: number;
	/** From the PixVerse node's start to the end of its (last) run, from n8n's run data. */
	nodeMs: number;
	/** Poll: the whole `n8n execute` process, start-up included. Callback: the execution, webhook call to finish. */
	wholeMs: number;
	/** API requests the node made (the simulator's log). */
	calls: HttpCalls;
	/** Callbacks useapi (the simulator) sent to n8n. */
	callbacks: number;
}

function countCalls(entries: LogEntry[]): HttpCalls {
	const api = entries.filter((entry) => entry.path.startsWith('/v2/pixverse/'));
	const isCreate = (entry: LogEntry) => entry.method === 'POST' && entry.path.startsWith('/v2/pixverse/videos/create');
	const submits = api.filter((entry) => isCreate(entry) && entry.status === 200).length;
	const busy = api.filter((entry) => isCreate(entry) && entry.status === 429).length;
	const statusChecks = api.filter((entry) => entry.method === 'GET' && /^\/v2\/pixverse\/videos\/[^/?]+$/.test(entry.path)).length;
	return { total: api.length, submits, busy, statusChecks, other: api.length - submits - busy - statusChecks };
}

/**
 * The node's time: from when the Prompts node handed over to the end of the PixVerse node's last
 * run. In callback mode the node runs twice (submit and park, then resume on the callback), and
 * the time parked counts: the batch is not done before.
 */
export function nodeTime(execution: ExecutionJson): number {
	const [prompts] = nodeRuns(execution, PROMPTS_NODE);
	const runs = nodeRuns(execution, BATCH_NODE);
	const last = runs[runs.length - 1];
	return last.startTime + last.executionTime - (prompts.startTime + prompts.executionTime);
}

function checkAllCompleted(execution: ExecutionJson, videos: number): void {
	const completed = nodeOutputJson(execution, BATCH_NODE).filter((json) => json.video_status_name === 'COMPLETED').length;
	if (completed !== videos) throw new Error(`only ${completed} of ${videos} videos came out COMPLETED`);
}

function simulatorOptions(options: BatchBenchOptions) {
	return { renderMs: options.renderMs, accounts: [{ email: 'bench@example.com', maxJobs: options.slots, credits: 10_000_000 }] };
}

function result(environment: N8nTestEnvironment, options: BatchBenchOptions, nodeMs: number, wholeMs: number): BatchResult {
	return {
		limitMs: Math.ceil(options.videos / options.slots) * options.renderMs,
		nodeMs,
		wholeMs,
		calls: countCalls(environment.simulator.log()),
		callbacks: environment.simulator.callbacks().length,
	};
}

/** `videos` prompts through one PixVerse Create node (Poll Until Done), run by `n8n execute`. */
export async function benchPollBatch(options: BatchBenchOptions, log: (line: string) => void): Promise<BatchResult> {
	const environment = await setUpN8nTestEnvironment({
		workflows: [pollBatchWorkflow(options.videos, options.pollIntervalSeconds)],
		simulator: simulatorOptions(options),
	});
	try {
		environment.simulator.clearLog();
		log(`poll mode: ${options.videos} videos on ${options.slots} slots, render ${options.renderMs / 1000} s`);
		const started = Date.now();
		const execution = await environment.execute(POLL_WORKFLOW_ID, { timeoutMs: 300_000 });
		const wholeMs = Date.now() - started;
		if (!execution.ok || !execution.result) throw new Error(`the poll-mode batch failed\n${describeExecution(execution)}`);
		checkAllCompleted(execution.result, options.videos);
		return result(environment, options, nodeTime(execution.result), wholeMs);
	} finally {
		await environment.tearDown();
	}
}

const ENDED = ['success', 'error', 'crashed', 'canceled'];

/**
 * `videos` prompts through one PixVerse Create node (Resume When PixVerse Calls Back) in a running
 * `n8n start`: a POST to the published workflow's webhook starts it, the node parks the execution,
 * and the simulator's callbacks to the resume URL bring it back.
 */
export async function benchCallbackBatch(options: BatchBenchOptions, log: (line: string) => void): Promise<BatchResult> {
	const environment = await setUpN8nTestEnvironment({
		workflows: [callbackBatchWorkflow(options.videos)],
		simulator: simulatorOptions(options),
		server: { publish: [CALLBACK_WORKFLOW_ID] },
	});
	try {
		const server = environment.server!;
		const executions = await n8nExecutions(server.url);
		environment.simulator.clearLog();
		log(`callback mode: ${options.videos} videos on ${options.slots} slots, render ${options.renderMs / 1000} s (n8n start)`);
		const started = Date.now();
		const answer = await fetch(`${server.url}/webhook/${CALLBACK_WEBHOOK_PATH}`, { method: 'POST' });
		if (!answer.ok) throw new Error(`the batch webhook answered ${answer.status}: ${await answer.text()}`);

		const deadline = started + 300_000;
		for (;;) {
			const [latest] = await executions.list(CALLBACK_WORKFLOW_ID);
			if (latest && ENDED.includes(latest.status)) break;
			if (Date.now() > deadline) throw new Error(`the callback-mode batch did not end (last status: ${latest?.status ?? 'none'})`);
			await sleep(100);
		}
		const [summary] = await executions.list(CALLBACK_WORKFLOW_ID);
		const execution = await executions.get(summary.id);
		const wholeMs = new Date(execution.stoppedAt ?? Date.now()).getTime() - started;
		if (summary.status !== 'success') {
			throw new Error(`the callback-mode batch ended "${summary.status}": ${execution.data.resultData.error?.message ?? 'no error message'}`);
		}
		checkAllCompleted(execution, options.videos);
		return result(environment, options, nodeTime(execution), wholeMs);
	} finally {
		await environment.tearDown();
	}
}
