import type { IDataObject } from 'n8n-workflow';

import { idNumber } from '../core/api/mediaKinds';
import type { VideoRecord } from '../core/videoStatus';
import { statusName, videoOutcome } from '../core/videoStatus';

export { replyRefOf } from '../core/videoStatus';

export const FINAL_EVENTS = ['completed', 'failed', 'moderated'] as const;
export type FinalEvent = (typeof FINAL_EVENTS)[number];
/** What a video record says happened: a final state, or a progress update (queued, generating). */
export type VideoEvent = FinalEvent | 'progress';

/**
 * Reads a record (callback body or API record) as an event. A COMPLETED record that useapi marks
 * final counts as completed even before its file URL shows up; the node downloads only with a URL.
 */
export function videoEvent(record: Partial<VideoRecord>): VideoEvent {
	const outcome = videoOutcome(record);
	if (outcome !== 'pending') return outcome;
	if (record.video_status_final === true && statusName(record) === 'COMPLETED') return 'completed';
	return 'progress';
}

/** The PixVerse number at the end of an id (`…-video:<number>`, `…-image:<number>`); each kind's grow with time. */
export function videoNumber(record: IDataObject): number | undefined {
	const id = record.video_id;
	if (typeof id === 'number' && Number.isSafeInteger(id)) return id;
	if (typeof id !== 'string') return undefined;
	const digits = idNumber(id) ?? (/^\d+$/.test(id) ? id : undefined);
	return digits === undefined ? undefined : Number(digits);
}

/** The state an event delivers: the final outcome, or `progress:<STATUS>`. */
export function eventName(event: VideoEvent, record: Partial<VideoRecord>): string {
	return event === 'progress' ? `progress:${statusName(record)}` : event;
}

/**
 * One delivery of one state of one video: the same final state twice is one event. Every item the
 * trigger emits carries it as `dedupe_key`, to remove duplicates downstream.
 */
export function eventKey(videoId: string, event: VideoEvent, record: Partial<VideoRecord>): string {
	return `${videoId}|${eventName(event, record)}`;
}
