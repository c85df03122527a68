import type { INodeParameters } from 'n8n-workflow';

import { GENERATED_REFERENCE } from '../../simulatorSession';
import { POLL_WITHOUT_DOWNLOAD, sourceVideoSession } from '../../simulatorVideos';

const wait = POLL_WITHOUT_DOWNLOAD;

describe('Video operations on an existing video, against the simulator', () => {
	const { session, posts, finishedVideo } = sourceVideoSession();

	describe('Restyle', () => {
		const restyle = (extra: INodeParameters): INodeParameters => ({
			resource: 'video', operation: 'restyle', videoSource: 'id', prompt: 'Hand-drawn anime', model: 'v4', restyleId: 1001, ...wait, ...extra,
		});

		it('redraws a video with a preset style', async () => {
			const videoId = await finishedVideo();
			const run = await session.run(restyle({ videoId }));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => entry.body)).toEqual([{ replyRef: GENERATED_REFERENCE, video_id: videoId, model: 'v4', prompt: 'Hand-drawn anime', restyle_id: 1001 }]);
			expect(run.output![0][0].json).toMatchObject({ model: 'v4', video_status_name: 'COMPLETED' });
		});

		it('sends a style id typed as text as a number, and none when left empty', async () => {
			const videoId = await finishedVideo();
			await session.run(restyle({ videoId, restyleId: '1003', waitMode: 'none' }));
			await session.run(restyle({ videoId, restyleId: '', waitMode: 'none' }));
			expect(posts().map((entry) => entry.body!.restyle_id)).toEqual([1003, undefined]);
		});

		it('refuses an empty prompt before sending anything', async () => {
			const run = await session.run(restyle({ videoId: 'user:1-pixverse:demo@example.com-video:1', prompt: '' }));
			expect(run.error!.message).toBe('Prompt is empty; allowed: text (it is required)');
			expect(session.apiRequests()).toHaveLength(0);
		});
	});
});
