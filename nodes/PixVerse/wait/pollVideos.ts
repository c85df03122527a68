import type { IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../transport/nodeErrors';
import { checkVideo } from './checkVideo';
import type { VideoOutcome, VideoRecord } from './videoStatus';
import { videoOutcome } from './videoStatus';

export interface PolledVideo {
	outcome: VideoOutcome;
	record: VideoRecord;
	/** Set when the wait ended before the video was final. */
	timedOut: boolean;
	/** The last error seen while checking; the video id is kept either way. */
	lastError?: string;
}

export function submittedVideo(videoId: string): PolledVideo {
	return { outcome: 'pending', record: { video_id: videoId, video_status_name: 'SUBMITTED', video_status_final: false }, timedOut: false };
}

/**
 * Checks each video once. Errors while checking (after the transport's own retries) are kept on the
 * video and checking goes on next round: no id is ever dropped. The user's Stop ends it at once.
 */
export async function checkVideosOnce(context: IExecuteFunctions, videos: Map<string, PolledVideo>, ids: string[], signal?: AbortSignal): Promise<void> {
	for (const videoId of ids) {
		const video = videos.get(videoId)!;
		try {
			video.record = await checkVideo(context, videoId, { signal });
			video.outcome = videoOutcome(video.record);
			video.lastError = undefined;
		} catch (error) {
			if (signal?.aborted) throw asNodeError(context.getNode(), error);
			video.lastError = (error as Error).message;
		}
	}
}
