import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import { defaultAccount } from './accounts';
import type { CallOptions, Endpoint } from './endpoints';
import { callEndpoint, listAnswer, listIn } from './endpoints';

/**
 * PixVerse's catalogs: effect templates, lip-sync voices, restyle presets. useapi documents
 * GET /videos/effects as `{items: [...]}` but not the shapes of /videos/voices and
 * /videos/restyles, so a bare array and the usual wrappers are read too (voices also come as
 * `{tts_list: [...]}`). An answer with no list is an error naming the endpoint.
 */
const LIST_KEYS = ['items', 'data', 'list', 'result'];

/** The entries of a catalog answer; undefined when it holds no list. */
export function catalogEntries(body: unknown, ...wrappers: string[]): IDataObject[] | undefined {
	return listIn(body, [...LIST_KEYS, ...wrappers]);
}

/** The first of `keys` an entry has as a non-empty string or number. */
function firstValue(entry: IDataObject, keys: string[]): string | number | undefined {
	for (const key of keys) {
		const value = entry[key];
		if ((typeof value === 'string' && value.trim()) || (typeof value === 'number' && Number.isFinite(value))) return value;
	}
	return undefined;
}

/** Catalogs already fetched by a running execution (or editor request), by endpoint and account. */
const fetched = new WeakMap<object, Map<string, Promise<IDataObject[]>>>();

/**
 * GETs a catalog once per execution and account: every item of a run reads the same one. useapi
 * needs `email` once several accounts are configured; catalogs are PixVerse's own, so without
 * one the first configured account is asked.
 */
async function fetchCatalog(
	context: PixverseContext,
	endpoint: Endpoint,
	wrappers: string[],
	what: string,
	email: string | undefined,
	options: CallOptions,
	query: Record<string, string> = {},
): Promise<IDataObject[]> {
	const cache = fetched.get(context) ?? new Map<string, Promise<IDataObject[]>>();
	fetched.set(context, cache);
	const key = `${endpoint} ${email ?? ''} ${JSON.stringify(query)}`;
	let catalog = cache.get(key);
	if (!catalog) {
		catalog = (async () => {
			const account = email || (await defaultAccount(context));
			const response = await callEndpoint(context, endpoint, { ...options, qs: { ...(account ? { email: account } : {}), ...query }, what });
			return listAnswer(context, endpoint, response.body, [...LIST_KEYS, ...wrappers], options.itemIndex);
		})();
		cache.set(key, catalog);
		// A failed fetch is not kept, so the next item (or the next keystroke) asks again.
		catalog.catch(() => cache.delete(key));
	}
	return await catalog;
}

/** One template of GET /videos/effects (useapi passes PixVerse's fields through; only these are read). */
export interface Effect extends IDataObject {
	template_id: number | string;
	display_name: string;
	/** "1".."5": how many input images; above "2" the template takes 2 up to that many. */
	effect_type: string;
	/** 1 = video; 2 = a one-second still, answered with `image_id` instead of `video_id`. */
	template_type: number;
	template_model?: string;
	duration?: number;
	/** The closed list of qualities the template accepts; the first is its default. */
	qualities: string[];
	video_base_cost?: number;
	fixed_cost?: number;
}

function readEffect(raw: IDataObject): Effect {
	return {
		...raw,
		template_id: raw.template_id as number | string,
		display_name: typeof raw.display_name === 'string' ? raw.display_name : String(raw.template_id),
		effect_type: raw.effect_type === undefined || raw.effect_type === null || raw.effect_type === '' ? '1' : String(raw.effect_type),
		template_type: Number(raw.template_type ?? 1) || 1,
		qualities: Array.isArray(raw.qualities) ? raw.qualities.map(String) : [],
	};
}

/** The effect templates (GET /videos/effects). */
export async function fetchEffects(context: PixverseContext, email?: string, options: CallOptions = {}): Promise<Effect[]> {
	return (await fetchCatalog(context, 'listEffects', [], 'the effects catalog', email, options)).map(readEffect);
}

/** A lip-sync voice of GET /videos/voices, with every field useapi sends kept in `entry`. */
export interface Voice {
	speakerId: string;
	name: string;
	entry: IDataObject;
}

/** Reads one entry; the documented key is `speaker_id`, the others are tolerated spellings. */
export function readVoice(entry: IDataObject): Voice | undefined {
	const speakerId = firstValue(entry, ['speaker_id', 'speakerId', 'voice_id', 'id']);
	if (speakerId === undefined) return undefined;
	const name = firstValue(entry, ['name', 'display_name', 'speaker_name', 'voice_name', 'title']) ?? speakerId;
	return { speakerId: String(speakerId), name: String(name), entry };
}

export const VOICE_WRAPPERS = ['tts_list', 'voices'];

/** The voices lip sync can speak text-to-speech in (GET /videos/voices). */
export async function fetchVoices(context: PixverseContext, email?: string, options: CallOptions = {}): Promise<Voice[]> {
	const entries = await fetchCatalog(context, 'listVoices', VOICE_WRAPPERS, 'the voices catalog', email, options);
	return entries.map(readVoice).filter((voice): voice is Voice => voice !== undefined);
}

/** A restyle preset of GET /videos/restyles, with every field useapi sends kept in `entry`. */
export interface Restyle {
	restyleId: string | number;
	name: string;
	entry: IDataObject;
}

/** Reads one entry; the documented key is `restyle_id`, the others are tolerated spellings. */
export function readRestyle(entry: IDataObject): Restyle | undefined {
	const restyleId = firstValue(entry, ['restyle_id', 'restyleId', 'style_id', 'id']);
	if (restyleId === undefined) return undefined;
	const name = firstValue(entry, ['name', 'display_name', 'title', 'style_name', 'prompt']) ?? restyleId;
	return { restyleId, name: String(name), entry };
}

export const RESTYLE_WRAPPERS = ['restyles', 'styles'];

/** The styles Restyle can redraw a video in (GET /videos/restyles). */
export async function fetchRestyles(context: PixverseContext, email?: string, options: CallOptions = {}): Promise<Restyle[]> {
	const entries = await fetchCatalog(context, 'listRestyles', RESTYLE_WRAPPERS, 'the restyles catalog', email, options);
	return entries.map(readRestyle).filter((restyle): restyle is Restyle => restyle !== undefined);
}

/** A text-to-speech voice of GET /speech/voices, with every field useapi sends kept in `entry`. */
export interface SpeechVoice {
	voiceId: string;
	name: string;
	entry: IDataObject;
}

export function readSpeechVoice(entry: IDataObject): SpeechVoice | undefined {
	const voiceId = firstValue(entry, ['voice_id', 'voiceId', 'id']);
	if (voiceId === undefined) return undefined;
	const name = firstValue(entry, ['display_name', 'name', 'voice_name']) ?? voiceId;
	return { voiceId: String(voiceId), name: String(name), entry };
}

/** The voices a speech model speaks in (GET /speech/voices; the model decides the provider), optionally those recommended for a language. */
export async function fetchSpeechVoices(context: PixverseContext, filter: { email?: string; model?: string; language?: string }, options: CallOptions = {}): Promise<SpeechVoice[]> {
	const query = { ...(filter.model ? { model: filter.model } : {}), ...(filter.language ? { language: filter.language } : {}) };
	const entries = await fetchCatalog(context, 'listSpeechVoices', ['voices'], 'the speech voices catalog', filter.email, options, query);
	return entries.map(readSpeechVoice).filter((voice): voice is SpeechVoice => voice !== undefined);
}
