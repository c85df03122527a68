import type { IDataObject, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { maxDownloadBytes } from '../core/binaryPropertyField';
import type { MediaKind } from '../core/api/mediaKinds';
import { kindOfId } from '../core/api/mediaKinds';
import { replyRefMatches } from '../core/videoStatus';
import type { FinalEvent, VideoEvent } from './videoEvent';

export type TriggerContext = IWebhookFunctions | IPollFunctions;

export interface TriggerSettings {
	statuses: FinalEvent[];
	includeProgress: boolean;
	models: string[];
	/** What kinds of results start the workflow (none chosen: every kind). */
	kinds: MediaKind[];
	replyRef: string;
	/** Webhook mode: read the video from the API instead of trusting the callback body. */
	fetchRecord: boolean;
	download: boolean;
	binaryProperty: string;
	maxBytes?: number;
}

export function readTriggerSettings(context: TriggerContext): TriggerSettings {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const download = options.download === true;
	return {
		statuses: context.getNodeParameter('statuses', ['completed', 'failed', 'moderated']) as FinalEvent[],
		includeProgress: options.includeProgress === true,
		models: Array.isArray(filters.models) ? (filters.models as string[]) : [],
		kinds: Array.isArray(filters.kinds) ? (filters.kinds as MediaKind[]) : [],
		replyRef: typeof filters.replyRef === 'string' ? filters.replyRef : '',
		fetchRecord: options.fetchRecord === true,
		download,
		binaryProperty: download && typeof options.binaryProperty === 'string' && options.binaryProperty ? options.binaryProperty : 'data',
		maxBytes: download ? maxDownloadBytes(options.maxDownloadSize) : undefined,
	};
}

/** Whether the trigger starts the workflow for this event, by status, kind, model and reference. */
export function wantsEvent(settings: TriggerSettings, event: VideoEvent, record: IDataObject): boolean {
	if (event === 'progress' ? !settings.includeProgress : !settings.statuses.includes(event)) return false;
	if (settings.kinds.length && !settings.kinds.includes(kindOfId(String(record.video_id ?? '')))) return false;
	if (settings.models.length && !settings.models.includes(String(record.model ?? ''))) return false;
	if (settings.replyRef && !replyRefMatches(record, settings.replyRef)) return false;
	return true;
}
