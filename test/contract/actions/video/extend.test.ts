import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { createInputBinary } from '../../harness';
import { GENERATED_REFERENCE } from '../../simulatorSession';
import { POLL_WITHOUT_DOWNLOAD, sourceVideoSession, videoNumber } from '../../simulatorVideos';

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(2000, 3)]);

const wait = POLL_WITHOUT_DOWNLOAD;
const numberOf = videoNumber;

describe('Video operations on an existing video, against the simulator', () => {
	const { session, posts, finishedVideo } = sourceVideoSession();

	describe('Extend', () => {
		const extend = (extra: INodeParameters): INodeParameters => ({
			resource: 'video', operation: 'extend', videoSource: 'id', prompt: '', model: 'v6', quality: '720p', duration: 5, audio: false, ...wait, ...extra,
		});

		it('continues a video given by id into a new video that names it', async () => {
			const videoId = await finishedVideo();
			const run = await session.run(extend({ videoId, prompt: 'The fox leaps over a fence', duration: 4, audio: true, download: true, binaryProperty: 'video' }));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => [entry.path, entry.body])).toEqual([
				['/v2/pixverse/videos/extend', { replyRef: GENERATED_REFERENCE, video_id: videoId, model: 'v6', prompt: 'The fox leaps over a fence', quality: '720p', duration: 4, audio: true }],
			]);
			const [item] = run.output![0];
			expect(item.json).toMatchObject({ video_status_name: 'COMPLETED', extended: true, original_video_id: numberOf(videoId) });
			expect(item.json.video_id).not.toBe(videoId);
			expect(item.binary!.video.mimeType).toBe('video/mp4');
		});

		it('uploads a video from a binary field and sends it as video_path', async () => {
			const video = await createInputBinary(MP4, 'clip.mp4', 'video/mp4');
			const run = await session.run(extend({ videoSource: 'binary', videoBinaryProperty: 'clip', model: 'v5.5', quality: '540p', duration: 5 }), {
				items: [{ json: {}, binary: { clip: video } }],
			});
			expect(run.error).toBeUndefined();
			const [upload, submit] = posts();
			expect(upload.path).toMatch(/^\/v2\/pixverse\/files/);
			expect(upload.contentType).toBe('video/mp4');
			expect(submit.body).toEqual({ replyRef: GENERATED_REFERENCE, model: 'v5.5', quality: '540p', duration: 5, video_path: expect.stringMatching(/^upload\/.+\.mp4$/) });
			expect(run.output![0][0].json.extended).toBe(true);
		});

		it('takes an uploaded video path as it is', async () => {
			const run = await session.run(extend({ videoSource: 'path', videoPath: ' upload/earlier.mp4 ', waitMode: 'none' }));
			expect(run.error).toBeInstanceOf(NodeApiError);
			expect(posts()[0].body!.video_path).toBe('upload/earlier.mp4');
		});

		it.each<[string, INodeParameters, string]>([
			['10 s at 1080p on v5', { model: 'v5', quality: '1080p', duration: 10 }, 'Duration 10 s is not available on model "v5" at 1080p; allowed: 1 to 8 seconds'],
			['12 s on grok-imagine', { model: 'grok-imagine', duration: 12 }, 'Duration 12 s is not available on model "grok-imagine"; allowed: 2 to 10 seconds'],
			['v5.6, which cannot extend', { model: 'v5.6', quality: '540p' }, 'Model "v5.6" cannot be used here; allowed models: "v6", "v5.5", "v5", "grok-imagine"'],
			['an empty Video ID', { videoId: '  ' }, 'Video ID is only spaces; allowed: text (it is required)'],
			['an empty path', { videoSource: 'path', videoPath: '' }, 'Video Source Path is empty; allowed: text (it is required)'],
		])('refuses %s before sending anything', async (_label, extra, message) => {
			const run = await session.run(extend({ videoId: 'user:1-pixverse:demo@example.com-video:1', ...extra }));
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toContain(message);
			expect(session.apiRequests()).toHaveLength(0);
		});
	});
});
