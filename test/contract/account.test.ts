import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { simulatorSession } from './simulatorSession';

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
});
