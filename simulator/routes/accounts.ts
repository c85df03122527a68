import { configurationNotFound } from '../admission';
import type { Router } from '../http/router';
import { ApiError, json, noContent } from '../http/reply';
import { NEW_ACCOUNT_CREDITS } from '../options';
import { describeAccount } from '../state/accounts';
import { Fields, invalid } from '../validation/fields';
import type { World } from '../world';

const API = '/v2/pixverse';

export function registerAccountRoutes(router: Router, world: World): void {
	router.add('GET', `${API}/accounts`, () => {
		const accounts = world.accounts.list();
		if (accounts.length === 0) throw configurationNotFound();
		return json(200, Object.fromEntries(accounts.map((account) => [account.email, describeAccount(account)])));
	});

	router.add('GET', `${API}/accounts/:email`, (ctx) => {
		const account = world.accounts.get(ctx.params.email);
		if (!account) throw new ApiError(404, `Configuration for ${ctx.params.email} not found`);
		return json(200, describeAccount(account));
	});

	router.add('POST', `${API}/accounts/:email`, async (ctx) => {
		const fields = new Fields(await ctx.form());
		const email = fields.requiredString('email');
		if (email.toLowerCase() !== ctx.params.email.toLowerCase()) {
			throw invalid(`email in the body (${email}) must match the email in the path (${ctx.params.email})`);
		}
		if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid(`email ${email} is not a valid email address`);
		fields.requiredString('password');
		fields.string('token');
		const maxJobs = fields.integer('maxJobs', 1, 8);
		if (maxJobs === undefined) throw invalid('maxJobs is required: an integer from 1 to 8');
		return json(201, describeAccount(world.accounts.upsert(email, maxJobs, NEW_ACCOUNT_CREDITS)));
	});

	router.add('DELETE', `${API}/accounts/:email`, (ctx) => {
		if (!world.accounts.remove(ctx.params.email)) {
			throw new ApiError(404, `Configuration for ${ctx.params.email} not found`);
		}
		return noContent();
	});
}
