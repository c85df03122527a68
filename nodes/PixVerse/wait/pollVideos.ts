import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from '../transport/nodeErrors';
import { pixverseRequest } from '../transport/request';
import { imageAsResult, isImageId } from './imageResult';
import type { VideoOutcome, VideoRecord } from './videoStatus';
import { videoOutcome } from './videoStatus';

export interface PollSettings {
	intervalMs: number;
	/** Epoch milliseconds after which videos still rendering are handed back as they are. */
	deadline: number;
	signal?: AbortSignal;
}

export interface PolledVideo {
	outcome: VideoOutcome;
	record: VideoRecord;
	/** Set when the wait ended before the video was final. */
	timedOut: boolean;
	/** The last error seen while checking; the video id is kept either way. */
	lastError?: string;
}

/** While a video renders useapi answers 404 (or 200 with a non-final status). */
async function checkVideo(context: IExecuteFunctions, videoId: string, signal?: AbortSignal): Promise<VideoRecord> {
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

/**
 * Polls every outstanding id once per interval until each is final or the deadline passes. No id
 * is dropped: errors while checking are remembered and checking goes on until the deadline.
 * The user's Stop (the execution's cancel signal) ends the wait at once.
 */
export async function pollVideos(context: IExecuteFunctions, videoIds: string[], settings: PollSettings): Promise<Map<string, PolledVideo>> {
	const results = new Map<string, PolledVideo>(
		videoIds.map((id) => [id, { outcome: 'pending', record: { video_id: id, video_status_name: 'SUBMITTED', video_status_final: false }, timedOut: false }]),
	);
	const outstanding = () => [...results.entries()].filter(([, video]) => video.outcome === 'pending').map(([id]) => id);

	while (outstanding().length) {
		for (const videoId of outstanding()) {
			const video = results.get(videoId)!;
			try {
				video.record = await checkVideo(context, videoId, settings.signal);
				video.outcome = videoOutcome(video.record);
				video.lastError = undefined;
			} catch (error) {
				if (settings.signal?.aborted) throw asNodeError(context.getNode(), error);
				video.lastError = (error as Error).message;
			}
		}
		const remaining = settings.deadline - Date.now();
		if (!outstanding().length) break;
		if (remaining <= 0) {
			for (const id of outstanding()) results.get(id)!.timedOut = true;
			break;
		}
		await sleep(Math.min(settings.intervalMs, remaining), settings.signal);
	}
	return results;
}
