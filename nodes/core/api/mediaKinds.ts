import type { IDataObject } from 'n8n-workflow';

import type { VideoRecord } from '../videoStatus';
import { VIDEO_STATUS_NAMES } from '../videoStatus';
import type { Endpoint } from './endpoints';

/**
 * What PixVerse makes, one declaration per kind: how its ids look, which endpoints read and start
 * it, how its records name their status and file. The generation runtime (batch, poll, callback,
 * lost-answer recovery, idempotency, download) reads jobs of every kind through these, so a new
 * kind is a row here, not a new loop.
 */
export type MediaKind = 'video' | 'image' | 'speech' | 'music';

export interface MediaKindDeclaration {
	/** What one is called in messages. */
	noun: string;
	/** The node's resource for it (Get Many with a replyRef filter finds its jobs). */
	resource: string;
	/** The field naming it in answers, records and callbacks. */
	idField: 'video_id' | 'image_id' | 'audio_id';
	/** How its ids end (`user:…-pixverse:…-image:123`); the video row matches any other id. */
	idSuffix?: RegExp;
	/** Endpoints that start one (the video row takes every other generation). */
	createdBy: Endpoint[];
	get: Endpoint;
	list: Endpoint;
	/** Where the API has one (useapi documents no DELETE for speech or music). */
	delete?: Endpoint;
	/** The prefix of its status fields: `image_status`, `image_status_name`, `image_status_final`. */
	statusPrefix: 'video' | 'image' | 'audio';
	statusNames: Record<number, string>;
	/** What GET's 404 means: still rendering (videos), or deleted or unknown (the rest answer 200 while they render). */
	notFound: 'rendering' | 'gone';
	/**
	 * Its file: the name stem (`pixverse-image-<n>`), the type assumed when the server names none,
	 * and how the form names it ("Download Image", "the finished image").
	 */
	file: { stem: string; mimeType: string; label: string; format: string };
	/** The list also holds other kinds (GET /music lists speech too): keep only these. */
	listKeeps?: (record: IDataObject) => boolean;
	/** The request field holding its text (compared when an Idempotency Key finds an earlier job). */
	promptField: 'prompt' | 'text';
}

const STATUS_NAMES: Record<number, string> = { 1: 'COMPLETED', 5: 'QUEUED', 7: 'MODERATED', 8: 'FAILED', 9: 'GENERATING', 10: 'PROCESSING' };
const AUDIO_STATUS_NAMES: Record<number, string> = { 1: 'COMPLETED', 5: 'QUEUED', 8: 'FAILED', 10: 'GENERATING' };

export const MEDIA_KINDS: Record<MediaKind, MediaKindDeclaration> = {
	video: {
		noun: 'video',
		resource: 'Video',
		idField: 'video_id',
		createdBy: [],
		get: 'getVideo',
		list: 'listVideos',
		delete: 'deleteVideo',
		statusPrefix: 'video',
		statusNames: VIDEO_STATUS_NAMES,
		notFound: 'rendering',
		file: { stem: 'pixverse-', mimeType: 'video/mp4', label: 'Video', format: 'MP4' },
		promptField: 'prompt',
	},
	image: {
		noun: 'image',
		resource: 'Image',
		idField: 'image_id',
		idSuffix: /-image:(\d+)$/,
		createdBy: ['createImage'],
		get: 'getImage',
		list: 'listImages',
		delete: 'deleteImage',
		statusPrefix: 'image',
		statusNames: STATUS_NAMES,
		notFound: 'gone',
		file: { stem: 'pixverse-image-', mimeType: 'image/webp', label: 'Image', format: 'image (WebP, PNG or JPEG, as PixVerse serves it)' },
		promptField: 'prompt',
	},
	speech: {
		noun: 'speech',
		resource: 'Speech',
		idField: 'audio_id',
		idSuffix: /-speech:(\d+)$/,
		createdBy: ['createSpeech'],
		get: 'getSpeech',
		list: 'listSpeech',
		statusPrefix: 'audio',
		statusNames: AUDIO_STATUS_NAMES,
		notFound: 'gone',
		file: { stem: 'pixverse-speech-', mimeType: 'audio/mpeg', label: 'Audio', format: 'audio (MP3, or WAV when PixVerse serves WAV)' },
		promptField: 'text',
	},
	music: {
		noun: 'music track',
		resource: 'Music',
		idField: 'audio_id',
		idSuffix: /-music:(\d+)$/,
		createdBy: ['createMusic'],
		get: 'getMusic',
		list: 'listMusic',
		statusPrefix: 'audio',
		statusNames: AUDIO_STATUS_NAMES,
		notFound: 'gone',
		file: { stem: 'pixverse-music-', mimeType: 'audio/mpeg', label: 'Audio', format: 'audio (MP3, or WAV when PixVerse serves WAV)' },
		listKeeps: (record) => record.create_mode === undefined || record.create_mode === 'music',
		promptField: 'prompt',
	},
};

const SUFFIXED = (Object.keys(MEDIA_KINDS) as MediaKind[]).filter((kind) => MEDIA_KINDS[kind].idSuffix);

/** "an image", "a speech", "a music track", for messages. */
export const withArticle = (noun: string): string => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** The kind of a job by its id (an image effect's still is an image). */
export function kindOfId(id: string): MediaKind {
	return SUFFIXED.find((kind) => MEDIA_KINDS[kind].idSuffix!.test(id)) ?? 'video';
}

/** The kind a generation endpoint makes. */
export function kindOfEndpoint(endpoint: Endpoint): MediaKind {
	return SUFFIXED.find((kind) => MEDIA_KINDS[kind].createdBy.includes(endpoint)) ?? 'video';
}

/** The number at the end of the id (`…-music:42` → 42), for file names. */
export function idNumber(id: string): string | undefined {
	return (MEDIA_KINDS[kindOfId(id)].idSuffix ?? /video:(\d+)$/).exec(id)?.[1];
}

/** The ids a create answer names: `video_id`, `image_id`, `audio_id`, or `success_ids` (image create). */
export function answeredIds(answer: IDataObject): string[] {
	const single = [answer.video_id, answer.image_id, answer.audio_id].find((value): value is string => typeof value === 'string' && value !== '');
	if (single) return [single];
	const many = Array.isArray(answer.success_ids) ? answer.success_ids : [];
	return many.filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * A record of any kind in the terms the runtime reads (`video_id`, `video_status_name`,
 * `video_status_final`, `url`), with every field of its own kept as useapi sent it
 * (`image_status_name`, `audio_id`, `image_url`, …) and `result_type` naming the kind.
 */
export function asResult(id: string, record: IDataObject): VideoRecord {
	const kind = kindOfId(id);
	if (kind === 'video') return { ...record, video_id: id };
	const { idField, statusPrefix, statusNames } = MEDIA_KINDS[kind];
	const status = record[`${statusPrefix}_status`];
	const givenName = record[`${statusPrefix}_status_name`];
	const name = typeof givenName === 'string' && givenName
		? givenName.toUpperCase()
		: typeof status === 'number' ? (statusNames[status] ?? `STATUS_${status}`) : 'PROCESSING';
	const givenFinal = record[`${statusPrefix}_status_final`];
	const result: VideoRecord = {
		...record,
		[idField]: id,
		video_id: id,
		result_type: kind,
		video_status_name: name,
		video_status_final: typeof givenFinal === 'boolean' ? givenFinal : ['COMPLETED', 'MODERATED', 'FAILED'].includes(name),
	};
	const url = record.image_url ?? record.url;
	if (typeof url === 'string' && url) result.url = url;
	return result;
}
