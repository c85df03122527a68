import { call, finalRecord, uploadImage, useSimulator, waitFor } from './helpers';
import type { Simulator } from '../../../simulator';

const post = (sim: Simulator, endpoint: string, body: Record<string, unknown>) => call(sim, 'POST', `/v2/pixverse/videos/${endpoint}`, body);

async function uploads(sim: Simulator, count: number, contentType = 'image/png'): Promise<string[]> {
	const paths: string[] = [];
	for (let index = 0; index < count; index++) {
		if (contentType === 'image/png') paths.push(await uploadImage(sim));
		else paths.push((await call(sim, 'POST', '/v2/pixverse/files', Buffer.from('media bytes'), { contentType })).body.path);
	}
	return paths;
}

const numbered = (prefix: string, paths: string[]) => Object.fromEntries(paths.map((path, index) => [`${prefix}_${index + 1}_path`, path]));

describe('simulator: POST /videos/create-frames', () => {
	const sim = useSimulator({ renderMs: 60 });

	it('makes a video from a first and a last frame, v5.6 and 540p by default', async () => {
		const [first, last] = await uploads(sim(), 2);
		const response = await post(sim(), 'create-frames', { first_frame_path: first, last_frame_path: last, prompt: 'bloom' });
		expect(response.status).toBe(200);
		const record = await finalRecord(sim(), response.body.video_id);
		expect(record).toMatchObject({ model: 'v5.6', quality: '540p', duration: 5, prompt: 'bloom', customer_paths: { first_frame_path: first, last_frame_path: last } });
	});

	it.each<[string, (paths: string[]) => Record<string, unknown>, string]>([
		['no last frame', ([first]) => ({ first_frame_path: first }), 'last_frame_path is required'],
		['an aspect ratio', ([first, last]) => ({ first_frame_path: first, last_frame_path: last, aspect_ratio: '16:9' }), 'aspect_ratio is not accepted by /videos/create-frames'],
		['multi_shot', ([first, last]) => ({ first_frame_path: first, last_frame_path: last, model: 'v6', multi_shot: true }), 'multi_shot is not accepted'],
		['a model without create-frames', ([first, last]) => ({ first_frame_path: first, last_frame_path: last, model: 'sora-2' }), 'model for /videos/create-frames must be one of'],
		['audio on a model without it', ([first, last]) => ({ first_frame_path: first, last_frame_path: last, model: 'v5', audio: true }), 'audio is not supported by model v5'],
	])('refuses %s with 400', async (_label, body, fragment) => {
		const response = await post(sim(), 'create-frames', body(await uploads(sim(), 2)));
		expect(response.status).toBe(400);
		expect(response.body.error).toContain(fragment);
	});
});

describe('simulator: POST /videos/create-transition', () => {
	const sim = useSimulator({ renderMs: 60 });

	it('goes through up to 7 frames on v5; the video lasts the sum of its segments', async () => {
		const frames = await uploads(sim(), 3);
		const response = await post(sim(), 'create-transition', {
			...numbered('frame', frames),
			prompt_1_to_2: 'day to dusk',
			duration_1_to_2: '3',
			prompt_2_to_3: 'dusk to night',
			duration_2_to_3: 4,
		});
		expect(response.status).toBe(200);
		const record = await finalRecord(sim(), response.body.video_id);
		expect(record).toMatchObject({ model: 'v5', duration: 7, video_duration: 7, customer_paths: numbered('frame', frames) });
	});

	it.each<[string, number, (paths: string[]) => Record<string, unknown>, string]>([
		['a single frame', 1, (paths) => numbered('frame', paths), 'frame_1_path and frame_2_path are required'],
		['3 frames on a 2-frame model', 3, (paths) => ({ ...numbered('frame', paths), model: 'v5.6' }), 'model v5.6 on /videos/create-transition takes at most 2 frames'],
		['8 frames on v5', 8, (paths) => numbered('frame', paths), 'takes at most 7 frames'],
		['a gap in the frames', 2, ([a, b]) => ({ frame_1_path: a, frame_3_path: b }), 'frame_3_path is set but frame_2_path is not'],
		['a segment that does not exist', 2, (paths) => ({ ...numbered('frame', paths), prompt_2_to_3: 'x' }), 'prompt_2_to_3 does not name a segment'],
		['a segment longer than allowed at 1080p', 2, (paths) => ({ ...numbered('frame', paths), quality: '1080p', duration_1_to_2: '10' }), 'duration_1_to_2 10 is not allowed for model v5 at 1080p; allowed seconds: 1-8'],
		['an aspect ratio', 2, (paths) => ({ ...numbered('frame', paths), aspect_ratio: '1:1' }), 'aspect_ratio is not accepted by /videos/create-transition'],
		['a model without transitions', 2, (paths) => ({ ...numbered('frame', paths), model: 'v6' }), 'model for /videos/create-transition must be one of'],
	])('refuses %s with 400', async (_label, count, body, fragment) => {
		const response = await post(sim(), 'create-transition', body(await uploads(sim(), count)));
		expect(response.status).toBe(400);
		expect(response.body.error).toContain(fragment);
	});
});

describe('simulator: POST /videos/create-fusion', () => {
	const sim = useSimulator({ renderMs: 60 });

	it('fuses reference images on pixverse-c1 by default, 16:9 unless asked', async () => {
		const images = await uploads(sim(), 2);
		const response = await post(sim(), 'create-fusion', { ...numbered('frame', images), prompt: '@image1 meets @image2', aspect_ratio: '3:2' });
		expect(response.status).toBe(200);
		const record = await finalRecord(sim(), response.body.video_id);
		expect(record).toMatchObject({ model: 'pixverse-c1', aspect_ratio: '3:2', quality: '720p', customer_paths: numbered('frame', images) });
	});

	it('takes reference videos and audios on Seedance', async () => {
		const [image] = await uploads(sim(), 1);
		const videos = await uploads(sim(), 2, 'video/mp4');
		const [audio] = await uploads(sim(), 1, 'audio/mpeg');
		const response = await post(sim(), 'create-fusion', { model: 'seedance-2.0', prompt: '@image1 dances like @video1', frame_1_path: image, ...numbered('video', videos), audio_1_path: audio });
		expect(response.status).toBe(200);
	});

	it.each<[string, (image: string[], video: string) => Record<string, unknown>, string]>([
		['no prompt', ([a]) => ({ frame_1_path: a }), 'prompt is required'],
		['no reference image', () => ({ prompt: 'p' }), 'frame_1_path is required'],
		['4 images on v5', (images) => ({ ...numbered('frame', images), prompt: 'p', model: 'v5' }), 'model v5 on /videos/create-fusion takes at most 3 frames'],
		['a reference video on pixverse-c1', ([a], video) => ({ frame_1_path: a, video_1_path: video, prompt: 'p' }), 'video_1_path is not accepted by model pixverse-c1 on /videos/create-fusion (reference videos: seedance-2.0'],
		['an image path as a video', ([a, b]) => ({ frame_1_path: a, video_1_path: b, prompt: 'p', model: 'seedance-2.0' }), 'video_1_path must be an uploaded video'],
		['the audio switch', ([a]) => ({ frame_1_path: a, prompt: 'p', audio: true }), 'audio is not accepted by /videos/create-fusion'],
		['a model without fusion', ([a]) => ({ frame_1_path: a, prompt: 'p', model: 'v6' }), 'model for /videos/create-fusion must be one of'],
	])('refuses %s with 400', async (_label, body, fragment) => {
		const images = await uploads(sim(), 4);
		const [video] = await uploads(sim(), 1, 'video/mp4');
		const response = await post(sim(), 'create-fusion', body(images, video));
		expect(response.status).toBe(400);
		expect(response.body.error).toContain(fragment);
	});
});

describe('simulator: image effect templates and GET /images/{image_id}', () => {
	const sim = useSimulator({ renderMs: 60 });

	it('answers a template_type 2 effect with image_id; GET /images shows its status, then the still', async () => {
		const [photo] = await uploads(sim(), 1);
		// A still that renders for a minute is surely still rendering when it is read, however busy the machine.
		sim().configure({ renderMs: 60_000 });
		const rendering = await call(sim(), 'POST', '/v2/pixverse/videos/create', { template_id: 315007, first_frame_path: photo });
		const pending = await call(sim(), 'GET', `/v2/pixverse/images/${String(rendering.body.image_id)}`);
		expect(pending.status).toBe(200);
		expect(pending.body).toMatchObject({ image_id: rendering.body.image_id, image_status_final: false, image_url: '' });

		sim().configure({ renderMs: 60 });
		const response = await call(sim(), 'POST', '/v2/pixverse/videos/create', { template_id: 315007, first_frame_path: photo });
		expect(response.status).toBe(200);
		expect(response.body.video_id).toBeUndefined();
		const imageId = response.body.image_id as string;
		expect(imageId).toMatch(/^user:1-pixverse:demo@example\.com-image:\d+$/);
		const done = await waitFor(async () => {
			const record = (await call(sim(), 'GET', `/v2/pixverse/images/${imageId}`)).body;
			return record.image_status_final ? record : undefined;
		});
		expect(done).toMatchObject({ image_status: 1, image_status_name: 'COMPLETED', template_id: 315007, model: 'image_v6', quality: '720p' });
		const still = await fetch(done.image_url);
		expect(still.headers.get('content-type')).toBe('image/png');

		expect((await call(sim(), 'GET', `/v2/pixverse/videos/${imageId}`)).status).toBe(400);
		const videos = await call(sim(), 'GET', '/v2/pixverse/videos');
		expect(videos.body.data).toHaveLength(0);
	});

	it('answers 404 for an unknown image and 400 for something that is not an image id', async () => {
		expect((await call(sim(), 'GET', '/v2/pixverse/images/user:1-pixverse:demo@example.com-image:999999')).status).toBe(404);
		expect((await call(sim(), 'GET', '/v2/pixverse/images/user:1-pixverse:demo@example.com-video:1')).status).toBe(400);
	});

	it('checks the number of images against the effect type', async () => {
		const [photo] = await uploads(sim(), 1);
		const family = await call(sim(), 'POST', '/v2/pixverse/videos/create', { template_id: 315006, frame_1_path: photo });
		expect(family.status).toBe(400);
		expect(family.body.error).toContain('takes 2 to 5 input image(s), got 1');
	});
});
