import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/**
 * What a trigger remembers of the callbacks it turned into runs, per video id: each event
 * delivered ('completed', 'failed', 'moderated' or 'progress:<STATUS>') and when the video was
 * last delivered. Kept in the trigger node's static data, which n8n loads from the database for
 * every production webhook call and saves after it (n8n/dist/webhooks/live-webhooks.js), so it
 * holds across restarts and across main and webhook processes.
 */
export type DeliveryLog = Record<string, { events: string[]; at: number }>;

/**
 * How long a video's deliveries are remembered. useapi.net repeats a callback within minutes;
 * the bound keeps the static data, read on every callback, from growing without end.
 */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const FINAL_EVENTS = ['completed', 'failed', 'moderated'];

/** Whether `event` of the video was delivered before, or is a progress update older than a delivered final state. */
export function isRepeat(log: DeliveryLog, videoId: string, event: string): boolean {
	const delivered = log[videoId]?.events ?? [];
	return delivered.includes(event) || (event.startsWith('progress:') && delivered.some((earlier) => FINAL_EVENTS.includes(earlier)));
}

export function recordDelivery(log: DeliveryLog, videoId: string, event: string, now: number): void {
	const events = log[videoId]?.events ?? [];
	log[videoId] = { events: events.includes(event) ? events : [...events, event], at: now };
}

/**
 * Both logs in one, without the videos last delivered before the retention window. Each
 * process writes back what it remembers: n8n saves static data whole (the last save wins), so a
 * delivery another process saved at the same moment is written again on the next callback.
 */
export function mergedLog(stored: DeliveryLog, remembered: DeliveryLog, now: number): DeliveryLog {
	const merged: DeliveryLog = {};
	for (const log of [stored, remembered]) {
		for (const [videoId, { events, at }] of Object.entries(log)) {
			if (now - at > DELIVERY_RETENTION_MS) continue;
			const known = merged[videoId];
			merged[videoId] = known ? { events: [...new Set([...known.events, ...events])], at: Math.max(known.at, at) } : { events: [...events], at };
		}
	}
	return merged;
}

/** Deliveries seen by this process, per trigger: copies of one callback arriving together see each other here. */
const inProcess = new Map<string, DeliveryLog>();

function storedLog(staticData: IDataObject): DeliveryLog {
	const value = staticData.deliveries;
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as DeliveryLog) : {};
}

/**
 * True the first time `event` of a video reaches this trigger (in any process, before or after a
 * restart), false for a repeat. Checking and recording happen without a pause in between, so
 * copies arriving together in one process start one run. Copies arriving at the same instant in
 * two processes can both pass: n8n gives webhook triggers no atomic check (see the README's
 * "Scaling out"), which is why every item carries a dedupe key.
 */
export function firstDelivery(context: IWebhookFunctions, videoId: string, event: string, now = Date.now()): boolean {
	const staticData = context.getWorkflowStaticData('node');
	const triggerId = `${context.getWorkflow().id ?? ''}/${context.getNode().id}`;
	const remembered = inProcess.get(triggerId) ?? {};
	const log = mergedLog(storedLog(staticData), remembered, now);
	if (isRepeat(log, videoId, event)) return false;

	recordDelivery(log, videoId, event, now);
	recordDelivery(remembered, videoId, event, now);
	inProcess.set(triggerId, mergedLog({}, remembered, now));
	staticData.deliveries = log;
	return true;
}
