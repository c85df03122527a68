import { NodeOperationError } from 'n8n-workflow';

import { simulatorSession } from '../../simulatorSession';
import { submitVideo, waitUntilFinal } from '../../simulatorVideos';

const MP4_BYTES = 120_000;

describe('Video → Get Many, Download and Delete against the simulator', () => {
	const session = simulatorSession({ mp4Bytes: MP4_BYTES });

	describe('Download', () => {
		it('streams the MP4 of a finished video into the binary field', async () => {
			const videoId = await submitVideo(session.sim);
			await waitUntilFinal(session.sim, videoId);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'clip' });
			expect(run.error).toBeUndefined();
			const [item] = run.output![0];
			expect(item.json).toMatchObject({ video_id: videoId, video_status_name: 'COMPLETED' });
			expect(item.binary!.clip).toMatchObject({ mimeType: 'video/mp4', fileName: expect.stringMatching(/^pixverse-\d+\.mp4$/) });
			expect(item.binary!.clip.id).toBeDefined();
			expect((await run.readBinary(item, 'clip')).length).toBe(MP4_BYTES);
		});

		it('says a video still rendering cannot be downloaded yet, naming it (404 reading)', async () => {
			await session.sim.configure({ renderMs: 60_000 });
			const videoId = await submitVideo(session.sim);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'data' });
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe(`Video ${videoId} cannot be downloaded: its status is PROCESSING`);
			expect((run.error as NodeOperationError).description).toContain('answers 404 while a video renders');
		});

		it('names the status of an unfinished video when the API answers 200 while rendering', async () => {
			await session.sim.configure({ renderMs: 60_000, pendingGet: '200' });
			const videoId = await submitVideo(session.sim);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'data' });
			expect(run.error!.message).toMatch(new RegExp(`^Video ${videoId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be downloaded: its status is (QUEUED|GENERATING)$`));
		});

		it('refuses a moderated video and keeps its id in the error item', async () => {
			const videoId = await submitVideo(session.sim, { prompt: 'a scene [moderate]' });
			await waitUntilFinal(session.sim, videoId);
			const run = await session.run({ resource: 'video', operation: 'download', videoId, binaryProperty: 'data' }, { continueOnFail: true });
			expect(run.output![0][0].json.error).toBe(`Video ${videoId} cannot be downloaded: its status is MODERATED`);
			expect(session.apiRequests().some((entry) => entry.path.startsWith('/media/'))).toBe(false);
		});
	});
});
