import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import type { CallOptions } from './endpoints';
import { callEndpoint, listAnswer, listIn, unreadableAnswer } from './endpoints';

/**
 * A job useapi tracks, in one shape. The 2026 API names it `{id, type}`; the Dec 2024 one used
 * `videoId` (GET /scheduler) or `video_id` (GET /scheduler/available). The type is read from the
 * id (`…-image:123`) when the API does not give it.
 */
export function schedulerJob(raw: IDataObject): IDataObject {
	const { videoId, video_id: videoIdSnake, ...rest } = raw;
	const id = raw.id ?? videoId ?? videoIdSnake;
	const typeFromId = typeof id === 'string' ? /-(video|image|music|speech):[^-]*$/.exec(id)?.[1] : undefined;
	return { ...rest, id, type: raw.type ?? typeFromId ?? 'video' };
}

/** GET /scheduler documents an array; an object holding `executing` is read too. Undefined when neither. */
export function schedulerJobs(body: unknown): IDataObject[] | undefined {
	return listIn(body, ['executing'])?.map(schedulerJob);
}

/** GET /scheduler: the jobs started through the API that still hold a slot. */
export async function listRunningJobs(context: PixverseContext, options: CallOptions = {}): Promise<IDataObject[]> {
	const response = await callEndpoint(context, 'listRunningJobs', { ...options, what: 'running jobs' });
	const jobs = schedulerJobs(response.body);
	if (!jobs) throw unreadableAnswer(context, 'listRunningJobs', response.body, options.itemIndex);
	return jobs;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined);

/** One account's slots; `available` is worked out from maxJobs and executing when missing. */
export function accountSlots(raw: IDataObject): IDataObject {
	const maxJobs = count(raw.maxJobs);
	const executing = count(raw.executing);
	const available = count(raw.available) ?? (maxJobs !== undefined && executing !== undefined ? Math.max(0, maxJobs - executing) : undefined);
	return { ...raw, maxJobs, executing, available };
}

/** What GET /scheduler/available answers: each account with its free slots, and the jobs holding slots (undefined when the answer lists none). */
export interface SlotsRead {
	accounts: IDataObject[];
	executing?: IDataObject[];
}

/** GET /scheduler/available, whole (`{executing: [...], available: [...]}`). */
export async function readSlots(context: PixverseContext, options: CallOptions = {}): Promise<SlotsRead> {
	const response = await callEndpoint(context, 'availableSlots', { ...options, what: 'available slots' });
	return { accounts: listAnswer(context, 'availableSlots', response.body, ['available'], options.itemIndex).map(accountSlots), executing: schedulerJobs(response.body) };
}

/** GET /scheduler/available: each account with its free slots (`{available: [...]}`). */
export async function availableSlots(context: PixverseContext, options: CallOptions = {}): Promise<IDataObject[]> {
	return (await readSlots(context, options)).accounts;
}

/** DELETE /scheduler/{id}: frees useapi's tracking slot of a job. The render itself goes on. */
export async function releaseJob(context: PixverseContext, jobId: string, options: CallOptions = {}): Promise<void> {
	await callEndpoint(context, 'releaseJob', { ...options, params: { id: jobId }, what: jobId });
}
