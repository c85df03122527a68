import { call, create, EMAIL, useSimulator } from './helpers';

describe('simulator: auth, routing and raw ids', () => {
	const sim = useSimulator({ renderMs: 2000 });

	it.each([
		['no Authorization header', null],
		['an unknown token', 'user:9-wrong'],
	])('answers 401 with %s', async (_label, token) => {
		const response = await call(sim(), 'GET', '/v2/pixverse/accounts', undefined, { token });
		expect(response.status).toBe(401);
		expect(response.body).toEqual({ error: 'Unauthorized', code: 401 });
	});

	it('answers 401 before looking at the route or the id', async () => {
		const response = await call(sim(), 'GET', '/v2/pixverse/videos/user%3A1', undefined, { token: null });
		expect(response.status).toBe(401);
	});

	it('takes ids raw and refuses a percent-encoded one with 400', async () => {
		const { body } = await create(sim(), { prompt: 'a lighthouse' });
		const encoded = encodeURIComponent(body.video_id);
		expect(encoded).toContain('%3A');
		const refused = await call(sim(), 'GET', `/v2/pixverse/videos/${encoded}`);
		expect(refused.status).toBe(400);
		expect(refused.body.code).toBe(400);
		expect(refused.body.error).toContain('without percent-encoding');
		const raw = await call(sim(), 'GET', `/v2/pixverse/videos/${body.video_id}`);
		expect(raw.status).toBe(404); // still processing, but found
		expect(raw.body.error).toContain('still processing');
	});

	it('refuses an encoded email in the accounts path', async () => {
		const response = await call(sim(), 'GET', `/v2/pixverse/accounts/${encodeURIComponent(EMAIL)}`);
		expect(response.status).toBe(400);
	});

	it('answers 404 for an unknown route', async () => {
		const response = await call(sim(), 'GET', '/v2/pixverse/nothing-here');
		expect(response.status).toBe(404);
		expect(response.body.code).toBe(404);
	});

	it('accepts a multipart/form-data generation body', async () => {
		const form = new FormData();
		form.set('prompt', 'a red kite');
		form.set('model', 'v5.6');
		form.set('duration', '8');
		form.set('audio', 'true');
		const response = await fetch(`${sim().url}/v2/pixverse/videos/create`, {
			method: 'POST',
			headers: { Authorization: 'Bearer sim-token' },
			body: form,
		});
		expect(response.status).toBe(200);
		const { video_id: videoId } = (await response.json()) as { video_id: string };
		const entry = sim().log().find((logged) => logged.method === 'POST');
		expect(entry?.body).toEqual({ prompt: 'a red kite', model: 'v5.6', duration: '8', audio: 'true' });
		const state = sim().state() as { jobs: Array<{ video_id: string; model: string; duration: number; audio: boolean }> };
		expect(state.jobs.find((job) => job.video_id === videoId)).toMatchObject({ model: 'v5.6', duration: 8, audio: true });
	});

	it('answers 400 for a body that is not JSON', async () => {
		const response = await call(sim(), 'POST', '/v2/pixverse/videos/create', '{"prompt": ', { contentType: 'application/json' });
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('not valid JSON');
	});

	it('answers the old /videos/create-v4 path like /videos/create', async () => {
		const response = await call(sim(), 'POST', '/v2/pixverse/videos/create-v4', { prompt: 'a tram' });
		expect(response.status).toBe(200);
		expect(response.body.video_id).toMatch(/^user:1-pixverse:demo@example\.com-video:\d+$/);
	});
});
