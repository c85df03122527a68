import { call, create, EMAIL, useSimulator, waitFor } from './helpers';

describe('simulator: maxJobs slots, 429 and the scheduler', () => {
	const sim = useSimulator({ renderMs: 1500, accounts: [{ email: EMAIL, maxJobs: 2, credits: 10000 }] });

	it('answers 429 once every slot is taken and frees slots at the final state', async () => {
		expect((await create(sim(), { prompt: 'one' })).status).toBe(200);
		expect((await create(sim(), { prompt: 'two' })).status).toBe(200);
		const full = await create(sim(), { prompt: 'three' });
		expect(full.status).toBe(429);
		expect(full.body.code).toBe(429);
		expect(full.body.error).toMatch(/^All configured PixVerse accounts are at maximum capacity/);

		await waitFor(async () => (await call(sim(), 'GET', '/v2/pixverse/scheduler')).body.length === 0);
		expect((await create(sim(), { prompt: 'four' })).status).toBe(200);
	});

	it('does not charge a refused job', async () => {
		await create(sim(), { prompt: 'one' });
		await create(sim(), { prompt: 'two' });
		const before = (await call(sim(), 'GET', '/v2/pixverse/features')).body.credit_package;
		expect((await create(sim(), { prompt: 'three' })).status).toBe(429);
		expect((await call(sim(), 'GET', '/v2/pixverse/features')).body.credit_package).toBe(before);
	});

	it('lists running jobs in GET /scheduler and counts them in /scheduler/available', async () => {
		const { body } = await create(sim(), { prompt: 'one', replyRef: 'row-1', replyUrl: 'http://127.0.0.1:9/hook' });
		const scheduler = await call(sim(), 'GET', '/v2/pixverse/scheduler');
		expect(scheduler.body).toEqual([
			{
				id: body.video_id,
				type: 'video',
				started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				elapsed: expect.stringMatching(/^\d\d:\d\d$/),
				replyUrl: 'http://127.0.0.1:9/hook',
				replyRef: 'row-1',
			},
		]);
		const available = await call(sim(), 'GET', '/v2/pixverse/scheduler/available');
		expect(available.body).toEqual({
			executing: scheduler.body,
			available: [{ email: EMAIL, maxJobs: 2, executing: 1, available: 1 }],
		});
	});

	it('frees a slot on DELETE /scheduler/{id} while the video still renders', async () => {
		const first = await create(sim(), { prompt: 'one' });
		await create(sim(), { prompt: 'two' });
		expect((await create(sim(), { prompt: 'three' })).status).toBe(429);
		expect((await call(sim(), 'DELETE', `/v2/pixverse/scheduler/${first.body.video_id}`)).status).toBe(204);
		expect((await create(sim(), { prompt: 'three' })).status).toBe(200);
		const again = await call(sim(), 'DELETE', `/v2/pixverse/scheduler/${first.body.video_id}`);
		expect(again.status).toBe(404);
		expect(again.body.error).toBe(`Unable to locate running ${first.body.video_id}`);
		await waitFor(async () => (await call(sim(), 'GET', `/v2/pixverse/videos/${first.body.video_id}`)).status === 200);
	});

	it('uses a request maxJobs instead of the account limit', async () => {
		expect((await create(sim(), { prompt: 'one', maxJobs: 1 })).status).toBe(200);
		expect((await create(sim(), { prompt: 'two', maxJobs: 1 })).status).toBe(429);
		expect((await create(sim(), { prompt: 'two', maxJobs: 3 })).status).toBe(200);
		expect((await create(sim(), { prompt: 'three', maxJobs: 3 })).status).toBe(200);
		expect((await create(sim(), { prompt: 'four', maxJobs: 3 })).status).toBe(429);
	});
});
