import { ApiError } from './http/reply';
import type { ModerationMarkers } from './options';
import type { Account, Accounts } from './state/accounts';
import type { FinalStatus, Jobs } from './state/jobs';

export const CAPACITY_MESSAGE =
	'All configured PixVerse accounts are at maximum capacity. Wait for running jobs to finish and retry, or raise maxJobs.';
export const CREDITS_MESSAGE = 'All Credits have been used up. Please upgrade your membership or purchase credits.';
export const MODERATED_MESSAGE = 'Moderated prompt';

export function configurationNotFound(): ApiError {
	return new ApiError(404, 'Configuration not found');
}

/** The account a GET list endpoint reads: `?email=` is needed once several accounts are configured. */
export function accountForListing(accounts: Accounts, email: string | null): Account {
	if (email) return knownAccount(accounts, email);
	const all = accounts.list();
	if (all.length === 0) throw configurationNotFound();
	if (all.length > 1) {
		throw new ApiError(400, `email is required when more than one account is configured (${all.map((a) => a.email).join(', ')})`);
	}
	return all[0];
}

export function knownAccount(accounts: Accounts, email: string): Account {
	const account = accounts.get(email);
	if (account) return account;
	if (accounts.list().length === 0) throw configurationNotFound();
	throw new ApiError(400, `email ${email} is not a configured PixVerse account (${accounts.list().map((a) => a.email).join(', ')})`);
}

/**
 * The account a new job goes to: the named one, or the one with the most free slots. A slot limit
 * sent with the request (maxJobs) replaces the account's own for this decision. Full → 429.
 */
export function accountWithFreeSlot(accounts: Accounts, jobs: Jobs, email?: string, maxJobs?: number): Account {
	const candidates = email ? [knownAccount(accounts, email)] : accounts.list();
	if (candidates.length === 0) throw configurationNotFound();
	let best: { account: Account; free: number } | undefined;
	for (const account of candidates) {
		const free = (maxJobs ?? account.maxJobs) - jobs.executing(account.email).length;
		if (free > 0 && (!best || free > best.free)) best = { account, free };
	}
	if (!best) throw new ApiError(429, CAPACITY_MESSAGE);
	return best.account;
}

/** How a job will end, from markers in its texts; `reject` is refused at submit with 422. */
export function moderationOutcome(texts: string[], markers: ModerationMarkers): FinalStatus | 'reject' {
	const text = texts.join('\n').toLowerCase();
	const has = (list: string[]) => list.some((marker) => marker && text.includes(marker.toLowerCase()));
	if (has(markers.reject)) return 'reject';
	if (has(markers.moderate)) return 7;
	if (has(markers.fail)) return 8;
	return 1;
}
