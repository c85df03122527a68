import { pixverseRequest } from '../PixVerse/transport/request';
import type { VideoRecord } from '../PixVerse/wait/videoStatus';
import type { TriggerContext } from './settings';

/** GET /videos/{id}; undefined while useapi answers 404 (still processing). */
export async function currentRecord(context: TriggerContext, videoId: string): Promise<VideoRecord | undefined> {
	const response = await pixverseRequest.call(context, { method: 'GET', path: `/videos/${videoId}`, kind: 'repeatable', passStatuses: [404], what: videoId });
	return response.statusCode === 404 ? undefined : { ...(response.body as VideoRecord), video_id: videoId };
}
