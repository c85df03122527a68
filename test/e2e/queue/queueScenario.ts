/**
 * What the queue-mode scenarios share: one cluster (main + 2 workers + 2 webhook processes on
 * Postgres and Redis) and one in-process simulator per test file, and ways to look at them.
 */
import { type LogEntry, startSimulator, type Simulator } from '../../../simulator';
import {
	type ExecutionSummary,
	n8nExecutions,
	type N8nExecutions,
	packedPackage,
	type QueueCluster,
	type CredentialToImport,
	simulatorCredential,
	startQueueCluster,
	SIMULATOR_CREDENTIAL_ID,
	waitFor,
	type WorkflowJson,
	type WorkflowSource,
} from '../../../scripts/n8n';

export interface QueueScenario {
	cluster: QueueCluster;
	simulator: Simulator;
	executions: N8nExecutions;
	/** Executions of a workflow once `count` of them have ended, oldest first. */
	ended(workflowId: string, count: number, timeoutMs?: number): Promise<ExecutionSummary[]>;
	/** Rows of n8n's binary_data table that belong to an execution. */
	binaryRows(executionId: string): Promise<number>;
	/** GET requests for rendered MP4s the simulator served. */
	mp4Downloads(): number;
	/** How often each worker logged that it started running this execution. */
	workerStarts(executionId: string): Array<{ name: string; count: number }>;
}

const ENDED = ['success', 'error', 'crashed', 'canceled'];
/** Five n8n processes start in about a minute on an idle 2-core machine, many more on a busy one. */
export const CLUSTER_TIMEOUT_MS = 20 * 60_000;

export function useQueueScenario(options: { workflows: WorkflowSource[]; publish: string[]; env?: NodeJS.ProcessEnv }): QueueScenario {
	const scenario = {} as QueueScenario;
	beforeAll(async () => {
		scenario.simulator = await startSimulator({ port: 0 });
		scenario.cluster = await startQueueCluster({
			tarball: (await packedPackage()).tarball,
			credentials: (redis) => [simulatorCredential(scenario.simulator.url), redisCredential(redis.port)],
			workflows: options.workflows,
			publish: options.publish,
			env: options.env,
		});
		scenario.executions = await n8nExecutions(scenario.cluster.main.url);
	}, CLUSTER_TIMEOUT_MS);
	afterAll(async () => {
		await scenario.cluster?.stop();
		await scenario.simulator?.close();
	}, 120_000);

	scenario.ended = async (workflowId, count, timeoutMs = 300_000) =>
		waitFor(
			`${count} ended executions of ${workflowId}`,
			async () => {
				const list = await scenario.executions.list(workflowId);
				return list.length >= count && list.every((execution) => ENDED.includes(execution.status)) ? list.reverse() : undefined;
			},
			timeoutMs,
		);
	scenario.binaryRows = async (executionId) => {
		const [count] = await scenario.cluster.postgres.query(`SELECT count(*) FROM binary_data WHERE "sourceType" = 'execution' AND "sourceId" = '${Number(executionId)}'`);
		return Number(count);
	};
	scenario.mp4Downloads = () => scenario.simulator.log().filter((entry) => entry.method === 'GET' && /^\/media\/\d+\.mp4$/.test(entry.path)).length;
	scenario.workerStarts = (executionId) =>
		scenario.cluster.workers.map((worker) => ({
			name: worker.name,
			count: worker.logs().split('\n').filter((line) => line.includes(`Worker started execution ${executionId} (`)).length,
		}));
	return scenario;
}

interface SimulatorJob {
	video_id: string;
	created_at: string;
	renderMs: number;
	finishedAt?: string;
}

const simulatorJobs = (simulator: Simulator) => simulator.state().jobs as SimulatorJob[];
/** When a job's slot freed (its render ended), or will free while it still renders. */
const slotFreedAt = (job: SimulatorJob) => (job.finishedAt ? Date.parse(job.finishedAt) : Date.parse(job.created_at) + job.renderMs);

/** Most videos the simulator rendered at the same moment (from each job's start and end). */
export function peakConcurrency(simulator: Simulator): number {
	const events = simulatorJobs(simulator).flatMap((job) => [
		{ at: Date.parse(job.created_at), change: 1 },
		{ at: slotFreedAt(job), change: -1 },
	]);
	// Ends before starts at the same instant: a slot that frees and is taken again is not two.
	events.sort((a, b) => a.at - b.at || a.change - b.change);
	let running = 0;
	let peak = 0;
	for (const event of events) peak = Math.max(peak, (running += event.change));
	return peak;
}

/** When each video the simulator rendered finished, by video id (ms since the epoch). */
export function renderEnds(simulator: Simulator): Map<string, number> {
	return new Map(simulatorJobs(simulator).map((job) => [job.video_id, slotFreedAt(job)]));
}

/** Whether every video started before the first one finished: one wave. */
export function allStartedBeforeAnyEnded(simulator: Simulator): boolean {
	const jobs = simulatorJobs(simulator);
	return Math.max(...jobs.map((job) => Date.parse(job.created_at))) < Math.min(...jobs.map(slotFreedAt));
}

const CREATE_PATH = '/v2/pixverse/videos/create';
const VIDEO_PATH = '/v2/pixverse/videos/';
const AVAILABLE_PATH = '/v2/pixverse/scheduler/available';

/** Submissions (POST /videos/create) the simulator accepted (200: a job started and is paid), in arrival order. */
export const acceptedCreates = (log: LogEntry[]) => log.filter((entry) => entry.method === 'POST' && entry.path === CREATE_PATH && entry.status === 200);

/** Submissions (POST /videos/create) in arrival order, with the execution that sent each (from the replyRef the node generates). */
export function submissions(log: LogEntry[]): Array<LogEntry & { executionId: string }> {
	return log.flatMap((entry) => {
		if (entry.method !== 'POST' || entry.path !== CREATE_PATH) return [];
		const executionId = executionOfReference(entry.body?.replyRef);
		return executionId ? [{ ...entry, executionId }] : [];
	});
}

const executionOfReference = (replyRef: unknown) => /^n8n-execution-(\d+)-/.exec(String(replyRef ?? ''))?.[1];

/**
 * Poll rounds of an execution in which nobody looked for a slot although it still had items
 * waiting for one. A round is read from the node's own requests: between two checks of one of its
 * videos (GET /videos/{id}) lies one poll interval, and a round of a waiting execution looks for
 * a slot, by a read of the free slots (GET /scheduler/available) or a submission (from its first
 * submission to the last one accepted). A read carries nothing that names its execution, so a
 * read of any execution counts. Only the order of the requests counts (`seq`), never how long
 * anything took.
 *
 * `others` also lists, for the report, the check intervals of other executions' videos in which a
 * waiting execution sent nothing: those depend on how fast each worker runs, not on the node.
 */
export function roundsWithoutLook(simulator: Simulator): { own: number; ownChecked: number; others: number } {
	const log = simulator.log();
	const tries = submissions(log);
	const reads = log.filter((entry) => entry.method === 'GET' && entry.path.startsWith(AVAILABLE_PATH)).map((entry) => entry.seq);
	const owner = new Map(
		(simulator.state().jobs as Array<{ video_id: string; replyRef?: string }>).map((job) => [job.video_id, executionOfReference(job.replyRef)]),
	);
	const byVideo = new Map<string, number[]>();
	for (const entry of log) {
		if (entry.method !== 'GET' || !entry.path.startsWith(VIDEO_PATH)) continue;
		const videoId = decodeURIComponent(entry.path.slice(VIDEO_PATH.length));
		byVideo.set(videoId, [...(byVideo.get(videoId) ?? []), entry.seq]);
	}
	const result = { own: 0, ownChecked: 0, others: 0 };
	for (const executionId of new Set(tries.map((entry) => entry.executionId))) {
		const own = tries.filter((entry) => entry.executionId === executionId).map((entry) => entry.seq);
		const accepted = tries.filter((entry) => entry.executionId === executionId && entry.status === 200);
		if (!accepted.length) continue;
		const [waitingFrom, waitingUntil] = [own[0], accepted[accepted.length - 1].seq];
		for (const [videoId, checks] of byVideo) {
			const ownVideo = owner.get(videoId) === executionId;
			for (let index = 1; index < checks.length; index++) {
				const [fromSeq, toSeq] = [checks[index - 1], checks[index]];
				if (fromSeq < waitingFrom || toSeq > waitingUntil) continue;
				if (ownVideo) result.ownChecked++;
				const within = (seq: number) => seq > fromSeq && seq < toSeq;
				if (own.some(within) || reads.some(within)) continue;
				if (ownVideo) result.own++;
				else result.others++;
			}
		}
	}
	return result;
}

/**
 * For the report only: how long slots of an account with `maxJobs` stayed free while some
 * execution still had items to submit (the sum over slots, and the longest stretch).
 */
export function freeSlotTime(simulator: Simulator, maxJobs: number): { slotMs: number; longestMs: number } {
	const jobs = simulatorJobs(simulator);
	// Items waited from the first try to the last acceptance.
	const from = Math.min(...submissions(simulator.log()).map((entry) => Date.parse(entry.time)));
	const until = Math.max(...jobs.map((job) => Date.parse(job.created_at)));
	const events = jobs.flatMap((job) => [
		{ at: Date.parse(job.created_at), change: 1 },
		{ at: slotFreedAt(job), change: -1 },
	]);
	events.sort((a, b) => a.at - b.at || b.change - a.change);
	let running = 0;
	let slotMs = 0;
	let longestMs = 0;
	let at = from;
	let freeSince: number | undefined = from;
	for (const event of [...events, { at: until, change: 0 }]) {
		const to = Math.min(Math.max(event.at, from), until);
		if (to > at) slotMs += (maxJobs - running) * (to - at);
		at = Math.max(at, to);
		running += event.change;
		if (running < maxJobs) freeSince ??= to;
		else if (freeSince !== undefined) {
			longestMs = Math.max(longestMs, to - freeSince);
			freeSince = undefined;
		}
		if (event.at >= until) break;
	}
	if (freeSince !== undefined) longestMs = Math.max(longestMs, until - freeSince);
	return { slotMs, longestMs };
}

/** POSTs JSON to several URLs at the same moment; answers status and body of each. */
export async function postAtOnce(urls: string[], body: unknown): Promise<Array<{ url: string; status: number; body: unknown }>> {
	return Promise.all(
		urls.map(async (url) => {
			const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
			const text = await response.text();
			let parsed: unknown = text;
			try {
				parsed = JSON.parse(text);
			} catch {
				// n8n answers some webhooks with plain text.
			}
			return { url, status: response.status, body: parsed };
		}),
	);
}

/** From `started` to the end of the execution, in ms. */
export const msSince = (started: number, execution: { stoppedAt?: string | Date }) =>
	new Date(execution.stoppedAt ?? Date.now()).getTime() - started;

export const DEDUPED_WEBHOOK_ID = '3b7e9d21-6c4a-4f8e-b1d2-8a5c0e7f9b36';
const REDIS_CREDENTIAL = { id: 'pvQueueRedis', name: 'Redis (queue cluster)' };

/** n8n's Redis credential for the cluster's own Redis, which the recipe of docs/scaling-out.md uses. */
function redisCredential(port: number): CredentialToImport {
	return { ...REDIS_CREDENTIAL, type: 'redis', data: { host: '127.0.0.1', port, database: 0, password: '', ssl: false } };
}

/**
 * The recipe of docs/scaling-out.md against duplicate runs: a PixVerse Trigger (webhook mode), then n8n's Redis
 * node incrementing a key named after `dedupe_key` (atomic: only the first delivery reads 1), then
 * a Filter keeping 1, then a Set node.
 */
export function dedupedTriggerWorkflow(): WorkflowJson {
	return {
		id: 'pvDedupedTrigger',
		name: 'PixVerse: each finished video once (Redis increment on dedupe_key)',
		nodes: [
			{
				id: 'd0000000-0000-4000-8000-000000000001',
				parameters: { mode: 'webhook', statuses: ['completed', 'failed', 'moderated'], filters: {}, options: {} },
				name: 'Video Finished',
				type: 'n8n-nodes-useapi-pixverse.pixVerseTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: DEDUPED_WEBHOOK_ID,
				credentials: { useApiApi: { id: SIMULATOR_CREDENTIAL_ID, name: 'useapi.net (local simulator)' } },
			},
			{
				id: 'd0000000-0000-4000-8000-000000000002',
				parameters: { operation: 'incr', key: '=pixverse-seen:{{ $json.dedupe_key }}', expire: true, ttl: 2592000 },
				name: 'Count Deliveries',
				type: 'n8n-nodes-base.redis',
				typeVersion: 1,
				position: [220, 0],
				credentials: { redis: REDIS_CREDENTIAL },
			},
			{
				id: 'd0000000-0000-4000-8000-000000000003',
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [{ id: 'first', leftValue: '={{ Object.values($json)[0] }}', rightValue: 1, operator: { type: 'number', operation: 'equals' } }],
						combinator: 'and',
					},
					options: {},
				},
				name: 'First Delivery Only',
				type: 'n8n-nodes-base.filter',
				typeVersion: 2.2,
				position: [440, 0],
			},
			{
				id: 'd0000000-0000-4000-8000-000000000004',
				parameters: {
					mode: 'manual',
					assignments: { assignments: [{ id: 'k', name: 'dedupe_key', value: "={{ $('Video Finished').item.json.dedupe_key }}", type: 'string' }] },
					options: {},
				},
				name: 'New Event',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [660, 0],
			},
		],
		connections: {
			'Video Finished': { main: [[{ node: 'Count Deliveries', type: 'main', index: 0 }]] },
			'Count Deliveries': { main: [[{ node: 'First Delivery Only', type: 'main', index: 0 }]] },
			'First Delivery Only': { main: [[{ node: 'New Event', type: 'main', index: 0 }]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
