import { call, create, EMAIL, TOKEN, useSimulator } from './helpers';

describe('simulator: request log and the /__sim/ control API', () => {
	const sim = useSimulator({ renderMs: 50 });

	it('logs every API request without the token', async () => {
		await create(sim(), { prompt: 'logged', replyRef: 'r1' });
		await call(sim(), 'GET', '/v2/pixverse/accounts', undefined, { token: 'wrong' });
		const log = (await call(sim(), 'GET', '/__sim/log', undefined, { token: null })).body;
		expect(log).toEqual([
			expect.objectContaining({
				seq: 1,
				method: 'POST',
				path: '/v2/pixverse/videos/create',
				contentType: 'application/json',
				bodyBytes: Buffer.byteLength(JSON.stringify({ prompt: 'logged', replyRef: 'r1' })),
				body: { prompt: 'logged', replyRef: 'r1' },
				status: 200,
				authorized: true,
			}),
			expect.objectContaining({ seq: 2, method: 'GET', path: '/v2/pixverse/accounts', status: 401, authorized: false }),
		]);
		expect(JSON.stringify(log)).not.toContain(TOKEN);
		expect((await call(sim(), 'DELETE', '/__sim/log', undefined, { token: null })).status).toBe(204);
		expect(sim().log()).toEqual([]);
	});

	it('patches options with /__sim/config and exposes state with /__sim/state', async () => {
		const config = await call(sim(), 'POST', '/__sim/config', { pendingGet: '200', renderMs: 3000, webhook: { progress: true } }, { token: null });
		expect(config.body).toMatchObject({ pendingGet: '200', renderMs: 3000, webhook: { progress: true, duplicates: 0 } });
		const { body } = await create(sim(), { prompt: 'p', duration: 3 });
		expect((await call(sim(), 'GET', `/v2/pixverse/videos/${body.video_id}`)).status).toBe(200);
		const state = (await call(sim(), 'GET', '/__sim/state', undefined, { token: null })).body;
		expect(state.accounts).toEqual([{ email: EMAIL, maxJobs: 8, credits: 100000 - 21, executing: 1 }]);
		expect(state.jobs[0]).toMatchObject({ video_id: body.video_id, tracked: true, cost: 21 });
	});

	it('resets to a fresh start, optionally with new options', async () => {
		await create(sim(), { prompt: 'p' });
		const reset = await call(sim(), 'POST', '/__sim/reset', { accounts: [{ email: 'new@example.com', maxJobs: 1, credits: 5 }] }, { token: null });
		expect(reset.body.jobs).toEqual([]);
		expect(reset.body.accounts).toEqual([{ email: 'new@example.com', maxJobs: 1, credits: 5, executing: 0 }]);
		expect((await call(sim(), 'GET', '/__sim/log', undefined, { token: null })).body).toEqual([]);
		expect((await create(sim(), { prompt: 'p' })).status).toBe(412);
	});
});
