import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import type { CallOptions } from './endpoints';
import { callEndpoint, recordAnswer } from './endpoints';

/**
 * GET /accounts: the configured accounts by email. useapi answers 404 when there is none, read
 * here as no accounts.
 */
export async function listAccounts(context: PixverseContext, options: CallOptions = {}): Promise<Record<string, IDataObject>> {
	const response = await callEndpoint(context, 'listAccounts', { ...options, passStatuses: [404], what: 'account list' });
	if (response.statusCode === 404) return {};
	return recordAnswer(context, 'listAccounts', response.body, options.itemIndex) as Record<string, IDataObject>;
}

export async function getAccount(context: PixverseContext, email: string, options: CallOptions = {}): Promise<IDataObject> {
	const response = await callEndpoint(context, 'getAccount', { ...options, params: { email }, what: email });
	return recordAnswer(context, 'getAccount', response.body, options.itemIndex);
}

/** POST /accounts/{email}: adds the account, or updates its password and maxJobs. */
export async function saveAccount(context: PixverseContext, account: { email: string; password: string; maxJobs: number }, options: CallOptions = {}): Promise<IDataObject> {
	const response = await callEndpoint(context, 'saveAccount', { ...options, params: { email: account.email }, body: account, what: account.email });
	return recordAnswer(context, 'saveAccount', response.body, options.itemIndex);
}

export async function deleteAccount(context: PixverseContext, email: string, options: CallOptions = {}): Promise<void> {
	await callEndpoint(context, 'deleteAccount', { ...options, params: { email }, what: email });
}

/** GET /features: plan, credit balances and concurrency of one account (or the only one). */
export async function getFeatures(context: PixverseContext, email: string | undefined, options: CallOptions = {}): Promise<IDataObject> {
	const response = await callEndpoint(context, 'getFeatures', { ...options, qs: email ? { email } : undefined, what: email ? `plan of ${email}` : 'plan' });
	return recordAnswer(context, 'getFeatures', response.body, options.itemIndex);
}

/** One GET /accounts per running execution (or dropdown load), however many items ask. */
const fetched = new WeakMap<object, Promise<string | undefined>>();

async function firstOfSeveralAccounts(context: PixverseContext): Promise<string | undefined> {
	const emails = Object.keys(await listAccounts(context));
	return emails.length > 1 ? emails[0] : undefined;
}

/**
 * The account to name when the user chose none. useapi needs `email` on per-account endpoints
 * (uploads, catalogs) once several accounts are configured; uploads and catalogs are usable from
 * every account, so the first will do. With one account nothing needs naming.
 */
export async function defaultAccount(context: PixverseContext): Promise<string | undefined> {
	let account = fetched.get(context);
	if (!account) {
		account = firstOfSeveralAccounts(context);
		fetched.set(context, account);
		account.catch(() => fetched.delete(context));
	}
	return await account;
}
