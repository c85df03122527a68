import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { createInputBinary } from './harness';
import { submitVideo, waitUntilFinal } from './simulatorVideos';
import { simulatorSession, GENERATED_REFERENCE } from './simulatorSession';

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(2000, 3)]);
const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(1000, 5)]);
/** A PNG's signature, then text the simulator reads (its no-subject marker). */
const png = (text: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]);

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

	describe('Upscale', () => {
		const upscale = (videoId: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'video', operation: 'upscale', videoId, ...wait, ...extra });

		it('sends only the video id and returns the 4K video', async () => {
			const videoId = await finishedVideo({ model: 'v5.6', quality: '540p' });
			const run = await session.run(upscale(videoId));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => entry.body)).toEqual([{ replyRef: GENERATED_REFERENCE, video_id: videoId }]);
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

	describe('Lip Sync', () => {
		const lipsync = (extra: INodeParameters): INodeParameters => ({
			resource: 'video', operation: 'lipsync', videoSource: 'id', audioSource: 'tts', speechText: 'Hello from the fox', speakerId: '2', originalSound: false, ...wait, ...extra,
		});

		it('speaks a text in a chosen voice', async () => {
			const videoId = await finishedVideo();
			const run = await session.run(lipsync({ videoId, originalSound: true, offPeakMode: true, waitMode: 'none' }));
			expect(run.error).toBeUndefined();
			expect(posts().map((entry) => entry.body)).toEqual([
				{ replyRef: GENERATED_REFERENCE, video_id: videoId, prompt: 'Hello from the fox', speaker_id: '2', original_sound_switch: true, off_peak_mode: true },
			]);
		});

		it('follows an audio track uploaded from a binary field', async () => {
			const videoId = await finishedVideo();
			const audio = await createInputBinary(MP3, 'voice.mp3', 'audio/mpeg');
			const run = await session.run(lipsync({ videoId, audioSource: 'binary', audioBinaryProperty: 'voice' }), { items: [{ json: {}, binary: { voice: audio } }] });
			expect(run.error).toBeUndefined();
			const [upload, submit] = posts();
			expect(upload.contentType).toBe('audio/mpeg');
			expect(submit.body).toEqual({ replyRef: GENERATED_REFERENCE, video_id: videoId, audio_path: expect.stringMatching(/^upload\/.+\.mp3$/), original_sound_switch: false });
			expect(run.output![0][0].json).toMatchObject({ lip_sync: true, video_status_name: 'COMPLETED' });
		});

		it.each<[string, INodeParameters, string]>([
			['a text over 200 characters', { speechText: 'x'.repeat(201) }, 'Speech Text is 201 characters long; lip-sync text-to-speech takes at most 200'],
			['no voice', { speakerId: '' }, 'No voice chosen for the speech; pick one under "Voice Name or ID" (the list comes from GET /videos/voices)'],
			['an empty text', { speechText: ' ' }, 'Speech Text is only spaces; allowed: text (it is required)'],
		])('refuses %s before sending anything', async (_label, extra, message) => {
			const run = await session.run(lipsync({ videoId: 'user:1-pixverse:demo@example.com-video:1', ...extra }));
			expect(run.error).toBeInstanceOf(NodeOperationError);
			expect(run.error!.message).toBe(message);
			expect(session.apiRequests()).toHaveLength(0);
		});

		it('refuses an image given as the audio track before sending anything', async () => {
			const image = await createInputBinary(Buffer.from('png'), 'face.png', 'image/png');
			const run = await session.run(lipsync({ videoId: 'user:1-pixverse:demo@example.com-video:1', audioSource: 'binary', audioBinaryProperty: 'data' }), {
				items: [{ json: {}, binary: { data: image } }],
			});
			expect(run.error!.message).toContain('has type "image/png", which PixVerse does not accept as a audio; allowed: audio/wav, audio/wave, audio/mpeg');
			expect(session.apiRequests()).toHaveLength(0);
		});
	});

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

	describe('Motion Control', () => {
		const motion = (extra: INodeParameters = {}): INodeParameters => ({
			resource: 'video', operation: 'motionControl', characterImageSource: 'binary', characterImageBinaryProperty: 'image',
			motionVideoSource: 'binary', motionVideoBinaryProperty: 'video', model: 'v5.6', quality: '720p', ...wait, ...extra,
		});
		const inputs = async (imageBytes = png('a clear dog')) => ({
			json: {},
			binary: { image: await createInputBinary(imageBytes, 'dog.png', 'image/png'), video: await createInputBinary(MP4, 'dance.mp4', 'video/mp4') },
		});

		it('uploads the character image and the motion video, then animates', async () => {
			const run = await session.run(motion({ quality: '540p' }), { items: [await inputs()] });
			expect(run.error).toBeUndefined();
			const [image, video, submit] = posts();
			expect([image.contentType, video.contentType]).toEqual(['image/png', 'video/mp4']);
			expect(submit.path).toBe('/v2/pixverse/videos/motion-control');
			expect(submit.body).toEqual({ replyRef: GENERATED_REFERENCE, model: 'v5.6', quality: '540p', frame_1_path: expect.stringMatching(/\.png$/), video_1_path: expect.stringMatching(/\.mp4$/) });
			expect(run.output![0][0].json).toMatchObject({ model: 'v5.6', video_status_name: 'COMPLETED' });
		});

		it('explains the refusal of an image without a clear subject (422)', async () => {
			const run = await session.run(motion(), { items: [await inputs(png('an empty room [no-subject]'))] });
			expect(run.error).toBeInstanceOf(NodeApiError);
			expect((run.error as NodeApiError).description).toContain('The character image has no clear person or animal subject');
		});

		it('refuses 1080p before sending anything', async () => {
			const run = await session.run(motion({ quality: '1080p' }), { items: [await inputs()] });
			expect(run.error!.message).toBe('Quality "1080p" is not available on model "v5.6"; allowed: "360p", "540p", "720p"');
			expect(session.apiRequests()).toHaveLength(0);
		});
	});
});
