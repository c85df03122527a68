import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pixverseRequest } from '../transport/request';
import { imageAsResult, isImageId } from './imageResult';
import type { VideoRecord } from './videoStatus';

/** While a video renders useapi answers 404 (or 200 with a non-final status). */
export async function checkVideo(context: IExecuteFunctions, videoId: string, signal?: AbortSignal): Promise<VideoRecord> {
	if (isImageId(videoId)) return await checkImage(context, videoId, signal);
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path: `/videos/${videoId}`,
		kind: 'repeatable',
		passStatuses: [404],
		what: videoId,
		signal,
	});
	if (response.statusCode === 404) return { video_id: videoId, video_status_name: 'PROCESSING', video_status_final: false };
	return { ...(response.body as VideoRecord), video_id: videoId };
}

/** An image answers 200 with its status while it renders; 404 means it was deleted. */
async function checkImage(context: IExecuteFunctions, imageId: string, signal?: AbortSignal): Promise<VideoRecord> {
	const response = await pixverseRequest.call(context, { method: 'GET', path: `/images/${imageId}`, kind: 'repeatable', passStatuses: [404], what: imageId, signal });
	if (response.statusCode === 404) return imageAsResult(imageId, { image_status_name: 'FAILED', error: 'The image was deleted' });
	return imageAsResult(imageId, response.body as IDataObject);
}
