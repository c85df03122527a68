import { create, finalRecord, uploadImage, useSimulator } from './helpers';

describe('simulator: POST /videos/create validation', () => {
	const sim = useSimulator({ renderMs: 60 });

	it.each<[string, Record<string, unknown>, string[]]>([
		['an unknown model', { prompt: 'p', model: 'v7' }, ['model for /videos/create must be one of', 'v6', 'seedance-2.0', '(got v7)']],
		['a quality the model lacks', { prompt: 'p', model: 'sora-2', quality: '1080p' }, ['quality for model sora-2 must be one of: 720p']],
		['1080p longer than 8 s on v5.x', { prompt: 'p', model: 'v5.6', quality: '1080p', duration: 10 }, ['duration 10', 'v5.6 at 1080p', 'allowed seconds: 1-8']],
		['more than 10 s on v5.5', { prompt: 'p', model: 'v5.5', duration: 12 }, ['allowed seconds: 1-10']],
		['a veo duration outside 4/6/8', { prompt: 'p', model: 'veo-3.1-fast', duration: 5 }, ['allowed seconds: 4, 6, 8']],
		['an aspect ratio the model lacks', { prompt: 'p', model: 'kling-v3', aspect_ratio: '4:3' }, ['aspect_ratio for model kling-v3 must be one of: 16:9, 9:16, 1:1']],
		['off_peak_mode on a third-party model', { prompt: 'p', model: 'seedance-2.0', off_peak_mode: false }, ['off_peak_mode is not supported by model seedance-2.0', 'v6']],
		['seed on a third-party model', { prompt: 'p', model: 'kling-o3', seed: 5 }, ['seed is not supported by model kling-o3']],
		['preview_mode on v5-fast', { prompt: 'p', model: 'v5-fast', preview_mode: true }, ['preview_mode is not supported by model v5-fast']],
		['multi_shot off v6', { prompt: 'p', model: 'v5.6', multi_shot: true }, ['multi_shot is not supported by model v5.6', 'v6']],
		['audio on an always-on model', { prompt: 'p', model: 'veo-3.1-standard', audio: true }, ['audio is always on for model veo-3.1-standard']],
		['audio on a model without audio', { prompt: 'p', model: 'v5-fast', audio: false }, ['audio is not supported by model v5-fast', 'v6']],
		['a prompt over 5000 characters', { prompt: 'x'.repeat(5001) }, ['prompt is too long: 5001 characters, the maximum is 5000']],
		['no prompt for text-to-video', { model: 'v6' }, ['prompt is required']],
		['replyUrl over 1024 characters', { prompt: 'p', replyUrl: `https://x.test/${'a'.repeat(1020)}` }, ['replyUrl is too long']],
		['replyRef over 1024 characters', { prompt: 'p', replyRef: 'r'.repeat(1025) }, ['replyRef is too long']],
		['maxJobs 9', { prompt: 'p', maxJobs: 9 }, ['maxJobs must be an integer from 1 to 8']],
		['a seed out of range', { prompt: 'p', seed: -1 }, ['seed must be an integer from 0 to 2147483647']],
		['grok-imagine-1.5 without an image', { prompt: 'p', model: 'grok-imagine-1.5' }, ['first_frame_path is required']],
		['a path that was never uploaded', { prompt: 'p', first_frame_path: 'upload/nope.png' }, ['first_frame_path upload/nope.png was not found']],
		['a non-numeric duration', { prompt: 'p', duration: 'five' }, ['duration must be an integer']],
		['an unknown template', { template_id: 42 }, ['template_id 42 was not found']],
	])('refuses %s with 400 naming the field and allowed values', async (_label, body, fragments) => {
		const response = await create(sim(), body);
		expect(response.status).toBe(400);
		expect(response.body.code).toBe(400);
		for (const fragment of fragments) expect(response.body.error).toContain(fragment);
	});

	it('refuses aspect_ratio together with first_frame_path', async () => {
		const image = await uploadImage(sim());
		const response = await create(sim(), { prompt: 'p', first_frame_path: image, aspect_ratio: '16:9' });
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('aspect_ratio must not be set together with first_frame_path');
	});

	it('refuses frame_N_path mixed with first/last_frame_path', async () => {
		const image = await uploadImage(sim());
		const response = await create(sim(), { prompt: 'p', first_frame_path: image, frame_1_path: image });
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('frame_1_path cannot be combined with first_frame_path');
	});

	it('refuses an uploaded video where an image is expected', async () => {
		const upload = await fetch(`${sim().url}/v2/pixverse/files`, {
			method: 'POST',
			headers: { Authorization: 'Bearer sim-token', 'Content-Type': 'video/mp4' },
			body: Buffer.alloc(100),
		});
		const { path } = (await upload.json()) as { path: string };
		const response = await create(sim(), { prompt: 'p', first_frame_path: path });
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('must be an uploaded image');
	});

	it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
		['v6', { prompt: 'p' }, { model: 'v6', quality: '720p', duration: 5, aspect_ratio: '16:9' }],
		['v5.6', { prompt: 'p', model: 'v5.6' }, { model: 'v5.6', quality: '540p', duration: 5, aspect_ratio: '16:9' }],
		['veo-3.1-lite at 1080p', { prompt: 'p', model: 'veo-3.1-lite', quality: '1080p' }, { quality: '1080p', duration: 8 }],
	])('fills the defaults for %s', async (_label, body, expected) => {
		const response = await create(sim(), body);
		expect(response.status).toBe(200);
		expect(await finalRecord(sim(), response.body.video_id)).toMatchObject(expected);
	});

	it('accepts the longest durations each model allows', async () => {
		for (const body of [
			{ prompt: 'p', model: 'v6', quality: '1080p', duration: 15, multi_shot: true, seed: 7, off_peak_mode: false },
			{ prompt: 'p', model: 'v5.5', quality: '1080p', duration: 8 },
			{ prompt: 'p', model: 'seedance-2.0', quality: '1080p', duration: 15, aspect_ratio: '21:9', audio: true },
			{ prompt: 'p', model: 'sora-2-pro', quality: '1080p', duration: 12, aspect_ratio: '9:16' },
		]) {
			const response = await create(sim(), body);
			expect({ body, status: response.status, error: response.body.error }).toEqual({ body, status: 200, error: undefined });
		}
	});

	it('runs image-to-video with the image deciding the aspect ratio', async () => {
		const image = await uploadImage(sim());
		const response = await create(sim(), { prompt: 'p', model: 'grok-imagine-1.5', first_frame_path: image });
		expect(response.status).toBe(200);
		expect(await finalRecord(sim(), response.body.video_id)).toMatchObject({ customer_paths: { first_frame_path: image } });
	});

	describe('effect templates', () => {
		it('takes the model and duration from the template and its qualities', async () => {
			const image = await uploadImage(sim());
			const response = await create(sim(), { template_id: 315004, first_frame_path: image });
			expect(response.status).toBe(200);
			expect(response.body.cost_credits).toBe(35);
			expect(await finalRecord(sim(), response.body.video_id)).toMatchObject({ model: 'v6', duration: 8, quality: '540p', template_id: 315004 });
		});

		it('refuses a model, a foreign quality, or the wrong number of images', async () => {
			const image = await uploadImage(sim());
			const withModel = await create(sim(), { template_id: 315004, model: 'v6', first_frame_path: image });
			expect(withModel.body.error).toContain('model must not be sent with template_id');
			const badQuality = await create(sim(), { template_id: 315004, quality: '360p', first_frame_path: image });
			expect(badQuality.body.error).toContain('quality for template 315004 must be one of: 540p, 720p, 1080p');
			const missingImage = await create(sim(), { template_id: 315002, first_frame_path: image });
			expect(missingImage.body.error).toContain('takes 2 input image(s), got 1');
			const tooMany = await create(sim(), {
				template_id: 315003,
				frame_1_path: image,
				frame_2_path: image,
				frame_3_path: image,
				frame_4_path: image,
				frame_5_path: image,
			});
			expect(tooMany.body.error).toContain('takes 2 to 4 input image(s), got 5');
		});
	});
});
