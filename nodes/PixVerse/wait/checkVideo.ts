import { pixverseRequest } from '../transport/request';
import type { PixverseContext } from '../transport/request';
import { fetchImageResult, isImageId } from './imageResult';
import type { VideoRecord } from './videoStatus';

/**
 * The current record of a video (or of the still of an image effect). While a video renders
 * useapi answers 404 (or 200 with a non-final status); 404 reads as "not ready yet".
 */
export async function checkVideo(context: PixverseContext, videoId: string, options: { signal?: AbortSignal; itemIndex?: number } = {}): Promise<VideoRecord> {
	if (isImageId(videoId)) return await fetchImageResult(context, videoId, options);
	const response = await pixverseRequest.call(context, {
		method: 'GET',
		path: `/videos/${videoId}`,
		kind: 'repeatable',
		passStatuses: [404],
		what: videoId,
		...options,
	});
	if (response.statusCode === 404) {
		return { video_id: videoId, video_status_name: 'PROCESSING', video_status_final: false, note: 'Not ready yet (useapi.net answers 404 while a video renders, or for an unknown ID)' };
	}
	return { ...(response.body as VideoRecord), video_id: videoId };
}
