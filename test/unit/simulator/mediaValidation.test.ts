import { call, createMedia, uploadImage, useSimulator } from './helpers';

describe('simulator: /images/create, /speech/create and /music/create validation', () => {
	const sim = useSimulator({ renderMs: 60 });

	it.each<[string, 'images' | 'speech' | 'music', Record<string, unknown>, string[]]>([
		['an image without a prompt', 'images', { model: 'qwen-image' }, ['prompt is required']],
		['an unknown image model', 'images', { prompt: 'p', model: 'dall-e' }, ['model for /images/create must be one of', 'qwen-image', 'gpt-image-2.0', '(got dall-e)']],
		['a quality the image model lacks', 'images', { prompt: 'p', model: 'seedream-4.5', quality: '1080p' }, ['quality for model seedream-4.5 must be one of: 1440p, 2160p']],
		['auto on qwen-image', 'images', { prompt: 'p', aspect_ratio: 'auto' }, ['aspect_ratio for model qwen-image must be one of', '(got auto)']],
		['5:4 on kling-3.0', 'images', { prompt: 'p', model: 'kling-3.0', aspect_ratio: '5:4' }, ['aspect_ratio for model kling-3.0']],
		['2:1 off gpt-image-2.0', 'images', { prompt: 'p', model: 'nano-banana', aspect_ratio: '2:1' }, ['aspect_ratio for model nano-banana']],
		['detail_level off gpt-image-2.0', 'images', { prompt: 'p', model: 'seedream-4.0', detail_level: 'high' }, ['detail_level is not supported by model seedream-4.0', 'gpt-image-2.0']],
		['an unknown detail_level', 'images', { prompt: 'p', model: 'gpt-image-2.0', detail_level: 'ultra' }, ['detail_level must be one of: low, medium, high']],
		['gpt-image-2.0 without detail_level', 'images', { prompt: 'p', model: 'gpt-image-2.0' }, ['detail_level is required for model gpt-image-2.0: low, medium, high']],
		['create_count 5', 'images', { prompt: 'p', create_count: 5 }, ['create_count must be an integer from 1 to 4']],
		['create_count 0', 'images', { prompt: 'p', create_count: 0 }, ['create_count must be an integer from 1 to 4']],
		['image_path_2 without image_path_1', 'images', { prompt: 'p', image_path_2: 'upload/x.png' }, ['image_path_2 is set but image_path_1 is not']],
		['a reference image never uploaded', 'images', { prompt: 'p', image_path_1: 'upload/nope.png' }, ['image_path_1 upload/nope.png was not found']],
		['an image seed out of range', 'images', { prompt: 'p', seed: -3 }, ['seed must be an integer from 0 to 2147483647']],
		['image maxJobs 9', 'images', { prompt: 'p', maxJobs: 9 }, ['maxJobs must be an integer from 1 to 8']],
		['speech without text', 'speech', { voice_id: 'v' }, ['text is required']],
		['speech without voice_id', 'speech', { text: 'hello' }, ['voice_id is required']],
		['an unknown speech model', 'speech', { text: 'hi', voice_id: 'v', model: 'speech-3' }, ['model for /speech/create must be one of', 'speech-2.8-hd', 'eleven-v3']],
		['over 5000 characters on eleven-v3', 'speech', { text: 'x'.repeat(5001), voice_id: 'v', model: 'eleven-v3' }, ['text is too long: 5001 characters, the maximum is 5000']],
		['over 40000 characters on eleven-turbo-v2.5', 'speech', { text: 'x'.repeat(40001), voice_id: 'v', model: 'eleven-turbo-v2.5' }, ['text is too long: 40001 characters, the maximum is 40000']],
		['over 10000 characters on speech-2.8-hd', 'speech', { text: 'x'.repeat(10001), voice_id: 'v' }, ['text is too long: 10001 characters, the maximum is 10000']],
		['over 10000 characters on eleven-multilingual-v2', 'speech', { text: 'x'.repeat(10001), voice_id: 'v', model: 'eleven-multilingual-v2' }, ['the maximum is 10000']],
		['an ElevenLabs setting on a MiniMax voice', 'speech', { text: 'hi', voice_id: 'v', stability: 0.5 }, ['stability is not a voice setting of model speech-2.8-hd', 'speed, volume, pitch, emotion']],
		['a MiniMax setting on an ElevenLabs voice', 'speech', { text: 'hi', voice_id: 'v', model: 'eleven-v3', emotion: 'happy' }, ['emotion is not a voice setting of model eleven-v3']],
		['style off eleven-multilingual-v2', 'speech', { text: 'hi', voice_id: 'v', model: 'eleven-v3', style: 0.2 }, ['style is not a voice setting of model eleven-v3']],
		['use_speaker_boost off eleven-multilingual-v2', 'speech', { text: 'hi', voice_id: 'v', model: 'eleven-turbo-v2.5', use_speaker_boost: true }, ['use_speaker_boost is not a voice setting of model eleven-turbo-v2.5']],
		['language_code on eleven-v3', 'speech', { text: 'hi', voice_id: 'v', model: 'eleven-v3', language_code: 'en' }, ['language_code is not accepted by model eleven-v3']],
		['a MiniMax speed out of range', 'speech', { text: 'hi', voice_id: 'v', speed: 3 }, ['speed must be a number from 0.5 to 2']],
		['an ElevenLabs speed out of range', 'speech', { text: 'hi', voice_id: 'v', model: 'eleven-multilingual-v2', speed: 1.5 }, ['speed must be a number from 0.7 to 1.2']],
		['a fractional pitch', 'speech', { text: 'hi', voice_id: 'v', pitch: 1.5 }, ['pitch must be an integer from -12 to 12']],
		['a similarity_boost over 1', 'speech', { text: 'hi', voice_id: 'v', model: 'eleven-v3', similarity_boost: 1.1 }, ['similarity_boost must be a number from 0 to 1']],
		['an unknown emotion', 'speech', { text: 'hi', voice_id: 'v', emotion: 'bored' }, ['emotion must be one of', 'happy']],
		['speech replyRef over 1024 characters', 'speech', { text: 'hi', voice_id: 'v', replyRef: 'r'.repeat(1025) }, ['replyRef is too long']],
		['music without a prompt', 'music', { instrumental: true }, ['prompt is required']],
		['an unknown music model', 'music', { prompt: 'p', model: 'suno' }, ['model for /music/create must be one of', 'music-2.6', 'lyria-3-pro-preview']],
		['a music-2.6 prompt over 2000 characters', 'music', { prompt: 'p'.repeat(2001) }, ['prompt is too long: 2001 characters, the maximum is 2000']],
		['instrumental with lyrics', 'music', { prompt: 'p', instrumental: true, lyrics: 'la la' }, ['lyrics cannot be sent with instrumental true']],
		['lyrics over 3500 characters', 'music', { prompt: 'p', lyrics: 'l'.repeat(3501) }, ['lyrics is too long: 3501 characters, the maximum is 3500']],
		['lyrics on lyria', 'music', { prompt: 'p', model: 'lyria-3-pro-preview', lyrics: 'la' }, ['lyrics are not accepted by model lyria-3-pro-preview', 'music-2.6, music-v1']],
		['image_path_1 off lyria', 'music', { prompt: 'p', image_path_1: 'upload/x.png' }, ['image_path_1 is not accepted by model music-2.6', 'lyria-3-pro-preview']],
		['a non-boolean instrumental', 'music', { prompt: 'p', instrumental: 'yes' }, ['instrumental must be true or false']],
	])('refuses %s with 400 naming the field', async (_label, resource, body, fragments) => {
		const response = await createMedia(sim(), resource, body);
		expect(response.status).toBe(400);
		expect(response.body.code).toBe(400);
		for (const fragment of fragments) expect(response.body.error).toContain(fragment);
	});

	it('takes up to the model limit of reference images, and refuses one more', async () => {
		const images = await Promise.all(Array.from({ length: 4 }, () => uploadImage(sim())));
		const numbered = (count: number) => Object.fromEntries(images.slice(0, count).map((path, index) => [`image_path_${index + 1}`, path]));
		expect((await createMedia(sim(), 'images', { prompt: 'p', ...numbered(3) })).status).toBe(200);
		const tooMany = await createMedia(sim(), 'images', { prompt: 'p', ...numbered(4) });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.error).toContain('model qwen-image takes at most 3 images');
		const kling = await createMedia(sim(), 'images', { prompt: 'p', model: 'kling-o3', ...numbered(2) });
		expect(kling.body.error).toContain('model kling-o3 takes at most 1 images');
	});

	it('takes 14 reference images on nano-banana-2-lite, and refuses a 15th', async () => {
		const images = await Promise.all(Array.from({ length: 15 }, () => uploadImage(sim())));
		const numbered = (count: number) => Object.fromEntries(images.slice(0, count).map((path, index) => [`image_path_${index + 1}`, path]));
		expect((await createMedia(sim(), 'images', { prompt: 'p', model: 'nano-banana-2-lite', ...numbered(14) })).status).toBe(200);
		const tooMany = await createMedia(sim(), 'images', { prompt: 'p', model: 'nano-banana-2-lite', ...numbered(15) });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.error).toContain('takes at most 14 images');
	});

	it('accepts reference images on lyria, and the longest texts each speech model allows', async () => {
		const image = await uploadImage(sim());
		expect((await createMedia(sim(), 'music', { prompt: 'p', model: 'lyria-3-pro-preview', image_path_1: image })).status).toBe(200);
		expect((await createMedia(sim(), 'speech', { text: 'x'.repeat(5000), voice_id: 'v', model: 'eleven-v3' })).status).toBe(200);
		expect((await createMedia(sim(), 'speech', { text: 'x'.repeat(40000), voice_id: 'v', model: 'eleven-turbo-v2.5' })).status).toBe(200);
	});

	it('prices gpt-image-2.0 by detail_level and speech by characters', async () => {
		const low = await createMedia(sim(), 'images', { prompt: 'p', model: 'gpt-image-2.0', detail_level: 'low', create_count: 2 });
		const high = await createMedia(sim(), 'images', { prompt: 'p', model: 'gpt-image-2.0', detail_level: 'high' });
		expect(low.body.cost_credits).toBe(30); // 2 x 30 x 0.5
		expect(high.body.cost_credits).toBe(60);
		expect((await createMedia(sim(), 'speech', { text: 'x'.repeat(51), voice_id: 'v' })).body.cost_credits).toBe(2); // 1 per 50 characters
		expect((await createMedia(sim(), 'speech', { text: 'x'.repeat(101), voice_id: 'v', model: 'speech-2.8-turbo' })).body.cost_credits).toBe(2);
	});

	it('applies the defaults: qwen-image at 720p and 1:1, auto on seedream, speech-2.8-hd, music-2.6', async () => {
		const qwen = await createMedia(sim(), 'images', { prompt: 'p' });
		const seedream = await createMedia(sim(), 'images', { prompt: 'p', model: 'seedream-4.0' });
		const speech = await createMedia(sim(), 'speech', { text: 'hello', voice_id: 'v' });
		const music = await createMedia(sim(), 'music', { prompt: 'jazz' });
		const record = (path: string) => call(sim(), 'GET', path).then((response) => response.body);
		expect(await record(`/v2/pixverse/images/${qwen.body.success_ids[0]}`)).toMatchObject({ model: 'qwen-image', quality: '720p', aspect_ratio: '1:1' });
		expect(await record(`/v2/pixverse/images/${seedream.body.success_ids[0]}`)).toMatchObject({ quality: '1080p', aspect_ratio: 'auto' });
		expect(await record(`/v2/pixverse/speech/${speech.body.audio_id}`)).toMatchObject({ model: 'speech-2.8-hd', provider: 'minimax', voice_id: 'v' });
		expect(await record(`/v2/pixverse/music/${music.body.audio_id}`)).toMatchObject({ model: 'music-2.6', instrumental: false, auto_lyrics: true });
	});
});
