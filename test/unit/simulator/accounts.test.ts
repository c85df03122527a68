import { call, create, EMAIL, useSimulator } from './helpers';

const SECOND = 'second@example.com';

describe('simulator: accounts and email routing', () => {
	const sim = useSimulator();

	it('lists accounts keyed by email with the jwt block and no secrets', async () => {
		const response = await call(sim(), 'GET', '/v2/pixverse/accounts');
		expect(response.status).toBe(200);
		expect(Object.keys(response.body)).toEqual([EMAIL]);
		const account = response.body[EMAIL];
		expect(account).toMatchObject({ email: EMAIL, maxJobs: 8, password: '…secured…' });
		expect(account.jwt).toMatchObject({ AccountId: expect.any(Number), ExpireTimeUTC: expect.any(String), token: '…secured…' });
		const single = await call(sim(), 'GET', `/v2/pixverse/accounts/${EMAIL}`);
		expect(single.body).toEqual(account);
	});

	it('adds an account with 201 and validates maxJobs 1-8', async () => {
		const path = `/v2/pixverse/accounts/${SECOND}`;
		for (const maxJobs of [undefined, 0, 9, 2.5]) {
			const response = await call(sim(), 'POST', path, { email: SECOND, password: 'pw', maxJobs });
			expect(response.status).toBe(400);
			expect(response.body.error).toContain('maxJobs');
		}
		const mismatch = await call(sim(), 'POST', path, { email: 'other@example.com', password: 'pw', maxJobs: 3 });
		expect(mismatch.status).toBe(400);
		expect(mismatch.body.error).toContain('must match the email in the path');

		const created = await call(sim(), 'POST', path, { email: SECOND, password: 'pw', maxJobs: 3 });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ email: SECOND, maxJobs: 3, jwt: { Username: 'second' } });
		const listed = await call(sim(), 'GET', '/v2/pixverse/accounts');
		expect(Object.keys(listed.body)).toEqual([EMAIL, SECOND]);
	});

	it('deletes accounts and answers 404 Configuration not found when none is left', async () => {
		expect((await call(sim(), 'DELETE', `/v2/pixverse/accounts/${EMAIL}`)).status).toBe(204);
		expect((await call(sim(), 'DELETE', `/v2/pixverse/accounts/${EMAIL}`)).status).toBe(404);
		const listed = await call(sim(), 'GET', '/v2/pixverse/accounts');
		expect(listed.status).toBe(404);
		expect(listed.body).toEqual({ error: 'Configuration not found', code: 404 });
		expect((await create(sim(), { prompt: 'anything' })).status).toBe(404);
	});

	describe('with two accounts', () => {
		beforeEach(() =>
			sim().reset({
				renderMs: 200,
				accounts: [
					{ email: EMAIL, maxJobs: 1, credits: 1000 },
					{ email: SECOND, maxJobs: 2, credits: 1000 },
				],
			}),
		);

		it.each(['/v2/pixverse/videos', '/v2/pixverse/features', '/v2/pixverse/videos/effects'])(
			'%s needs ?email= (400 without it)',
			async (path) => {
				const missing = await call(sim(), 'GET', path);
				expect(missing.status).toBe(400);
				expect(missing.body.error).toContain('email is required');
				expect((await call(sim(), 'GET', `${path}?email=${SECOND}`)).status).toBe(200);
			},
		);

		it('puts a job without email on the account with the most free slots, and honours email', async () => {
			const first = await create(sim(), { prompt: 'one' });
			expect(first.body.video_id).toContain(`-pixverse:${SECOND}-video:`);
			const second = await create(sim(), { prompt: 'two' });
			expect(second.body.video_id).toContain(`-pixverse:${EMAIL}-video:`);
			const named = await create(sim(), { prompt: 'three', email: SECOND });
			expect(named.body.video_id).toContain(`-pixverse:${SECOND}-video:`);
		});

		it('refuses an email that is not configured', async () => {
			const response = await create(sim(), { prompt: 'x', email: 'stranger@example.com' });
			expect(response.status).toBe(400);
			expect(response.body.error).toContain('stranger@example.com');
		});
	});
});
