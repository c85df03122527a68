import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { PixVerse } from '../../../../nodes/PixVerse/PixVerse.node';
import { startWaitingServer, type WaitingServer } from '../../harness';
import { simulatorSession } from '../../simulatorSession';
import { submitVideo, waitUntilFinal } from '../../simulatorVideos';
import { imageCreate, speechCreate } from '../../simulatorMedia';

const MP4_BYTES = 90_000;
const waitFor = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'video',
	operation: 'waitForCompletion',
	waitMode: 'poll',
	pollInterval: 1,
	waitTimeout: 1,
	download: false,
	...extra,
});
const byId = (...ids: string[]): INodeExecutionData[] => ids.map((videoId) => ({ json: { video_id: videoId } }));

describe('Video > Wait for Completion', () => {
	const session = simulatorSession({ renderMs: 1200, mp4Bytes: MP4_BYTES });
	const requests = () => session.apiRequests().map((entry) => `${entry.method} ${entry.path.replace(/user:.*$/, '{id}').replace(/\/media\/\d+/, '/media/{n}')}`);

	describe('polling', () => {
		it('waits for a speech clip and an image named by their records (audio_id, image_id), and downloads their files', async () => {
			const speech = await session.run(speechCreate({ waitMode: 'none' }));
			const image = await session.run(imageCreate({ waitMode: 'none' }));
			// A record without video_id (as another workflow may build it) is read by its audio_id or image_id.
			const records = [speech, image].map((run) => ({ json: { audio_id: run.output![0][0].json.audio_id, image_id: run.output![0][0].json.image_id } }));
			const named = await session.run(waitFor({ videoIds: '={{ [$json] }}', download: true, binaryProperty: 'file' }), { items: records });
			expect(named.error).toBeUndefined();
			const output = named.output![0];
			expect(output.map((item) => [item.json.result_type, item.json.video_status_name])).toEqual([
				['speech', 'COMPLETED'],
				['image', 'COMPLETED'],
			]);
			expect(output.map((item) => item.binary!.file.mimeType)).toEqual(['audio/wav', 'image/png']);
		});

		it('waits for videos submitted earlier, one per input item, and downloads them; nothing is submitted', async () => {
			const ids = [await submitVideo(session.sim, { prompt: 'first' }), await submitVideo(session.sim, { prompt: 'second' })];
			session.sim.clearLog();
			const run = await session.run(waitFor({ download: true, binaryProperty: 'clip' }), { items: byId(...ids) });
			expect(run.error).toBeUndefined();
			const output = run.output![0];
			expect(output.map((item) => [item.json.video_id, item.json.video_status_name, item.json.prompt])).toEqual([
				[ids[0], 'COMPLETED', 'first'],
				[ids[1], 'COMPLETED', 'second'],
			]);
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			for (const item of output) expect((await run.readBinary(item, 'clip')).length).toBe(MP4_BYTES);
			expect(new Set(requests())).toEqual(new Set(['GET /v2/pixverse/videos/{id}', 'GET /media/{n}.mp4']));
		});

		it('takes a list of IDs in one item: one output item each, paired to that item', async () => {
			const ids = [await submitVideo(session.sim), await submitVideo(session.sim), await submitVideo(session.sim)];
			const run = await session.run(waitFor({ videoIds: `${ids[0]}, ${ids[1]}\n${ids[2]}` }));
			expect(run.error).toBeUndefined();
			expect(run.output![0].map((item) => [item.json.video_id, item.json.video_status_name, item.pairedItem])).toEqual(ids.map((id) => [id, 'COMPLETED', { item: 0 }]));
		});

		it('resumes the videos of a run that timed out: first they come out with timed_out, later finished', async () => {
			await session.sim.reset({ renderMs: 4000, mp4Bytes: MP4_BYTES });
			const videoId = await submitVideo(session.sim);
			const early = await session.run(waitFor({ waitTimeout: 0.05 }), { items: byId(videoId) });
			expect(early.output![0][0].json).toMatchObject({ video_id: videoId, timed_out: true, video_status_final: false });

			const later = await session.run(waitFor(), { items: early.output![0] });
			expect(later.output![0][0].json).toMatchObject({ video_id: videoId, video_status_name: 'COMPLETED' });
			expect(later.output![0][0].json).not.toHaveProperty('timed_out');
		});

		it('fails with the id of a failed video, or brings it out as an error item that names it', async () => {
			const failed = await submitVideo(session.sim, { prompt: 'broken [fail]' });
			const fine = await submitVideo(session.sim);
			const stopped = await session.run(waitFor(), { items: byId(fine, failed) });
			expect(stopped.error).toBeInstanceOf(NodeOperationError);
			expect(stopped.error!.message).toMatch(new RegExp(`^Video ${failed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} failed`));

			const continued = await session.run(waitFor(), { items: byId(fine, failed), continueOnFail: true });
			expect(continued.output![0].map((item) => [item.json.video_id, item.json.video_status_name, typeof item.json.error])).toEqual([
				[fine, 'COMPLETED', 'undefined'],
				[failed, 'FAILED', 'string'],
			]);
		});

		it('refuses something that is not a video ID, or no ID at all, before any request', async () => {
			const wrong = await session.run(waitFor({ videoIds: 'video-42' }));
			expect(wrong.error!.message).toBe('"video-42" is not a PixVerse video ID (parameter "Video IDs")');
			const empty = await session.run(waitFor(), { items: [{ json: {} }] });
			expect(empty.error!.message).toBe('No video ID given (parameter "Video IDs")');
			expect(session.apiRequests()).toHaveLength(0);

			const videoId = await submitVideo(session.sim);
			const continued = await session.run(waitFor(), { items: [{ json: {} }, { json: { video_id: videoId } }], continueOnFail: true });
			expect(continued.output![0].map((item) => item.json.error ?? item.json.video_status_name)).toEqual(['No video ID given (parameter "Video IDs")', 'COMPLETED']);
		});
	});

	describe('resuming when PixVerse calls back', () => {
		let waiting: WaitingServer;
		beforeEach(async () => {
			waiting = await startWaitingServer();
		});
		afterEach(async () => {
			await waiting.close();
		});

		/** Runs the node in an execution whose resume URL the videos it gets were (or were not) submitted with. */
		const runWithSubmitted = async (submit: (resumeUrl: string) => Promise<string[]>, extra = {}) => {
			let ids: string[] = [];
			const run = await session.run(waitFor({ waitMode: 'callback', waitTimeout: 5, download: true, binaryProperty: 'clip' }), {
				additionalData: { webhookWaitingBaseUrl: waiting.webhookWaitingBaseUrl },
				beforeRun: async (harness) => {
					ids = await submit(`${waiting.webhookWaitingBaseUrl}/${harness.executionId}?signature=${harness.runExecutionData.resumeToken}`);
					harness.executeData.data.main[0] = byId(...ids).map((item, index) => ({ ...item, pairedItem: { item: index } }));
				},
				...extra,
			});
			return { run, ids };
		};

		it('parks for videos submitted earlier in the execution with its resume URL, and resumes on their callbacks', async () => {
			const { run, ids } = await runWithSubmitted(async (resumeUrl) => [await submitVideo(session.sim, { replyUrl: resumeUrl }), await submitVideo(session.sim, { replyUrl: resumeUrl })]);
			expect(run.error).toBeUndefined();
			expect(run.output![0].map((item) => [item.json.video_id, item.json.timed_out])).toEqual(ids.map((id) => [id, true]));
			expect(session.apiRequests().some((entry) => entry.path === '/v2/pixverse/scheduler')).toBe(true);
			waiting.attach(run, new PixVerse());

			const output = await waiting.resumed();
			expect(output.map((item) => [item.json.video_id, item.json.video_status_name, item.pairedItem])).toEqual(ids.map((id, index) => [id, 'COMPLETED', { item: index }]));
			for (const item of output) expect((await run.readBinary(item, 'clip')).length).toBe(MP4_BYTES);
		});

		it('names the videos that will not call this execution back (another Callback URL, none); the others still park', async () => {
			const { run, ids } = await runWithSubmitted(
				async (resumeUrl) => [
					await submitVideo(session.sim, { replyUrl: resumeUrl }),
					await submitVideo(session.sim, { replyUrl: 'https://elsewhere.example.com/hook' }),
					await submitVideo(session.sim),
				],
				{ continueOnFail: true },
			);
			const [mine, elsewhere, nowhere] = run.output![0];
			expect(mine.json).toMatchObject({ video_id: ids[0], timed_out: true });
			expect(elsewhere.json).toMatchObject({ video_id: ids[1], error: `Video ${ids[1]} will not call this execution back: it was submitted with another Callback URL (replyUrl)` });
			expect(nowhere.json).toMatchObject({ video_id: ids[2], error: `Video ${ids[2]} will not call this execution back: it was submitted without a Callback URL (replyUrl)` });
			waiting.attach(run, new PixVerse());
			const output = await waiting.resumed();
			expect(output.map((item) => item.json.error ?? item.json.video_status_name)).toEqual(['COMPLETED', elsewhere.json.error, nowhere.json.error]);
		});

		it('without continueOnFail, such a video stops the node before it parks', async () => {
			const { run, ids } = await runWithSubmitted(async () => [await submitVideo(session.sim)]);
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe(`Video ${ids[0]} will not call this execution back: it was submitted without a Callback URL (replyUrl)`);
			expect(run.harness.runExecutionData.waitTill).toBeUndefined();
		});

		it('does not park when every video is already final', async () => {
			const { run, ids } = await runWithSubmitted(async () => {
				const videoId = await submitVideo(session.sim);
				await waitUntilFinal(session.sim, videoId);
				return [videoId];
			});
			expect(run.error).toBeUndefined();
			expect(run.harness.runExecutionData.waitTill).toBeUndefined();
			expect(run.output![0][0].json).toMatchObject({ video_id: ids[0], video_status_name: 'COMPLETED' });
			expect(session.apiRequests().some((entry) => entry.path === '/v2/pixverse/scheduler')).toBe(false);
		});
	});
});
