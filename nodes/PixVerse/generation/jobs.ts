import type { AcceptedGeneration } from '../../core/api/videos';
import type { VideoOutcome, VideoRecord } from '../../core/videoStatus';

/** What the generation runtime keeps of each job, shared by its batch, callback and output parts. */

/** A video the node started for an input item. */
export interface AcceptedJob extends AcceptedGeneration {
	itemIndex: number;
}

/** A video to bring out. Its item goes to `position` in the output, by default its input item's place. */
export interface WaitedJob extends AcceptedJob {
	position?: number;
}

export const placeOf = (job: WaitedJob): number => job.position ?? job.itemIndex;

export interface DownloadSettings {
	download: boolean;
	binaryProperty: string;
	maxBytes?: number;
}

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
