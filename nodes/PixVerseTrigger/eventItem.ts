import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { downloadResult } from '../core/download';
import type { TriggerContext, TriggerSettings } from './settings';
import { eventKey } from './videoEvent';
import type { VideoEvent } from './videoEvent';

/**
 * The item the trigger emits: `event`, the video record and `dedupe_key` (the same for every
 * delivery of one state of one video), plus the MP4 when asked. A failed download never loses the
 * event: the item says what failed and how to fetch the file later.
 */
export async function eventItem(context: TriggerContext, record: IDataObject, event: VideoEvent, settings: TriggerSettings): Promise<INodeExecutionData> {
	// `event` first for reading; set last so a record field of that name cannot hide it.
	const json: IDataObject = { event, ...record };
	json.event = event;
	json.dedupe_key = eventKey(String(record.video_id), event, record);
	if (!settings.download || event !== 'completed' || typeof record.url !== 'string' || !record.url) return { json };
	try {
		const data = await downloadResult(context, record.url, String(record.video_id), { maxBytes: settings.maxBytes });
		return { json, binary: { [settings.binaryProperty]: data } };
	} catch (error) {
		json.download_error = `The video is finished but its download failed (${(error as Error).message}). Download it with PixVerse > Video > Get, or from ${record.url}`;
		return { json };
	}
}
