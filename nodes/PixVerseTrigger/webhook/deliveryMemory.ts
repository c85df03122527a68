import type { IWebhookFunctions } from 'n8n-workflow';

import { eventKey } from '../videoEvent';
import type { VideoEvent } from '../videoEvent';
import type { VideoRecord } from '../../core/videoStatus';

/** How many delivered events each trigger remembers (oldest forgotten first). */
export const REMEMBERED_DELIVERIES = 500;

/**
 * Events delivered in this process, per trigger. n8n loads a trigger's static data from the
 * database for every request and saves it after, so two copies of a callback arriving together
 * would both pass a static-data check alone.
 */
const deliveredInProcess = new Map<string, string[]>();

const remember = (list: string[], keys: string[]) => [...list.filter((key) => !keys.includes(key)), ...keys].slice(-REMEMBERED_DELIVERIES);

/**
 * True the first time a video's state is delivered to this trigger, false for a repeat (useapi
 * may send a final callback more than once). A progress update arriving after the video's final
 * state is a repeat too: it is stale. Kept in the node's static data (survives restarts) and in
 * process memory (covers simultaneous copies).
 */
export function firstDelivery(context: IWebhookFunctions, videoId: string, event: VideoEvent, record: Partial<VideoRecord>): boolean {
	const key = eventKey(videoId, event, record);
	const finalKey = `${videoId}|final`;
	const staticData = context.getWorkflowStaticData('node');
	const stored = Array.isArray(staticData.deliveredEvents) ? (staticData.deliveredEvents as string[]) : [];
	const triggerId = `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;
	const inProcess = deliveredInProcess.get(triggerId) ?? [];
	const seen = (candidate: string) => stored.includes(candidate) || inProcess.includes(candidate);
	if (seen(key) || (event === 'progress' && seen(finalKey))) return false;

	const keys = event === 'progress' ? [key] : [key, finalKey];
	deliveredInProcess.set(triggerId, remember(inProcess, keys));
	staticData.deliveredEvents = remember(stored, keys);
	return true;
}
