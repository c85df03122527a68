import { call, create, EMAIL, finalRecord, getVideo, useSimulator, waitFor } from './helpers';

describe('simulator: GET /videos/{id}, GET /videos, DELETE /videos/{id}', () => {
	const sim = useSimulator({ renderMs: 1000 });

	it('answers 404 "still processing" until the video is final, then 200 with the record', async () => {
		// A video that renders for a minute is surely still rendering when it is read, however busy the machine.
		sim().configure({ renderMs: 60_000 });
		const rendering = await create(sim(), { prompt: 'a long render' });
		const pending = await getVideo(sim(), rendering.body.video_id);
		expect(pending.status).toBe(404);
		expect(pending.body).toEqual({ error: `Video ${rendering.body.video_id} is still processing, try again later`, code: 404 });

		sim().configure({ renderMs: 1000 });
		const { body } = await create(sim(), { prompt: 'a harbour at dawn', model: 'v5.6', aspect_ratio: '9:16', seed: 42 });

		const record = await finalRecord(sim(), body.video_id);
		expect(record).toMatchObject({
			video_id: body.video_id,
			video_status: 1,
			video_status_name: 'COMPLETED',
			video_status_final: true,
			url: `${sim().url}/media/${body.video_id.split('-video:')[1]}.mp4`,
			first_frame: expect.stringMatching(/\/media\/\d+\.png$/),
			output_width: 540,
			output_height: 960,
			model: 'v5.6',
			prompt: 'a harbour at dawn',
			quality: '540p',
			duration: 5,
			video_duration: 5,
			aspect_ratio: '9:16',
			seed: 42,
			original_video_id: 0,
			upscaled: false,
			extended: false,
			account_id: expect.any(Number),
			created_at: expect.any(String),
		});
	});

	it('answers 200 with QUEUED then GENERATING (not final) in the pendingGet "200" mode', async () => {
		sim().configure({ pendingGet: '200', renderMs: 4000 });
		const { body } = await create(sim(), { prompt: 'p' });
		const queued = await getVideo(sim(), body.video_id);
		expect(queued.status).toBe(200);
		expect(queued.body).toMatchObject({ video_status: 5, video_status_name: 'QUEUED', video_status_final: false, url: '' });
		const generating = await waitFor(async () => {
			const response = await getVideo(sim(), body.video_id);
			return response.body.video_status === 10 ? response.body : undefined;
		});
		expect(generating).toMatchObject({ video_status_name: 'GENERATING', video_status_final: false });
	});

	it('answers 404 for an id it never issued and 400 for something that is no video id', async () => {
		const unknown = await getVideo(sim(), `user:1-pixverse:${EMAIL}-video:999999`);
		expect(unknown.status).toBe(404);
		expect(unknown.body.error).toContain('not found');
		expect((await getVideo(sim(), 'not-an-id')).status).toBe(400);
	});

	it('lists videos newest first, in-progress ones included, with limit and offset', async () => {
		const first = await create(sim(), { prompt: 'first' });
		await finalRecord(sim(), first.body.video_id);
		const second = await create(sim(), { prompt: 'second' });
		const third = await create(sim(), { prompt: 'third' });
		const listed = await call(sim(), 'GET', `/v2/pixverse/videos?email=${EMAIL}`);
		expect(listed.body.data.map((video: { video_id: string }) => video.video_id)).toEqual([
			third.body.video_id,
			second.body.video_id,
			first.body.video_id,
		]);
		expect(listed.body.data[0]).toMatchObject({ video_status: expect.any(Number), video_status_final: false });
		expect(listed.body.data[2]).toMatchObject({ video_status: 1, video_status_final: true });
		const page = await call(sim(), 'GET', '/v2/pixverse/videos?limit=1&offset=1');
		expect(page.body.data.map((video: { prompt: string }) => video.prompt)).toEqual(['second']);
	});

	it('deletes a video, freeing its slot and forgetting it', async () => {
		const { body } = await create(sim(), { prompt: 'p' });
		expect((await call(sim(), 'DELETE', `/v2/pixverse/videos/${body.video_id}`)).status).toBe(204);
		expect((await getVideo(sim(), body.video_id)).status).toBe(404);
		expect((await call(sim(), 'GET', '/v2/pixverse/scheduler')).body).toEqual([]);
	});

	it('keeps off-peak jobs queued much longer', async () => {
		sim().configure({ renderMs: 100, offPeakRenderMs: 60_000 });
		const offPeak = await create(sim(), { prompt: 'p', off_peak_mode: true });
		const normal = await create(sim(), { prompt: 'p' });
		await finalRecord(sim(), normal.body.video_id);
		expect((await getVideo(sim(), offPeak.body.video_id)).status).toBe(404);
	});
});
