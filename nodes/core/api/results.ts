import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import type { VideoRecord } from '../videoStatus';
import type { CallOptions } from './endpoints';
import { callEndpoint, listAnswer, recordAnswer } from './endpoints';
import type { MediaKind } from './mediaKinds';
import { asResult, kindOfId, MEDIA_KINDS } from './mediaKinds';

/**
 * Reading what PixVerse made, of any kind, by its id: the one place the runtime and the Get
 * operations read a job's state.
 */

/**
 * The record of a job (GET /videos/{id}, /images/{id}, /speech/{id}, /music/{id}), or undefined
 * for a video useapi answers 404 for (still rendering, or unknown). Any other kind answers 200
 * while it renders, so its 404 means deleted or unknown: a failure.
 */
export async function readResult(context: PixverseContext, id: string, options: CallOptions = {}): Promise<VideoRecord | undefined> {
	const kind = MEDIA_KINDS[kindOfId(id)];
	const response = await callEndpoint(context, kind.get, { ...options, params: { [kind.idField]: id }, passStatuses: [404], what: id });
	if (response.statusCode !== 404) return asResult(id, recordAnswer(context, kind.get, response.body, options.itemIndex));
	if (kind.notFound === 'gone') return asResult(id, { [`${kind.statusPrefix}_status_name`]: 'FAILED', error: `The ${kind.noun} was deleted or is unknown` });
	return undefined;
}

/** The current record of a job; a video useapi answers 404 for reads as still rendering. */
export async function checkResult(context: PixverseContext, id: string, options: CallOptions = {}): Promise<VideoRecord> {
	return (await readResult(context, id, options)) ?? {
		video_id: id,
		video_status_name: 'PROCESSING',
		video_status_final: false,
		note: 'Not ready yet (useapi.net answers 404 while a video renders, or for an unknown ID)',
	};
}

export interface ListPage {
	email?: string;
	limit: number;
	offset: number;
}

/**
 * One page of a kind's list, newest first, in-progress jobs included (`{data: [...]}` or a bare
 * list), each entry read as a result. Entries of other kinds that the list holds (GET /music lists
 * speech too) are kept, so a short page still means the last one; `keeps` tells them apart.
 */
export async function listResults(context: PixverseContext, kind: MediaKind, { email, limit, offset }: ListPage, options: CallOptions = {}): Promise<IDataObject[]> {
	const { list, idField, noun } = MEDIA_KINDS[kind];
	const response = await callEndpoint(context, list, { ...options, qs: { ...(email ? { email } : {}), limit, offset }, what: email ? `the ${noun} list of ${email}` : `${noun} list` });
	return listAnswer(context, list, response.body, ['data'], options.itemIndex).map((entry) => {
		const id = entry[idField];
		return kind !== 'video' && typeof id === 'string' && id ? asResult(id, entry) : entry;
	});
}

/** Whether a list entry is of the kind the list was read for. */
export function keeps(kind: MediaKind, entry: IDataObject): boolean {
	return MEDIA_KINDS[kind].listKeeps?.(entry) ?? true;
}

/** DELETE /videos/{video_id} or /images/{image_id}; useapi answers 200 or 204, an unknown id is an error. */
export async function deleteResult(context: PixverseContext, kind: MediaKind, id: string, options: CallOptions = {}): Promise<void> {
	const { delete: endpoint, idField, noun } = MEDIA_KINDS[kind];
	if (!endpoint) throw new Error(`useapi.net has no DELETE for a ${noun}`);
	await callEndpoint(context, endpoint, { ...options, params: { [idField]: id }, what: id });
}
