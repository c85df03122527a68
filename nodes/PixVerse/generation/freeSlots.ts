import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { availableSlots } from '../../core/api/scheduler';

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * How many of the queued items, in order, fit in the free slots useapi reported: each needs a free
 * slot, and an item naming an account needs it on that account (one naming none takes any: useapi
 * picks). Counting stops at the first item that does not fit.
 */
export function itemsThatFit(itemAccounts: string[], accounts: IDataObject[]): number {
	const free = new Map<string, number>();
	let freeAnywhere = 0;
	for (const account of accounts) {
		const available = Number(account.available);
		if (typeof account.email !== 'string' || !Number.isInteger(available) || available <= 0) continue;
		free.set(accountKey(account.email), available);
		freeAnywhere += available;
	}
	let fitting = 0;
	for (const email of itemAccounts) {
		if (freeAnywhere <= 0) break;
		if (email) {
			const left = free.get(accountKey(email)) ?? 0;
			if (left <= 0) break;
			free.set(accountKey(email), left - 1);
		}
		freeAnywhere--;
		fitting++;
	}
	return fitting;
}

/**
 * How many of these items to send at once, from one read of GET /scheduler/available: the free
 * slots are used in one wave instead of being found by waves of 1, 2, 4, …. Only a hint (a slot
 * may be taken meanwhile, and a 429 still means "not now"); undefined when there are fewer than 2
 * items (one goes in the next wave anyway), or when the read fails or finds nothing free. It
 * never rejects: nothing depends on it.
 */
export async function waveSizeFromFreeSlots(context: IExecuteFunctions, itemAccounts: string[]): Promise<number | undefined> {
	if (itemAccounts.length < 2) return undefined;
	try {
		const fitting = itemsThatFit(itemAccounts, await availableSlots(context, { signal: context.getExecutionCancelSignal() }));
		return fitting > 0 ? fitting : undefined;
	} catch {
		return undefined;
	}
}

/** What `promise` brings if it settles within `ms`, otherwise undefined (a later value is dropped). */
export async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
	const timer = new AbortController();
	try {
		return await Promise.race([promise, sleep(ms, timer.signal).then(() => undefined)]);
	} finally {
		timer.abort();
	}
}
