import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { readSlots } from '../../core/api/scheduler';
import type { SlotsRead } from '../../core/api/scheduler';

const accountKey = (email: string) => email.trim().toLowerCase();

/** A job of this batch that started while the free slots were being read, on the account its item names ('' when useapi picked one). */
export interface StartedJob {
	videoId: string;
	account: string;
}

/**
 * How many of the queued items, in order, fit in the free slots useapi reported: each needs a free
 * slot, and an item naming an account needs it on that account (one naming none takes any: useapi
 * picks). Counting stops at the first item that does not fit. `startedDuringRead`: jobs accepted
 * while the read was under way; one the read does not list as executing started after it, so a
 * slot it reported free is taken (on the account the job names, or else on the one with the most
 * free slots, where useapi puts a job that names none).
 */
export function itemsThatFit(itemAccounts: string[], read: SlotsRead, startedDuringRead: StartedJob[] = []): number {
	const free = new Map<string, number>();
	let freeAnywhere = 0;
	for (const account of read.accounts) {
		const available = Number(account.available);
		if (typeof account.email !== 'string' || !Number.isInteger(available) || available <= 0) continue;
		free.set(accountKey(account.email), available);
		freeAnywhere += available;
	}
	const listed = new Set((read.executing ?? []).map((job) => String(job.id)));
	for (const job of startedDuringRead) {
		if (listed.has(job.videoId)) continue;
		const key = job.account ? accountKey(job.account) : [...free].sort(([, a], [, b]) => b - a)[0]?.[0];
		if (key !== undefined && (free.get(key) ?? 0) > 0) free.set(key, free.get(key)! - 1);
		freeAnywhere--;
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
 * One read of GET /scheduler/available: a hint of how many items to send (a slot may be taken
 * meanwhile, and a 429 still means "not now"). Undefined when the read fails; it never rejects:
 * the batch then finds slots by submitting.
 */
export async function readFreeSlots(context: IExecuteFunctions): Promise<SlotsRead | undefined> {
	try {
		return await readSlots(context, { signal: context.getExecutionCancelSignal() });
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
