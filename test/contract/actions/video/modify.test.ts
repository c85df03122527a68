import type { INodeParameters } from 'n8n-workflow';

import { GENERATED_REFERENCE } from '../../simulatorSession';
import { POLL_WITHOUT_DOWNLOAD, sourceVideoSession, videoNumber } from '../../simulatorVideos';

const wait = POLL_WITHOUT_DOWNLOAD;
const numberOf = videoNumber;

describe('Video operations on an existing video, against the simulator', () => {
	const { session, posts, finishedVideo } = sourceVideoSession();

	describe('Modify', () => {
		const modify = (extra: INodeParameters): INodeParameters => ({
			resource: 'video', operation: 'modify', videoSource: 'id', prompt: 'Make it night', model: 'v5.5', quality: '540p', ...wait, ...extra,
		});

		it('changes a video as the prompt says, on v5.5', async () => {
			const videoId = await finishedVideo();
			const run = await session.run(modify({ videoId, quality: '720p', seed: 42 }));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => entry.body)).toEqual([{ replyRef: GENERATED_REFERENCE, video_id: videoId, model: 'v5.5', prompt: 'Make it night', quality: '720p', seed: 42 }]);
			expect(run.output![0][0].json).toMatchObject({ model: 'v5.5', quality: '720p', original_video_id: numberOf(videoId) });
		});

		it.each<[string, INodeParameters, string]>([
			['1080p', { quality: '1080p' }, 'Quality "1080p" is not available on model "v5.5"; allowed: "360p", "540p", "720p"'],
			['an empty prompt', { prompt: '' }, 'Prompt is empty; allowed: text (it is required)'],
		])('refuses %s before sending anything', async (_label, extra, message) => {
			const run = await session.run(modify({ videoId: 'user:1-pixverse:demo@example.com-video:1', ...extra }));
			expect(run.error!.message).toBe(message);
			expect(session.apiRequests()).toHaveLength(0);
		});
	});
});
