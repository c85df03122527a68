import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { redactSecrets } from '../redact';
import type { PixverseContext } from '../transport/request';
import type { VideoRecord } from '../videoStatus';
import type { CallOptions, Endpoint } from './endpoints';
import { callEndpoint, ENDPOINTS, listAnswer, recordAnswer } from './endpoints';
import type { MediaKind } from './mediaKinds';
import { answeredIds, asResult, kindOfId, MEDIA_KINDS } from './mediaKinds';

/**
 * Starting a paid job and reading what PixVerse made, of any kind, by its id: the one place the
 * runtime and the operations submit a generation and read a job's state.
 */

/** The endpoints that start a paid job. */
export type GenerationEndpoint = Extract<
	Endpoint,
	'create' | 'createFrames' | 'createTransition' | 'createFusion' | 'motionControl' | 'extend' | 'upscale' | 'modify' | 'restyle' | 'lipsync' | 'createImage' | 'createSpeech' | 'createMusic'
>;

export interface AcceptedGeneration {
	/** The job's id, whatever its kind (named videoId, as the runtime reads every kind as a video). */
	videoId: string;
	answer: IDataObject;
}

/** The answer when every eligible account is at its concurrency limit: nothing was accepted. */
export const BUSY = 'busy';

/**
 * POSTs a generation. It is never sent again once it may have been accepted (the transport
 * retries a generation only on 429). A 429 comes back as BUSY: nothing started, try when a slot
 * frees. The answer must name the job (`video_id`, `image_id`, `audio_id`, or `success_ids`, which
 * names every image of an Image Count above 1; the first is the job's id).
 */
export async function submitGeneration(context: PixverseContext, endpoint: GenerationEndpoint, body: IDataObject, options: CallOptions = {}): Promise<AcceptedGeneration | typeof BUSY> {
	const response = await callEndpoint(context, endpoint, { ...options, body, kind: 'generation', passStatuses: [429] });
	if (response.statusCode === 429) return BUSY;
	const answer = (response.body ?? {}) as IDataObject;
	const [videoId] = answeredIds(answer);
	if (!videoId) {
		throw new NodeOperationError(context.getNode(), 'PixVerse accepted the request but returned no ID', {
			itemIndex: options.itemIndex,
			description: `useapi.net answered ${ENDPOINTS[endpoint]} with: ${redactSecrets(JSON.stringify(answer)).slice(0, 300)}. Check Get Many before running again.`,
		});
	}
	return { videoId, answer };
}

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
