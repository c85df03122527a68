import { pixverseRequest } from './request';
import type { PixverseContext } from './request';

/** One GET /accounts per running execution (or dropdown load), however many items ask. */
const fetched = new WeakMap<object, Promise<string | undefined>>();

async function firstOfSeveralAccounts(context: PixverseContext): Promise<string | undefined> {
	const response = await pixverseRequest.call(context, { method: 'GET', path: '/accounts', kind: 'repeatable', passStatuses: [404] });
	if (response.statusCode !== 200) return undefined;
	const emails = Object.keys((response.body ?? {}) as object);
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
