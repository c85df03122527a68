import type { IDataObject } from 'n8n-workflow';

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

/** GET /scheduler documents an array; an object holding `executing` is read too. */
export function schedulerJobs(body: unknown): IDataObject[] {
	const list = Array.isArray(body) ? body : (body as { executing?: unknown } | undefined)?.executing;
	return Array.isArray(list) ? (list as IDataObject[]).map(schedulerJob) : [];
}
