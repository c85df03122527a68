import type { INodeParameters } from 'n8n-workflow';

import { submitVideo, waitUntilFinal } from '../../simulatorVideos';
import { simulatorSession } from '../../simulatorSession';

const wait: INodeParameters = { waitMode: 'poll', pollInterval: 1, waitTimeout: 1, download: false };
const numberOf = (videoId: unknown) => Number(/-video:(\d+)$/.exec(String(videoId))![1]);

describe('Video operations on an existing video, against the simulator', () => {
	const session = simulatorSession();
	const posts = () => session.apiRequests().filter((entry) => entry.method === 'POST');

	async function finishedVideo(body: Record<string, unknown> = {}): Promise<string> {
		const videoId = await submitVideo(session.sim, body);
		await waitUntilFinal(session.sim, videoId);
		session.sim.clearLog();
		return videoId;
	}

	describe('Upscale', () => {
		const upscale = (videoId: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'upscale', videoId, ...wait, ...extra });

		it('sends only the video id and returns the 4K video', async () => {
			const videoId = await finishedVideo({ model: 'v5.6', quality: '540p' });
			const run = await session.run(upscale(videoId));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => entry.body)).toEqual([{ video_id: videoId }]);
			expect(run.output![0][0].json).toMatchObject({ upscaled: true, output_height: 2160, original_video_id: numberOf(videoId) });
		});

		it('passes on the refusal of a third-party video, with the id, under continueOnFail', async () => {
			const videoId = await finishedVideo({ model: 'kling-v3' });
			const run = await session.run(upscale(videoId), { continueOnFail: true });
			const [item] = run.output![0];
			expect(item.json.error).toBe('useapi.net rejected the request');
			expect(item.json.error_description).toContain('only videos of native PixVerse models can be upscaled');
			expect(posts()).toHaveLength(1);
		});
	});
});
