import { call, create, finalRecord, useSimulator } from './helpers';

describe('simulator: fault injection', () => {
	const sim = useSimulator({ renderMs: 50 });

	it('answers an injected status with Retry-After, then recovers', async () => {
		sim().addFault({ kind: 'status', status: 503, retryAfter: 7, path: '/accounts' });
		const faulted = await call(sim(), 'GET', '/v2/pixverse/accounts');
		expect(faulted.status).toBe(503);
		expect(faulted.headers.get('retry-after')).toBe('7');
		expect(faulted.body).toEqual({ error: 'Simulated fault', code: 503 });
		expect((await call(sim(), 'GET', '/v2/pixverse/accounts')).status).toBe(200);
		expect(sim().log().map((entry) => entry.fault)).toEqual(['status', undefined]);
	});

	it('matches by method and by /regex/, and counts times', async () => {
		sim().addFault({ kind: 'status', status: 500, method: 'POST', path: '/videos\\/create$/', times: 2 });
		expect((await call(sim(), 'GET', '/v2/pixverse/accounts')).status).toBe(200);
		expect((await create(sim(), { prompt: 'p' })).status).toBe(500);
		expect((await create(sim(), { prompt: 'p' })).status).toBe(500);
		expect((await create(sim(), { prompt: 'p' })).status).toBe(200);
	});

	it('drops the connection without an answer on reset', async () => {
		sim().addFault({ kind: 'reset' });
		await expect(call(sim(), 'GET', '/v2/pixverse/accounts')).rejects.toThrow();
		expect(sim().log()[0]).toMatchObject({ fault: 'reset', status: undefined });
	});

	it('answers invalid JSON with 200 on malformed', async () => {
		sim().addFault({ kind: 'malformed' });
		const response = await fetch(`${sim().url}/v2/pixverse/videos/create`, {
			method: 'POST',
			headers: { Authorization: 'Bearer sim-token', 'Content-Type': 'application/json' },
			body: '{"prompt":"p"}',
		});
		expect(response.status).toBe(200);
		await expect(response.json()).rejects.toThrow();
		expect((sim().state() as { jobs: unknown[] }).jobs).toHaveLength(0);
	});

	it('delays the answer on slow', async () => {
		sim().addFault({ kind: 'slow', delayMs: 300 });
		// A timer of the same length started before the request: Node fires timers of one length in the
		// order they were set, so the answer cannot come before it fires unless the simulator did not wait.
		let timerFired = false;
		const timer = setTimeout(() => (timerFired = true), 300);
		const answer = call(sim(), 'GET', '/v2/pixverse/accounts').then((response) => ({ response, timerFired }));
		const { response, timerFired: firedBeforeAnswer } = await answer;
		clearTimeout(timer);
		expect(response.status).toBe(200);
		expect(firedBeforeAnswer).toBe(true);
		expect(sim().log().map((entry) => entry.fault)).toEqual(['slow']);
	});

	it('handles the request and then loses the answer with phase "after"', async () => {
		sim().addFault({ kind: 'reset', path: '/videos/create', phase: 'after' });
		await expect(create(sim(), { prompt: 'accepted but unanswered' })).rejects.toThrow();
		const jobs = (sim().state() as { jobs: Array<{ prompt: string }> }).jobs;
		expect(jobs.map((job) => job.prompt)).toEqual(['accepted but unanswered']);
	});

	it('breaks a media download off after afterBytes on truncate', async () => {
		const { body } = await create(sim(), { prompt: 'p' });
		const record = await finalRecord(sim(), body.video_id);
		sim().addFault({ kind: 'truncate', path: '/media/', afterBytes: 100000 });
		const response = await fetch(record.url);
		expect(response.headers.get('content-length')).toBe('262144');
		let received = 0;
		await expect(
			(async () => {
				for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
			})(),
		).rejects.toThrow();
		expect(received).toBe(100000);
	});

	it('is driven over HTTP through /__sim/faults', async () => {
		const added = await call(sim(), 'POST', '/__sim/faults', { faults: [{ kind: 'status', status: 502 }, { kind: 'status', status: 504 }] }, { token: null });
		expect(added.body).toHaveLength(2);
		const refused = await call(sim(), 'POST', '/__sim/faults', { kind: 'explode' }, { token: null });
		expect(refused.status).toBe(400);
		expect((await call(sim(), 'GET', '/v2/pixverse/accounts')).status).toBe(502);
		expect((await call(sim(), 'DELETE', '/__sim/faults', undefined, { token: null })).status).toBe(204);
		expect((await call(sim(), 'GET', '/v2/pixverse/accounts')).status).toBe(200);
	});
});
