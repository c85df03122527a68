/**
 * The packed package on n8n's distributed engine: queue mode with a main process, two workers and
 * two webhook processes sharing Postgres and Redis (scripts/n8n/queue), against the simulator.
 */
import { nodeOutputItems } from '../../../scripts/n8n';
import { BATCH_NODE, DOWNLOAD_PROPERTY, WAIT_PARAMETERS, webhookBatchWorkflow } from '../../../scripts/bench/workflows';
import { callbackSecret, CALLBACK_PATH, SECRET_PARAMETER } from '../../../nodes/PixVerse/transport/callbackSecret';
import { DEFAULT_TOKEN } from '../../../simulator';
import { submitVideo, waitUntilFinal } from '../../contract/simulatorVideos';
import { msSince, postAtOnce, useQueueScenario } from './queueScenario';

const MP4_BYTES = 200_000;
const RESUME = webhookBatchWorkflow({ id: 'queueResume', path: 'queue-resume', videos: 3, wait: WAIT_PARAMETERS.callback(), download: true });
const RACE = webhookBatchWorkflow({ id: 'queueRace', path: 'queue-race', videos: 3, wait: WAIT_PARAMETERS.callback(), download: true });
const SHARED = webhookBatchWorkflow({ id: 'queueShared', path: 'queue-shared', videos: 8, wait: WAIT_PARAMETERS.poll(1) });
const SPREAD = webhookBatchWorkflow({ id: 'queueSpread', path: 'queue-spread', videos: 24, wait: WAIT_PARAMETERS.callback() });
const TRIGGER = 'pvOnVideoFinished';
const TRIGGER_PATH = `/webhook/6f0c2a8e-5d1b-4c3e-9a7f-2b4d6e8f0a13/${CALLBACK_PATH}?${SECRET_PARAMETER}=${callbackSecret(DEFAULT_TOKEN)}`;

describe('queue mode: main + 2 workers + 2 webhook processes on Postgres and Redis', () => {
	const queue = useQueueScenario({
		workflows: [RESUME, RACE, SHARED, SPREAD, 'examples/on-video-finished.json'],
		publish: [RESUME.id, RACE.id, SHARED.id, SPREAD.id, TRIGGER],
	});
	const start = async (path: string, process = queue.cluster.webhooks[1]) => {
		const response = await fetch(`${process.url}/webhook/${path}`, { method: 'POST' });
		expect(response.status).toBe(200);
	};

	it('a. Resume When PixVerse Calls Back: a worker parks, a webhook process takes the callbacks, a worker resumes; the MP4s are in binary data', async () => {
		queue.simulator.reset({ renderMs: 2000, mp4Bytes: MP4_BYTES });
		await start('queue-resume');
		const [summary] = await queue.ended(RESUME.id, 1);
		expect(summary.status).toBe('success');
		const execution = await queue.executions.get(summary.id);

		// The resume URL is on the first webhook process (N8N_WEBHOOK_URL).
		const finals = queue.simulator.callbacks().filter((callback) => callback.final);
		expect(finals).toHaveLength(3);
		for (const callback of finals) {
			expect(callback.url).toMatch(new RegExp(`^${queue.cluster.webhookUrl}webhook-waiting/${summary.id}\\?signature=`));
			expect(callback.status).toBe(200);
		}
		// A worker ran it until it parked, a worker (maybe the other) ran it again after the resume.
		const starts = queue.workerStarts(summary.id);
		expect(starts.reduce((sum, worker) => sum + worker.count, 0)).toBe(2);
		const workersThatRanIt = starts.filter((worker) => worker.count > 0).map((worker) => worker.name);

		// n8n keeps one run of the node: the resumed one replaces the one that parked.
		const items = nodeOutputItems(execution, BATCH_NODE);
		expect(items.map((item) => item.json.video_status_name)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
		for (const item of items) {
			const binary = item.binary![DOWNLOAD_PROPERTY];
			expect(binary).toMatchObject({ mimeType: 'video/mp4', id: expect.stringMatching(/^database:/) });
		}
		expect(await queue.binaryRows(summary.id)).toBe(3);
		console.log(`a: execution ${summary.id} ${msSince(Date.parse(summary.startedAt!), summary)} ms, run by ${workersThatRanIt.join(', ')}; ${queue.mp4Downloads()} MP4 downloads, ${await queue.binaryRows(summary.id)} binary rows`);
	});

	describe('c. PixVerse Trigger (webhook mode, published) with callbacks reaching several processes', () => {
		/** A video finished in the simulator, and its record as useapi's callback carries it. */
		const finishedVideo = async (): Promise<Record<string, unknown>> => {
			const videoId = await submitVideo(queue.simulator);
			await waitUntilFinal(queue.simulator, videoId);
			const response = await fetch(`${queue.simulator.url}/v2/pixverse/videos/${videoId}`, { headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } });
			return (await response.json()) as Record<string, unknown>;
		};
		const runs = async () => (await queue.executions.list(TRIGGER)).length;
		/** Runs started by deliveries that have all been answered, once every run has ended. */
		const runsAfter = async (before: number) => {
			const ended = await queue.ended(TRIGGER, before);
			return ended.length - before;
		};

		beforeAll(() => queue.simulator.reset({ renderMs: 300 }));

		it('callbacks delivered to main and both webhook processes at the same instant: at least one run each (measured: how many)', async () => {
			const started: number[] = [];
			for (let round = 0; round < 5; round++) {
				const record = await finishedVideo();
				const before = await runs();
				const answers = await postAtOnce([queue.cluster.main, ...queue.cluster.webhooks].map((process) => `${process.url}${TRIGGER_PATH}`), record);
				expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
				started.push(await runsAfter(before));
			}
			console.log(`c: one callback delivered to 3 processes at once, 5 rounds: runs started ${JSON.stringify(started)}`);
			for (const count of started) expect(count).toBeGreaterThanOrEqual(1);
		});
	});
});
