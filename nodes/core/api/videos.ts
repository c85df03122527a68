import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { redactSecrets } from '../redact';
import type { PixverseContext } from '../transport/request';
import type { VideoRecord } from '../videoStatus';
import type { CallOptions, Endpoint } from './endpoints';
import { callEndpoint, ENDPOINTS, listAnswer, recordAnswer } from './endpoints';
import { getImage, isImageId } from './images';

/**
 * GET /videos/{video_id}. useapi answers 404 while a video renders (and for an unknown id), so
 * 404 comes back as undefined: "not ready yet".
 */
export async function getVideo(context: PixverseContext, videoId: string, options: CallOptions = {}): Promise<VideoRecord | undefined> {
	const response = await callEndpoint(context, 'getVideo', { ...options, params: { video_id: videoId }, passStatuses: [404], what: videoId });
	if (response.statusCode === 404) return undefined;
	return { ...recordAnswer(context, 'getVideo', response.body, options.itemIndex), video_id: videoId };
}

/**
 * The current record of a video, or of the still of an image effect (GET /images/{id}); a video
 * useapi answers 404 for reads as still rendering.
 */
export async function checkVideo(context: PixverseContext, videoId: string, options: CallOptions = {}): Promise<VideoRecord> {
	if (isImageId(videoId)) return await getImage(context, videoId, options);
	return (await getVideo(context, videoId, options)) ?? {
		video_id: videoId,
		video_status_name: 'PROCESSING',
		video_status_final: false,
		note: 'Not ready yet (useapi.net answers 404 while a video renders, or for an unknown ID)',
	};
}

/** One page of GET /videos, newest first, in-progress videos included (`{data: [...]}` or a bare list). */
export async function listVideos(context: PixverseContext, page: { email?: string; limit: number; offset: number }, options: CallOptions = {}): Promise<IDataObject[]> {
	const { email, limit, offset } = page;
	const response = await callEndpoint(context, 'listVideos', { ...options, qs: { ...(email ? { email } : {}), limit, offset }, what: email ? `the videos of ${email}` : 'video list' });
	return listAnswer(context, 'listVideos', response.body, ['data'], options.itemIndex);
}

/** DELETE /videos/{video_id}; useapi answers 200 or 204, an unknown id is an error. */
export async function deleteVideo(context: PixverseContext, videoId: string, options: CallOptions = {}): Promise<void> {
	await callEndpoint(context, 'deleteVideo', { ...options, params: { video_id: videoId }, what: videoId });
}

/** The endpoints that start a paid job. */
export type GenerationEndpoint = Extract<Endpoint, 'create' | 'createFrames' | 'createTransition' | 'createFusion' | 'motionControl' | 'extend' | 'upscale' | 'modify' | 'restyle' | 'lipsync'>;

export interface AcceptedGeneration {
	videoId: string;
	answer: IDataObject;
}

/** The answer when every eligible account is at its concurrency limit: nothing was accepted. */
export const BUSY = 'busy';

/**
 * POSTs a generation. It is never sent again once it may have been accepted (the transport
 * retries a generation only on 429). A 429 comes back as BUSY: nothing started, try when a slot
 * frees. The answer must name the job (`video_id`, or `image_id` for an image effect).
 */
export async function submitGeneration(context: PixverseContext, endpoint: GenerationEndpoint, body: IDataObject, options: CallOptions = {}): Promise<AcceptedGeneration | typeof BUSY> {
	const response = await callEndpoint(context, endpoint, { ...options, body, kind: 'generation', passStatuses: [429] });
	if (response.statusCode === 429) return BUSY;
	const answer = (response.body ?? {}) as IDataObject;
	const videoId = answer.video_id ?? answer.image_id;
	if (typeof videoId !== 'string' || !videoId) {
		throw new NodeOperationError(context.getNode(), 'PixVerse accepted the request but returned no video ID', {
			itemIndex: options.itemIndex,
			description: `useapi.net answered ${ENDPOINTS[endpoint]} with: ${redactSecrets(JSON.stringify(answer)).slice(0, 300)}. Check Video → Get Many before running again.`,
		});
	}
	return { videoId, answer };
}
