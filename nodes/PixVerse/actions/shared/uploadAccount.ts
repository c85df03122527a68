import type { IExecuteFunctions } from 'n8n-workflow';

import { pixverseRequest } from '../../transport/request';

/** Answers already fetched by a running execution: one GET /accounts however many items it uploads. */
const fetched = new WeakMap<object, Promise<string | undefined>>();

async function firstOfSeveralAccounts(context: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	const response = await pixverseRequest.call(context, { method: 'GET', path: '/accounts', kind: 'repeatable', passStatuses: [404], itemIndex });
	if (response.statusCode !== 200) return undefined;
	const emails = Object.keys((response.body ?? {}) as object);
	return emails.length > 1 ? emails[0] : undefined;
}

/**
 * The account to upload with when none is chosen. useapi needs one on POST /files once several
 * accounts are configured; an uploaded file is usable from every account, so the first will do.
 */
export async function defaultUploadAccount(context: IExecuteFunctions, itemIndex: number): Promise<string | undefined> {
	let account = fetched.get(context);
	if (!account) {
		account = firstOfSeveralAccounts(context, itemIndex);
		fetched.set(context, account);
		account.catch(() => fetched.delete(context));
	}
	return await account;
}
