import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { simulatorSession } from '../simulatorSession';

const TWO_ACCOUNTS = [
	{ email: 'first@example.com', maxJobs: 3, credits: 1200 },
	{ email: 'second@example.com', maxJobs: 5, credits: 800 },
];

describe('Account operations against the simulator', () => {
	const session = simulatorSession({ accounts: TWO_ACCOUNTS });

	it('lists one item per account, without password or session token', async () => {
		const run = await session.run({ resource: 'account', operation: 'list' });
		expect(run.error).toBeUndefined();
		const accounts = run.output![0].map((item) => item.json);
		expect(accounts.map((account) => [account.email, account.maxJobs])).toEqual([['first@example.com', 3], ['second@example.com', 5]]);
		for (const account of accounts) {
			expect(account).not.toHaveProperty('password');
			expect(account.jwt).toEqual({ AccountId: expect.any(Number), ExpireTime: expect.any(Number), ExpireTimeUTC: expect.any(String), Username: expect.any(String) });
		}
		expect(JSON.stringify(accounts)).not.toContain('secured');
	});

	it('lists nothing when no account is configured', async () => {
		await session.sim.reset({ accounts: [] });
		const run = await session.run({ resource: 'account', operation: 'list' });
		expect(run.error).toBeUndefined();
		expect(run.output![0]).toEqual([]);
	});

	it('gets one account by email, without secrets', async () => {
		const run = await session.run({ resource: 'account', operation: 'get', account: 'second@example.com' });
		const [item] = run.output![0];
		expect(item.json).toMatchObject({ email: 'second@example.com', maxJobs: 5 });
		expect(JSON.stringify(item.json)).not.toContain('secured');
		expect(session.apiRequests()[0].path).toBe('/v2/pixverse/accounts/second@example.com');
	});

	it('needs an account for Get before sending anything, and reports an unknown one', async () => {
		const empty = await session.run({ resource: 'account', operation: 'get', account: '' });
		expect(empty.error).toBeInstanceOf(NodeOperationError);
		expect(empty.error!.message).toBe('No account chosen: pick one in "Account Name or ID"');
		expect(session.apiRequests()).toHaveLength(0);

		const unknown = await session.run({ resource: 'account', operation: 'get', account: 'nobody@example.com' });
		expect(unknown.error).toBeInstanceOf(NodeApiError);
		expect(unknown.error!.message).toBe('Not found (nobody@example.com)');
	});

	it('gets credits, plan and concurrency of the chosen account', async () => {
		const run = await session.run({ resource: 'account', operation: 'getCreditsAndPlan', account: 'first@example.com' });
		const { json } = run.output![0][0];
		expect(json).toMatchObject({ email: 'first@example.com', plan_name: 'Premium', credit_package: 1200, gen_simultaneously: 8, off_peak: 1, off_peak_discount: '0.7' });
		expect(Object.keys(json).slice(0, 3)).toEqual(['email', 'plan_name', 'credit_daily']);
		expect(json).not.toHaveProperty('credits_total');
		expect(session.apiRequests()[0].path).toBe('/v2/pixverse/features?email=first%40example.com');
	});

	it('explains that several accounts need the account chosen for credits', async () => {
		const run = await session.run({ resource: 'account', operation: 'getCreditsAndPlan', account: '' });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect((run.error as NodeApiError).description).toContain('email is required when more than one account is configured');
	});

	it('reads the only account without naming it', async () => {
		await session.sim.reset({ accounts: [{ email: 'solo@example.com', maxJobs: 1, credits: 42 }] });
		const run = await session.run({ resource: 'account', operation: 'getCreditsAndPlan' });
		expect(run.output![0][0].json).toMatchObject({ credit_package: 42 });
		expect(run.output![0][0].json).not.toHaveProperty('email');
		expect(session.apiRequests()[0].path).toBe('/v2/pixverse/features');
	});

	it('adds an account, then updates its Max Jobs, never echoing the password', async () => {
		const add = await session.run({ resource: 'account', operation: 'save', accountEmail: 'new@example.com', accountPassword: 'pa55word-secret', maxJobs: 4 });
		expect(add.error).toBeUndefined();
		expect(add.output![0][0].json).toMatchObject({ email: 'new@example.com', maxJobs: 4 });
		expect(JSON.stringify(add.output)).not.toContain('pa55word-secret');
		const update = await session.run({ resource: 'account', operation: 'save', accountEmail: 'new@example.com', accountPassword: 'pa55word-secret', maxJobs: 2 });
		expect(update.output![0][0].json.maxJobs).toBe(2);
		const saves = session.apiRequests().filter((entry) => entry.method === 'POST');
		expect(saves.map((entry) => [entry.path, entry.status, entry.body!.maxJobs])).toEqual([
			['/v2/pixverse/accounts/new@example.com', 201, 4],
			['/v2/pixverse/accounts/new@example.com', 201, 2],
		]);
	});

	it('refuses Max Jobs outside 1 to 8 and a malformed email before sending anything', async () => {
		const tooMany = await session.run({ resource: 'account', operation: 'save', accountEmail: 'new@example.com', accountPassword: 'x', maxJobs: 9 });
		expect(tooMany.error).toBeInstanceOf(NodeOperationError);
		expect(tooMany.error!.message).toBe('Max Jobs 9 is out of range; allowed: 1 to 8');
		const badEmail = await session.run({ resource: 'account', operation: 'save', accountEmail: 'not-an-email', accountPassword: 'x', maxJobs: 2 });
		expect(badEmail.error!.message).toBe('PixVerse Email "not-an-email" is not an email address');
		expect(session.apiRequests()).toHaveLength(0);
	});

	it('deletes an account from useapi.net', async () => {
		const run = await session.run({ resource: 'account', operation: 'delete', account: 'second@example.com' });
		expect(run.output![0][0].json).toEqual({ email: 'second@example.com', deleted: true });
		const list = await session.run({ resource: 'account', operation: 'list' });
		expect(list.output![0].map((item) => item.json.email)).toEqual(['first@example.com']);
	});
});
