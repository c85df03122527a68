/**
 * What the queue-mode scenarios share: one cluster (main + 2 workers + 2 webhook processes on
 * Postgres and Redis) and one in-process simulator per test file, and ways to look at them.
 */
import { startSimulator, type Simulator } from '../../../simulator';
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

export function useQueueScenario(options: { workflows: WorkflowSource[]; publish: string[] }): QueueScenario {
	const scenario = {} as QueueScenario;
	beforeAll(async () => {
		scenario.simulator = await startSimulator({ port: 0 });
		scenario.cluster = await startQueueCluster({
			tarball: (await packedPackage()).tarball,
			credentials: (redis) => [simulatorCredential(scenario.simulator.url), redisCredential(redis.port)],
			workflows: options.workflows,
			publish: options.publish,
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

/** Most videos the simulator rendered at the same moment (from each job's start and end). */
export function peakConcurrency(simulator: Simulator): number {
	const jobs = simulator.state().jobs as Array<{ created_at: string; renderMs: number }>;
	const events = jobs.flatMap((job) => [
		{ at: Date.parse(job.created_at), change: 1 },
		{ at: Date.parse(job.created_at) + job.renderMs, change: -1 },
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
	const jobs = simulator.state().jobs as Array<{ video_id: string; created_at: string; renderMs: number }>;
	return new Map(jobs.map((job) => [job.video_id, Date.parse(job.created_at) + job.renderMs]));
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

/** n8n's Redis credential for the cluster's own Redis, which the README's recipe uses. */
function redisCredential(port: number): CredentialToImport {
	return { ...REDIS_CREDENTIAL, type: 'redis', data: { host: '127.0.0.1', port, database: 0, password: '', ssl: false } };
}

/**
 * The README's recipe against duplicate runs: a PixVerse Trigger (webhook mode), then n8n's Redis
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
