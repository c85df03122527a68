import { setTimeout as sleep } from 'node:timers/promises';
import type { LogEntry, Simulator } from '../../simulator';
import {
	type ExecutionJson,
	type ExecutionSummary,
	n8nExecutions,
	type N8nExecutions,
	nodeOutputJson,
	nodeRuns,
	setUpN8nTestEnvironment,
} from '../n8n';
import { type BatchTimeline, type SimulatorJob, timelineFrom } from './timeline';
import { BATCH_NODE, BATCH_WORKFLOW_IDS, batchWebhookPath, batchWorkflow, type BenchWaitMode, PROMPTS_NODE } from './workflows';

export interface BatchBenchOptions {
	videos: number;
	/** maxJobs of each simulated account. */
	slots: number;
	/** Each batch runs at every one of these render times. */
	renderTimes: number[];
	/** Share by which render times are spread in the jittered runs (0.4: ±40 %). */
	jitter: number;
	/** Jittered render times are drawn from this seed, the same for both wait modes. */
	renderSeed: number;
	pollIntervalSeconds: number;
}

/** One measured batch: wait mode, nominal render time, and the spread of render times around it. */
export interface BatchCase {
	mode: BenchWaitMode;
	renderMs: number;
	jitter: number;
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
	case: BatchCase;
	/** ceil(videos / slots) × renderMs: no batch can finish sooner (with uniform renders). */
	limitMs: number;
	/** The best any batch submitting in input order can do with these render times: see bestInOrder. */
	bestMs: number;
	/** From the PixVerse node's start to the end of its (last) run, from n8n's run data. */
	nodeMs: number;
	/** What the execution's nodes ran for (the time a worker is held; a parked execution holds none). */
	workerMs: number;
	/** From the webhook call that started it to the end of the execution. */
	wholeMs: number;
	/** API requests the node made (the simulator's log). */
	calls: HttpCalls;
	/** Callbacks useapi (the simulator) sent to n8n. */
	callbacks: number;
	/** Which video held which slot when, from the batch's start (the simulator's jobs and log). */
	timeline: BatchTimeline;
}

/**
 * The end of the last video if each job had started the moment a slot freed, in the order they
 * were submitted, with the render times the simulator drew: the best a batch that sends items in
 * input order can do. With jittered renders it can exceed the limit.
 */
export function bestInOrder(simulator: Simulator, slots: number): number {
	const jobs = [...(simulator.state().jobs as Array<{ created_at: string; renderMs: number }>)].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
	const freeAt = Array<number>(slots).fill(0);
	for (const job of jobs) {
		freeAt.sort((a, b) => a - b);
		freeAt[0] += job.renderMs;
	}
	return Math.max(...freeAt);
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
 * The batch's window (ms since the epoch): from when the Prompts node handed over to the end of
 * the PixVerse node's last run. In callback mode the node runs twice (submit and park, then resume
 * on the callback), and the time parked counts: the batch is not done before.
 */
export function batchWindow(execution: ExecutionJson): { start: number; end: number } {
	const [prompts] = nodeRuns(execution, PROMPTS_NODE);
	const runs = nodeRuns(execution, BATCH_NODE);
	const last = runs[runs.length - 1];
	return { start: prompts.startTime + prompts.executionTime, end: last.startTime + last.executionTime };
}

/** The node's time: the length of the batch's window. */
export function nodeTime(execution: ExecutionJson): number {
	const { start, end } = batchWindow(execution);
	return end - start;
}

/**
 * The time the execution held n8n (a worker in queue mode): all of it, except the time it was
 * parked, from when it was first seen waiting to the start of the PixVerse node's run after the
 * resume. (n8n drops the parked run from the run data when it resumes, so run times alone miss it.)
 */
export function workerTime(execution: ExecutionJson, startedMs: number, parkedAtMs: number | undefined): number {
	const stoppedMs = new Date(execution.stoppedAt ?? Date.now()).getTime();
	if (parkedAtMs === undefined) return stoppedMs - startedMs;
	const runs = nodeRuns(execution, BATCH_NODE);
	return parkedAtMs - startedMs + (stoppedMs - runs[runs.length - 1].startTime);
}

function checkAllCompleted(execution: ExecutionJson, videos: number): void {
	const completed = nodeOutputJson(execution, BATCH_NODE, { runIndex: nodeRuns(execution, BATCH_NODE).length - 1 }).filter((json) => json.video_status_name === 'COMPLETED').length;
	if (completed !== videos) throw new Error(`only ${completed} of ${videos} videos came out COMPLETED`);
}

export function simulatorOptions(options: BatchBenchOptions, accounts: number, renders: Omit<BatchCase, 'mode'>) {
	return {
		renderMs: renders.renderMs,
		renderJitter: renders.jitter,
		renderSeed: options.renderSeed,
		accounts: Array.from({ length: accounts }, (_, index) => ({ email: `bench${index + 1}@example.com`, maxJobs: options.slots, credits: 10_000_000 })),
	};
}

const ENDED = ['success', 'error', 'crashed', 'canceled'];

/**
 * The workflow's executions once `count` of them have ended, oldest first. `parkedAt` gets, per
 * execution id, when it was first seen waiting (parked), sampled every 100 ms.
 */
export async function endedExecutions(executions: N8nExecutions, workflowId: string, count: number, timeoutMs: number, parkedAt = new Map<string, number>()): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const list = await executions.list(workflowId);
		for (const execution of list) if (execution.status === 'waiting' && !parkedAt.has(execution.id)) parkedAt.set(execution.id, Date.now());
		if (list.length >= count && list.every((execution) => ENDED.includes(execution.status))) return list.reverse();
		if (Date.now() > deadline) throw new Error(`${workflowId}: ${count} executions did not end (statuses: ${list.map((execution) => execution.status).join(', ') || 'none'})`);
		await sleep(100);
	}
}

/** The execution of a summary, checked: it succeeded and every video came out COMPLETED. */
export async function checkedExecution(executions: N8nExecutions, summary: ExecutionSummary, videos: number): Promise<ExecutionJson> {
	const execution = await executions.get(summary.id);
	if (summary.status !== 'success') throw new Error(`the batch ended "${summary.status}": ${execution.data.resultData.error?.message ?? 'no error message'}`);
	checkAllCompleted(execution, videos);
	return execution;
}

/** What the simulator saw of its callbacks, for a batch that did not end: how many were sent, and each one n8n did not accept. */
function callbackTrouble(simulator: Simulator): string {
	const sent = simulator.callbacks();
	const refused = sent.filter((record) => record.status !== 200);
	const unfinished = (simulator.state().jobs as Array<{ video_id: string; video_status_final: boolean }>).filter((job) => !job.video_status_final).length;
	const refusals = refused.map((record) => `${record.videoId.replace(/^.*-video:/, 'video ')} ${record.videoStatusName} at ${record.time}: ${record.status ?? record.error ?? 'dropped'}`);
	return `${sent.length} callbacks sent, ${refused.length} not accepted${refusals.length ? ` (${refusals.join('; ')})` : ''}; ${unfinished} videos still rendering`;
}

/** Starts a published batch workflow by its webhook. */
export async function startBatch(baseUrl: string, mode: BenchWaitMode): Promise<void> {
	const answer = await fetch(`${baseUrl}/webhook/${batchWebhookPath(mode)}`, { method: 'POST' });
	if (!answer.ok) throw new Error(`the ${mode} batch webhook answered ${answer.status}: ${await answer.text()}`);
}

export const limitOf = (videos: number, slots: number, renderMs: number) => Math.ceil(videos / slots) * renderMs;

/**
 * `videos` prompts through one PixVerse Create node, one account with `slots` slots, in one
 * running `n8n start` for every case (so ratios compare runs of one n8n): each wait mode, at each
 * render time, with uniform and jittered renders. A POST to the published workflow's webhook
 * starts a batch; in callback mode the node parks the execution and the simulator's callbacks to
 * the resume URL bring it back.
 */
export async function benchBatches(options: BatchBenchOptions, log: (line: string) => void): Promise<BatchResult[]> {
	const modes: BenchWaitMode[] = ['poll', 'callback'];
	const environment = await setUpN8nTestEnvironment({
		workflows: modes.map((mode) => batchWorkflow(mode, options.videos, options.pollIntervalSeconds)),
		server: { publish: modes.map((mode) => BATCH_WORKFLOW_IDS[mode]) },
	});
	try {
		const server = environment.server!;
		const executions = await n8nExecutions(server.url);
		const results: BatchResult[] = [];
		for (const renderMs of options.renderTimes) {
			for (const jitter of [0, options.jitter]) {
				for (const mode of modes) {
					const batchCase = { mode, renderMs, jitter };
					results.push(await runBatch(environment.simulator, server.url, executions, options, batchCase, log));
				}
			}
		}
		return results;
	} finally {
		await environment.tearDown();
	}
}

async function runBatch(simulator: Simulator, baseUrl: string, executions: N8nExecutions, options: BatchBenchOptions, batchCase: BatchCase, log: (line: string) => void): Promise<BatchResult> {
	simulator.reset(simulatorOptions(options, 1, batchCase));
	simulator.clearLog();
	const workflowId = BATCH_WORKFLOW_IDS[batchCase.mode];
	const before = (await executions.list(workflowId)).length;
	log(`${batchCase.mode} mode: ${options.videos} videos on ${options.slots} slots, render ${batchCase.renderMs / 1000} s ±${batchCase.jitter * 100} %`);
	const started = Date.now();
	await startBatch(baseUrl, batchCase.mode);
	const parkedAt = new Map<string, number>();
	const ended = await endedExecutions(executions, workflowId, before + 1, 20 * limitOf(options.videos, options.slots, batchCase.renderMs) + 120_000, parkedAt).catch((error: Error) => {
		throw new Error(`${error.message}; ${callbackTrouble(simulator)}`);
	});
	const summary = ended[ended.length - 1];
	const execution = await checkedExecution(executions, summary, options.videos);
	const limitMs = limitOf(options.videos, options.slots, batchCase.renderMs);
	const span = batchWindow(execution);
	const requests = simulator.log();
	const callbacks = simulator.callbacks();
	return {
		case: batchCase,
		limitMs,
		bestMs: bestInOrder(simulator, options.slots),
		nodeMs: nodeTime(execution),
		workerMs: workerTime(execution, started, parkedAt.get(summary.id)),
		wholeMs: new Date(execution.stoppedAt ?? Date.now()).getTime() - started,
		calls: countCalls(requests),
		callbacks: callbacks.length,
		timeline: timelineFrom(
			{ jobs: simulator.state().jobs as SimulatorJob[], log: requests, callbacks },
			{ slots: options.slots, startMs: span.start, endMs: span.end, limitMs },
		),
	};
}
