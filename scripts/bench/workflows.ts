import { createHash } from 'node:crypto';
import type { WorkflowJson } from '../n8n';
import { SIMULATOR_CREDENTIAL_ID } from '../n8n';

export const BATCH_NODE = 'Create Videos';
export const PROMPTS_NODE = 'Prompts';
export const DOWNLOAD_WORKFLOW_ID = 'benchDownload';
export const DOWNLOAD_NODE = 'Get and Download';
export const DOWNLOAD_PROPERTY = 'video';

const PIXVERSE_NODE = 'n8n-nodes-useapi-pixverse.pixVerse';
const credentials = { useApiApi: { id: SIMULATOR_CREDENTIAL_ID, name: 'useapi.net (local simulator)' } };
const manualTrigger = { parameters: {}, name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };

/** A stable UUID-shaped id for a webhook node, from its path. */
function uuidFrom(text: string): string {
	const hex = createHash('sha256').update(text).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Nodes in a row, each feeding the next. */
function chain(id: string, name: string, nodes: Array<Record<string, unknown>>): WorkflowJson {
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[String(node.name)] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name,
		nodes: nodes.map((node, index) => ({ id: `b0000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`, ...node })),
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Options of Create for each wait mode the batch benchmark drives. */
export const WAIT_PARAMETERS = {
	poll: (pollIntervalSeconds: number) => ({ waitMode: 'poll', pollInterval: pollIntervalSeconds, maxConcurrent: 0 }),
	callback: () => ({ waitMode: 'callback' }),
};

/** A Code node makes `videos` prompts (rows 1, 2, …); one PixVerse Create node submits them all and waits. */
function batchNodes(videos: number, wait: Record<string, unknown>, download = false, options?: Record<string, unknown>): Array<Record<string, unknown>> {
	return [
		{
			parameters: {
				jsCode: `return Array.from({ length: ${videos} }, (_, i) => ({ json: { row: i + 1, prompt: 'Benchmark clip ' + (i + 1) + ': a lighthouse in a storm' } }));`,
			},
			name: PROMPTS_NODE,
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
		},
		{
			parameters: {
				resource: 'video',
				operation: 'create',
				prompt: '={{ $json.prompt }}',
				imageSource: 'none',
				model: 'v6',
				quality: '540p',
				duration: 5,
				aspectRatio: '16:9',
				waitTimeout: 30,
				download,
				...(download ? { binaryProperty: DOWNLOAD_PROPERTY } : {}),
				...wait,
				...(options ? { options } : {}),
			},
			name: BATCH_NODE,
			type: PIXVERSE_NODE,
			typeVersion: 1,
			position: [440, 0],
			credentials,
		},
	];
}


export interface WebhookBatchOptions {
	id: string;
	/** Production URL: `/webhook/<path>`. */
	path: string;
	videos: number;
	/** WAIT_PARAMETERS.poll(…) or WAIT_PARAMETERS.callback(). */
	wait: Record<string, unknown>;
	/** Download each MP4 into binary property `video`. */
	download?: boolean;
	/** The Create node's Options collection; expressions may read the prompt's `row`. */
	options?: Record<string, unknown>;
}

/**
 * Started by a POST to its webhook in a running n8n (a parked execution needs the server that
 * serves its resume URL; in queue mode a worker runs it): `videos` prompts through one Create node.
 */
export function webhookBatchWorkflow(options: WebhookBatchOptions): WorkflowJson {
	const webhook = {
		parameters: { httpMethod: 'POST', path: options.path, responseMode: 'onReceived', options: {} },
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuidFrom(options.path),
	};
	return chain(options.id, `Batch of ${options.videos} prompts (${String(options.wait.waitMode)})`, [webhook, ...batchNodes(options.videos, options.wait, options.download, options.options)]);
}

export type BenchWaitMode = 'poll' | 'callback';

export const BATCH_WORKFLOW_IDS: Record<BenchWaitMode, string> = { poll: 'benchBatchPoll', callback: 'benchBatchCallback' };

export const batchWebhookPath = (mode: BenchWaitMode) => `bench-batch-${mode}`;

/** The benchmark's batch workflow of a wait mode, started by a POST to `/webhook/<batchWebhookPath(mode)>`. */
export function batchWorkflow(mode: BenchWaitMode, videos: number, pollIntervalSeconds: number): WorkflowJson {
	const wait = mode === 'poll' ? WAIT_PARAMETERS.poll(pollIntervalSeconds) : WAIT_PARAMETERS.callback();
	return webhookBatchWorkflow({ id: BATCH_WORKFLOW_IDS[mode], path: batchWebhookPath(mode), videos, wait });
}

/**
 * Video > Get of one finished video with Download Video on, after a pause in which n8n finishes
 * starting up (its task runner process grows for a few seconds), so memory before the download is
 * a steady baseline.
 */
export function downloadWorkflow(videoId: string, settleSeconds: number): WorkflowJson {
	return chain(DOWNLOAD_WORKFLOW_ID, 'Benchmark: download one large video', [
		manualTrigger,
		{
			parameters: { resume: 'timeInterval', amount: settleSeconds, unit: 'seconds' },
			name: 'Settle',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [220, 0],
		},
		{
			parameters: { resource: 'video', operation: 'get', videoId, download: true, binaryProperty: DOWNLOAD_PROPERTY },
			name: DOWNLOAD_NODE,
			type: PIXVERSE_NODE,
			typeVersion: 1,
			position: [440, 0],
			credentials,
		},
	]);
}
