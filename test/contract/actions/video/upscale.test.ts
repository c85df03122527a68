import type { INodeParameters } from 'n8n-workflow';

import { GENERATED_REFERENCE } from '../../simulatorSession';
import { POLL_WITHOUT_DOWNLOAD, sourceVideoSession, videoNumber } from '../../simulatorVideos';

const wait = POLL_WITHOUT_DOWNLOAD;
const numberOf = videoNumber;

describe('Video operations on an existing video, against the simulator', () => {
	const { session, posts, finishedVideo } = sourceVideoSession();

	describe('Upscale', () => {
		const upscale = (videoId: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'upscale', videoId, ...wait, ...extra });

		it('sends only the video id and returns the 4K video', async () => {
			const videoId = await finishedVideo({ model: 'v5.6', quality: '540p' });
			const run = await session.run(upscale(videoId));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => entry.body)).toEqual([{ replyRef: GENERATED_REFERENCE, video_id: videoId }]);
			expect(run.output![0][0].json).toMatchObject({ upscaled: true, output_height: 2160, original_video_id: numberOf(videoId) });
		});

		it('refuses a third-party video before sending, with the id, under continueOnFail', async () => {
			const videoId = await finishedVideo({ model: 'kling-v3' });
			const run = await session.run(upscale(videoId), { continueOnFail: true });
			const [item] = run.output![0];
			expect(item.json.error).toMatch(/made with model "kling-v3" \(Kling V3\); Upscale takes only videos of "v6"/);
			expect(item.json.error_description).toContain(videoId);
			expect(posts()).toHaveLength(0);
		});
	});
});
