import type { Simulator } from '../../../simulator';
import { call, create, createMedia, EMAIL, finalMedia, receiverFactory, useSimulator, waitFor } from './helpers';

const receiver = receiverFactory();

const get = (sim: Simulator, path: string) => call(sim, 'GET', `/v2/pixverse/${path}`);
const scheduler = (sim: Simulator) => get(sim, 'scheduler').then((response) => response.body as Array<{ id: string; type: string }>);
const credits = (sim: Simulator) => get(sim, 'features').then((response) => response.body.credit_package as number);

describe('simulator: image, speech and music jobs share the account slots', () => {
	const sim = useSimulator({ renderMs: 1500, accounts: [{ email: EMAIL, maxJobs: 2, credits: 10000 }] });

	it('an image job taking the last slot makes a video create, and every other create, answer 429', async () => {
		const video = await create(sim(), { prompt: 'one' });
		expect(video.status).toBe(200);
		const image = await createMedia(sim(), 'images', { prompt: 'two' });
		expect(image.status).toBe(200);
		const refused = await create(sim(), { prompt: 'three' });
		expect(refused.status).toBe(429);
		expect(refused.body.error).toMatch(/^All configured PixVerse accounts are at maximum capacity/);
		expect((await createMedia(sim(), 'speech', { text: 'hi', voice_id: 'v' })).status).toBe(429);
		expect((await createMedia(sim(), 'music', { prompt: 'jazz' })).status).toBe(429);
		expect((await createMedia(sim(), 'images', { prompt: 'four' })).status).toBe(429);
		expect(await scheduler(sim())).toMatchObject([
			{ id: video.body.video_id, type: 'video' },
			{ id: image.body.success_ids[0], type: 'image' },
		]);
		await waitFor(async () => (await scheduler(sim())).length === 0);
		expect((await createMedia(sim(), 'music', { prompt: 'jazz' })).status).toBe(200);
	});

	it('lists speech and music in GET /scheduler with their types, and a video waits for them', async () => {
		const speech = await createMedia(sim(), 'speech', { text: 'hi', voice_id: 'v', replyRef: 'row-1' });
		const music = await createMedia(sim(), 'music', { prompt: 'jazz' });
		expect(await scheduler(sim())).toMatchObject([
			{ id: speech.body.audio_id, type: 'speech', replyRef: 'row-1' },
			{ id: music.body.audio_id, type: 'music' },
		]);
		expect((await get(sim(), 'scheduler/available')).body.available).toEqual([{ email: EMAIL, maxJobs: 2, executing: 2, available: 0 }]);
		expect((await create(sim(), { prompt: 'p' })).status).toBe(429);
	});

	it('starts create_count images in one slot, with one id each, charged per image', async () => {
		const before = await credits(sim());
		const images = await createMedia(sim(), 'images', { prompt: 'p', create_count: 3 });
		expect(images.status).toBe(200);
		expect(images.body.success_ids).toHaveLength(3);
		expect(new Set(images.body.success_ids).size).toBe(3);
		for (const id of images.body.success_ids) expect(id).toMatch(/^user:\d+-pixverse:demo@example\.com-image:\d+$/);
		expect(images.body.cost_credits).toBe(15); // qwen-image 720p: 5 per image
		expect(await credits(sim())).toBe(before - 15);
		expect(await scheduler(sim())).toMatchObject([{ id: images.body.success_ids[0], type: 'image' }]);
		expect((await create(sim(), { prompt: 'second slot' })).status).toBe(200);
		expect((await create(sim(), { prompt: 'no slot left' })).status).toBe(429);
	});

	it('frees the slot of all the images of a request on DELETE /scheduler/{id}', async () => {
		const images = await createMedia(sim(), 'images', { prompt: 'p', create_count: 2 });
		await create(sim(), { prompt: 'p' });
		expect((await call(sim(), 'DELETE', `/v2/pixverse/scheduler/${images.body.success_ids[0]}`)).status).toBe(204);
		expect((await scheduler(sim())).map((job) => job.type)).toEqual(['video']);
		expect((await createMedia(sim(), 'speech', { text: 'hi', voice_id: 'v' })).status).toBe(200);
	});

	it('answers 200 with the current status while an image or audio renders', async () => {
		const image = await createMedia(sim(), 'images', { prompt: 'p' });
		const speech = await createMedia(sim(), 'speech', { text: 'hi', voice_id: 'v' });
		const imageNow = await get(sim(), `images/${image.body.success_ids[0]}`);
		expect(imageNow.status).toBe(200);
		expect(imageNow.body).toMatchObject({ image_status_final: false, image_url: '' });
		expect(['QUEUED', 'GENERATING']).toContain(imageNow.body.image_status_name);
		const speechNow = await get(sim(), `speech/${speech.body.audio_id}`);
		expect(speechNow.status).toBe(200);
		expect(speechNow.body).toMatchObject({ audio_status_final: false, url: '' });
		expect(['QUEUED', 'GENERATING']).toContain(speechNow.body.audio_status_name);
	});
});

describe('simulator: image, speech and music credits (412), moderation (422) and outcomes', () => {
	const sim = useSimulator({ renderMs: 60, accounts: [{ email: EMAIL, maxJobs: 8, credits: 100 }] });

	it.each<[string, 'images' | 'speech' | 'music', Record<string, unknown>]>([
		['music-v1 (150 credits)', 'music', { prompt: 'p', model: 'music-v1' }],
		['four nano-banana-pro images at 2160p (4 x 90)', 'images', { prompt: 'p', model: 'nano-banana-pro', quality: '2160p', create_count: 4 }],
		['speech over the balance (10000 characters, 200 credits)', 'speech', { text: 'x'.repeat(10000), voice_id: 'v' }],
	])('answers 412 for %s, charging nothing', async (_label, resource, body) => {
		const response = await createMedia(sim(), resource, body);
		expect(response.status).toBe(412);
		expect(response.body).toEqual({ error: 'All Credits have been used up. Please upgrade your membership or purchase credits.', code: 412 });
		expect(await credits(sim())).toBe(100);
		expect(await scheduler(sim())).toEqual([]);
	});

	it.each<[string, 'images' | 'speech' | 'music', Record<string, unknown>]>([
		['an image prompt', 'images', { prompt: 'a [reject] cat' }],
		['speech text', 'speech', { text: 'say [reject]', voice_id: 'v' }],
		['music lyrics', 'music', { prompt: 'pop', lyrics: 'la [REJECT] la' }],
	])('answers 422 for the reject marker in %s, charging nothing', async (_label, resource, body) => {
		const response = await createMedia(sim(), resource, body);
		expect(response.status).toBe(422);
		expect(response.body).toEqual({ error: 'Moderated prompt', code: 422 });
		expect(await credits(sim())).toBe(100);
	});

	it('ends a [moderate] image MODERATED and a [fail] one FAILED, giving the credits back', async () => {
		const moderated = await createMedia(sim(), 'images', { prompt: '[moderate]', create_count: 2 });
		const failed = await createMedia(sim(), 'images', { prompt: '[fail]' });
		for (const id of moderated.body.success_ids) {
			expect(await finalMedia(sim(), 'images', id)).toMatchObject({ image_status: 7, image_status_name: 'MODERATED', image_url: '' });
		}
		expect(await finalMedia(sim(), 'images', failed.body.success_ids[0])).toMatchObject({ image_status: 8, image_status_name: 'FAILED', fail_reason: 'Generation failed' });
		expect(await credits(sim())).toBe(100);
	});

	it('ends a [fail] speech and a [moderate] track FAILED with a reason, giving the credits back', async () => {
		const speech = await createMedia(sim(), 'speech', { text: '[fail]', voice_id: 'v' });
		const music = await createMedia(sim(), 'music', { prompt: '[moderate]' });
		expect(await finalMedia(sim(), 'speech', speech.body.audio_id)).toMatchObject({ audio_status: 8, audio_status_name: 'FAILED', fail_code: 500, url: '' });
		expect(await finalMedia(sim(), 'music', music.body.audio_id)).toMatchObject({ audio_status: 8, audio_status_name: 'FAILED', fail_code: 'music_generation_failed' });
		expect(await credits(sim())).toBe(100);
	});

	it('honours faults on the new endpoints: a 503 before creates nothing, a lost answer after still charges', async () => {
		sim().addFault({ kind: 'status', status: 503, method: 'POST', path: '/speech/create' });
		expect((await createMedia(sim(), 'speech', { text: 'hi', voice_id: 'v' })).status).toBe(503);
		expect(await scheduler(sim())).toEqual([]);
		sim().addFault({ kind: 'reset', method: 'POST', path: '/images/create', phase: 'after' });
		await expect(createMedia(sim(), 'images', { prompt: 'p' })).rejects.toThrow();
		expect(await credits(sim())).toBe(95);
		expect((sim().state() as { jobs: Array<{ image_id?: string }> }).jobs[0].image_id).toMatch(/-image:\d+$/);
	});
});

describe('simulator: image, speech and music webhooks', () => {
	const sim = useSimulator({ renderMs: 80 });

	it('POSTs each image of a request, a speech and a track to replyUrl with replyRef at the final state', async () => {
		const hook = await receiver();
		const images = await createMedia(sim(), 'images', { prompt: 'p', create_count: 2, replyUrl: hook.url, replyRef: 'img-row' });
		const speech = await createMedia(sim(), 'speech', { text: 'hello', voice_id: 'v', replyUrl: hook.url, replyRef: 'tts-row' });
		const music = await createMedia(sim(), 'music', { prompt: 'jazz', replyUrl: hook.url, replyRef: 'song-row' });
		await waitFor(() => hook.received.length === 4 && sim().callbacks().length === 4);
		const bodies = hook.received.map((delivery) => delivery.body);
		for (const id of images.body.success_ids) {
			expect(bodies).toContainEqual(expect.objectContaining({ image_id: id, image_status_name: 'COMPLETED', image_status_final: true, replyRef: 'img-row', image_url: expect.stringMatching(/\.png$/) }));
		}
		expect(bodies).toContainEqual(expect.objectContaining({ audio_id: speech.body.audio_id, audio_status_final: true, replyRef: 'tts-row', url: expect.stringMatching(/\.wav$/) }));
		expect(bodies).toContainEqual(expect.objectContaining({ audio_id: music.body.audio_id, audio_status_name: 'COMPLETED', replyRef: 'song-row' }));
		expect(sim().callbacks().map((record) => [record.videoId, record.videoStatusName, record.final, record.status]).sort()).toEqual(
			[...images.body.success_ids, speech.body.audio_id, music.body.audio_id].map((id) => [id, 'COMPLETED', true, 200]).sort(),
		);
	});

	it('sends progress records of audio jobs too when asked, named as the audio status map names them', async () => {
		sim().configure({ webhook: { progress: true } });
		const hook = await receiver();
		const speech = await createMedia(sim(), 'speech', { text: 'hello', voice_id: 'v', replyUrl: hook.url });
		const records = await waitFor(() => {
			const mine = sim().callbacks().filter((record) => record.videoId === speech.body.audio_id);
			return mine.some((record) => record.final) ? mine : undefined;
		});
		expect(records.map((record) => record.videoStatusName)).toEqual(expect.arrayContaining(['QUEUED', 'GENERATING', 'COMPLETED']));
		expect(hook.received.map((delivery) => delivery.body.audio_status_final)).toContain(false);
	});
});

describe('simulator: GET /images, /speech, /music lists, GET by id and DELETE /images/{id}', () => {
	const sim = useSimulator({ renderMs: 40 });

	it('pages speech newest first as {data, next_offset, has_more}, without music or videos', async () => {
		const ids: string[] = [];
		for (let index = 0; index < 5; index++) ids.push((await createMedia(sim(), 'speech', { text: `line ${index}`, voice_id: 'v' })).body.audio_id);
		await createMedia(sim(), 'music', { prompt: 'jazz' });
		await create(sim(), { prompt: 'video' });
		const first = await get(sim(), 'speech?limit=2');
		expect(first.body).toEqual({ data: [expect.objectContaining({ audio_id: ids[4] }), expect.objectContaining({ audio_id: ids[3] })], next_offset: 2, has_more: true });
		const last = await get(sim(), 'speech?limit=2&offset=4');
		expect(last.body).toEqual({ data: [expect.objectContaining({ audio_id: ids[0], create_mode: 'voice' })], next_offset: 6, has_more: false });
		expect((await get(sim(), 'speech')).body.data).toHaveLength(5);
	});

	it('pages music the same way, speech included as useapi does, and images as {data, next_offset, total, has_more}', async () => {
		const track = (await createMedia(sim(), 'music', { prompt: 'a' })).body.audio_id;
		const images = await createMedia(sim(), 'images', { prompt: 'p', create_count: 3 });
		const speech = (await createMedia(sim(), 'speech', { text: 'also listed', voice_id: 'v' })).body.audio_id;
		expect((await get(sim(), 'music?limit=1')).body).toEqual({ data: [expect.objectContaining({ audio_id: speech, create_mode: 'voice' })], next_offset: 1, has_more: true });
		expect((await get(sim(), 'music?offset=1')).body).toEqual({ data: [expect.objectContaining({ audio_id: track, create_mode: 'music' })], next_offset: 51, has_more: false });
		const page = await get(sim(), 'images?limit=2&offset=1');
		expect(page.body).toEqual({
			data: [expect.objectContaining({ image_id: images.body.success_ids[1] }), expect.objectContaining({ image_id: images.body.success_ids[0] })],
			next_offset: 3,
			total: 3,
			has_more: false,
		});
		expect((await get(sim(), 'images?limit=2')).body).toMatchObject({ next_offset: 2, total: 3, has_more: true });
		expect((await get(sim(), 'videos')).body.data).toEqual([]);
		expect((await get(sim(), 'images?limit=0')).status).toBe(400);
	});

	it('needs ?email= on the lists once several accounts are configured', async () => {
		sim().configure({ accounts: [{ email: EMAIL, maxJobs: 8, credits: 1000 }, { email: 'b@example.com', maxJobs: 8, credits: 1000 }] });
		for (const path of ['images', 'speech', 'music']) {
			const response = await get(sim(), path);
			expect(response.status).toBe(400);
			expect(response.body.error).toContain('email is required');
			expect((await get(sim(), `${path}?email=b@example.com`)).body.data).toEqual([]);
		}
	});

	it('answers 404 for unknown ids and 400 for ids of another kind', async () => {
		expect((await get(sim(), 'images/user:1-pixverse:demo@example.com-image:99999')).body).toEqual({ error: 'The original image has been deleted', code: 404 });
		const speech = await get(sim(), 'speech/user:1-pixverse:demo@example.com-speech:99999');
		expect(speech.status).toBe(404);
		expect(speech.body.error).toBe('Speech user:1-pixverse:demo@example.com-speech:99999 not found');
		expect((await get(sim(), 'music/user:1-pixverse:demo@example.com-music:99999')).status).toBe(404);
		const wrongKind = await get(sim(), 'music/user:1-pixverse:demo@example.com-speech:1');
		expect(wrongKind.status).toBe(400);
		expect(wrongKind.body.error).toContain('Invalid audio_id');
	});

	it('deletes an image: 200, then 404 and gone from the list', async () => {
		const { body } = await createMedia(sim(), 'images', { prompt: 'p' });
		const id = body.success_ids[0];
		await finalMedia(sim(), 'images', id);
		const deleted = await call(sim(), 'DELETE', `/v2/pixverse/images/${id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body).toEqual({ image_id: id, deleted: true });
		expect((await get(sim(), `images/${id}`)).status).toBe(404);
		expect((await get(sim(), 'images')).body.total).toBe(0);
		expect((await call(sim(), 'DELETE', `/v2/pixverse/images/${id}`)).status).toBe(404);
	});
});
