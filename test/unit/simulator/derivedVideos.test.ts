import { NO_SUBJECT_MARKER } from '../../../simulator/subjectMarker';
import { call, create, EMAIL, finalRecord, getVideo, uploadImage, useSimulator } from './helpers';

const post = (sim: Parameters<typeof create>[0], endpoint: string, body: Record<string, unknown>) =>
	call(sim, 'POST', `/v2/pixverse/videos/${endpoint}`, body);

async function upload(sim: Parameters<typeof create>[0], contentType: string, bytes = Buffer.from('file bytes')): Promise<string> {
	const response = await call(sim, 'POST', '/v2/pixverse/files', bytes, { contentType });
	return response.body.result?.[0]?.path ?? response.body.path;
}

/** Stands for the path of a video uploaded just before the request. */
const UPLOADED = '<uploaded video>';

describe('simulator: videos made from earlier videos', () => {
	const sim = useSimulator({ renderMs: 60 });

	async function finishedVideo(body: Record<string, unknown> = { prompt: 'a fox', model: 'v6', duration: 5 }): Promise<Record<string, unknown>> {
		const created = await create(sim(), body);
		expect(created.status).toBe(200);
		return await finalRecord(sim(), created.body.video_id);
	}

	it('extends a finished video into a new one that names its source', async () => {
		const source = await finishedVideo();
		const extended = await post(sim(), 'extend', { video_id: source.video_id, prompt: 'the fox jumps', duration: 4, audio: true });
		expect(extended.status).toBe(200);
		expect(extended.body.video_id).not.toBe(source.video_id);
		const record = await finalRecord(sim(), extended.body.video_id);
		expect(record).toMatchObject({
			video_status_name: 'COMPLETED',
			model: 'v6',
			extended: true,
			upscaled: false,
			lip_sync: false,
			original_video_id: Number(/-video:(\d+)$/.exec(String(source.video_id))![1]),
			video_duration: 9,
			audio: true,
		});
	});

	it('runs a derived job on the account of its source video', async () => {
		sim().reset({ renderMs: 60, accounts: [{ email: 'a@example.com', maxJobs: 2, credits: 10000 }, { email: 'b@example.com', maxJobs: 2, credits: 10000 }] });
		const created = await create(sim(), { prompt: 'p', email: 'b@example.com' });
		await finalRecord(sim(), created.body.video_id);
		const upscaled = await post(sim(), 'upscale', { video_id: created.body.video_id });
		expect(upscaled.body.video_id).toContain('pixverse:b@example.com-video:');
	});

	it.each<[string, string, Record<string, unknown>, string[]]>([
		['extend without a video', 'extend', {}, ['video_id or video_path is required']],
		['extend with both video_id and video_path', 'extend', { video_id: 'user:1-pixverse:demo@example.com-video:1', video_path: 'upload/x.mp4' }, ['cannot be sent together']],
		['extend on v5.6', 'extend', { video_path: UPLOADED, model: 'v5.6' }, ['model for /videos/extend must be one of: v6, v5.5, v5, grok-imagine']],
		['a malformed video_id', 'extend', { video_id: 'video-7' }, ['Invalid video_id video-7']],
		['upscale with video_path', 'upscale', { video_path: 'upload/x.mp4' }, ['video_path is not accepted by /videos/upscale']],
		['upscale with a model', 'upscale', { video_id: 'user:1-pixverse:demo@example.com-video:1', model: 'v6' }, ['model is not accepted by /videos/upscale']],
		['modify without a prompt', 'modify', { video_path: UPLOADED }, ['prompt is required']],
		['restyle on v5', 'restyle', { video_path: UPLOADED, prompt: 'p', model: 'v5' }, ['model for /videos/restyle must be one of: v4']],
		['lipsync with neither audio nor text', 'lipsync', { video_path: UPLOADED }, ['audio_path (an uploaded audio file) or prompt']],
		['motion control without an image', 'motion-control', { video_1_path: 'upload/x.mp4' }, ['frame_1_path is required']],
	])('refuses %s with 400', async (_label, endpoint, body, fragments) => {
		const video = await upload(sim(), 'video/mp4');
		const withUpload = Object.fromEntries(Object.entries(body).map(([name, value]) => [name, value === UPLOADED ? video : value]));
		const response = await post(sim(), endpoint, withUpload);
		expect(response.status).toBe(400);
		for (const fragment of fragments) expect(response.body.error).toContain(fragment);
	});

	it('answers 404 for a video_id it does not know', async () => {
		const response = await post(sim(), 'extend', { video_id: `user:1-pixverse:${EMAIL}-video:999999` });
		expect(response.status).toBe(404);
	});

	it('builds only on a COMPLETED video', async () => {
		sim().configure({ renderMs: 60_000 });
		const created = await create(sim(), { prompt: 'p' });
		const response = await post(sim(), 'extend', { video_id: created.body.video_id });
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('only a COMPLETED video can be used by /videos/extend');
	});

	it('limits extend: audio only on v6, grok-imagine 2-10 s, no preview or multi-shot', async () => {
		const source = await finishedVideo();
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ model: 'v5.5', audio: true }, 'audio is not supported by model v5.5 on /videos/extend; models with an audio toggle here: v6'],
			[{ model: 'grok-imagine', duration: 12 }, 'allowed seconds: 2-10'],
			[{ model: 'grok-imagine', audio: true }, 'audio is always on for model grok-imagine'],
			[{ model: 'v5', quality: '1080p', duration: 10 }, 'allowed seconds: 1-8'],
			[{ preview_mode: true }, 'preview_mode is not accepted by /videos/extend'],
			[{ multi_shot: true }, 'multi_shot is not accepted by /videos/extend'],
		];
		for (const [extra, message] of cases) {
			const response = await post(sim(), 'extend', { video_id: source.video_id, ...extra });
			expect({ status: response.status, error: response.body.error }).toEqual({ status: 400, error: expect.stringContaining(message) });
		}
	});

	it('upscales only videos of native models, to 4K', async () => {
		const native = await finishedVideo({ prompt: 'p', model: 'v5.6', quality: '540p' });
		const upscaled = await post(sim(), 'upscale', { video_id: native.video_id });
		expect(upscaled.status).toBe(200);
		const record = await finalRecord(sim(), upscaled.body.video_id);
		expect(record).toMatchObject({ upscaled: true, model: 'v5.6', output_height: 2160 });

		const thirdParty = await finishedVideo({ prompt: 'p', model: 'kling-v3' });
		const refused = await post(sim(), 'upscale', { video_id: thirdParty.video_id });
		expect(refused.status).toBe(400);
		expect(refused.body.error).toContain('was made with kling-v3; only videos of native PixVerse models can be upscaled (v6, v5.6, v5.5, v5, v5-fast)');
	});

	it('lip-syncs to text in a catalog voice, or to an uploaded audio track', async () => {
		const source = await finishedVideo();
		const speech = await post(sim(), 'lipsync', { video_id: source.video_id, prompt: 'Hello there', speaker_id: '1', original_sound_switch: true });
		expect(speech.status).toBe(200);
		expect(await finalRecord(sim(), speech.body.video_id)).toMatchObject({ lip_sync: true, extended: false });

		const audio = await upload(sim(), 'audio/mpeg');
		const track = await post(sim(), 'lipsync', { video_id: source.video_id, audio_path: audio });
		expect(track.status).toBe(200);
		expect((await finalRecord(sim(), track.body.video_id)).customer_paths).toEqual({ audio_path: audio });

		const cases: Array<[Record<string, unknown>, string]> = [
			[{ prompt: 'x'.repeat(201), speaker_id: '1' }, 'prompt is too long: 201 characters, the maximum is 200'],
			[{ prompt: 'hi' }, 'speaker_id is required with prompt'],
			[{ prompt: 'hi', speaker_id: 'nobody' }, 'speaker_id nobody was not found'],
			[{ prompt: 'hi', speaker_id: '1', audio_path: audio }, 'audio_path and prompt cannot be sent together'],
			[{ audio_path: await uploadImage(sim()) }, 'audio_path must be an uploaded audio'],
			[{ prompt: 'hi', speaker_id: '1', seed: 3 }, 'seed is not accepted by /videos/lipsync'],
		];
		for (const [extra, message] of cases) {
			const response = await post(sim(), 'lipsync', { video_id: source.video_id, ...extra });
			expect({ status: response.status, error: response.body.error }).toEqual({ status: 400, error: expect.stringContaining(message) });
		}
	});

	it('modifies on v5.5 only, up to 720p', async () => {
		const source = await finishedVideo();
		const modified = await post(sim(), 'modify', { video_id: source.video_id, prompt: 'make it night' });
		expect(modified.status).toBe(200);
		expect(await finalRecord(sim(), modified.body.video_id)).toMatchObject({ model: 'v5.5', quality: '540p' });
		const tooHigh = await post(sim(), 'modify', { video_id: source.video_id, prompt: 'p', quality: '1080p' });
		expect(tooHigh.body.error).toContain('quality for /videos/modify (model v5.5) must be one of: 360p, 540p, 720p');
		const wrongModel = await post(sim(), 'modify', { video_id: source.video_id, prompt: 'p', model: 'v6' });
		expect(wrongModel.body.error).toContain('model for /videos/modify must be one of: v5.5');
	});

	it('restyles with a catalog preset on v4', async () => {
		const video = await upload(sim(), 'video/mp4');
		const restyled = await post(sim(), 'restyle', { video_path: video, prompt: 'anime', restyle_id: 1001 });
		expect(restyled.status).toBe(200);
		expect(await finalRecord(sim(), restyled.body.video_id)).toMatchObject({ model: 'v4', customer_paths: { video_path: video } });
		const unknown = await post(sim(), 'restyle', { video_path: video, prompt: 'anime', restyle_id: 42 });
		expect(unknown.body.error).toContain('restyle_id 42 was not found');
	});

	it('animates a character with a motion video on v5.6, and refuses an image without a clear subject with 422', async () => {
		const image = await uploadImage(sim());
		const video = await upload(sim(), 'video/mp4');
		const moved = await post(sim(), 'motion-control', { frame_1_path: image, video_1_path: video });
		expect(moved.status).toBe(200);
		expect(await finalRecord(sim(), moved.body.video_id)).toMatchObject({ model: 'v5.6', quality: '720p' });

		const faceless = await upload(sim(), 'image/png', Buffer.concat([Buffer.alloc(70_000, 1), Buffer.from(`xx${NO_SUBJECT_MARKER}xx`)]));
		const refused = await post(sim(), 'motion-control', { frame_1_path: faceless, video_1_path: video });
		expect(refused.status).toBe(422);
		expect(refused.body.error).toContain('no clear person or animal subject');

		const tooHigh = await post(sim(), 'motion-control', { frame_1_path: image, video_1_path: video, quality: '1080p' });
		expect(tooHigh.body.error).toContain('must be one of: 360p, 540p, 720p');
	});

	it('keeps a derived video 404 while it renders, like any other', async () => {
		const source = await finishedVideo();
		sim().configure({ renderMs: 60_000 });
		const extended = await post(sim(), 'extend', { video_id: source.video_id });
		expect((await getVideo(sim(), extended.body.video_id)).status).toBe(404);
	});
});
