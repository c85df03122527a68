import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import { catalogEntries, fetchCatalog, firstValue } from './catalogEntries';

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

export function readVoices(body: unknown): Voice[] {
	return catalogEntries(body, 'voices').map(readVoice).filter((voice): voice is Voice => voice !== undefined);
}

/** The voices lip sync can speak text-to-speech in (GET /videos/voices). */
export async function fetchVoices(context: PixverseContext, email?: string, itemIndex?: number): Promise<Voice[]> {
	return readVoices(await fetchCatalog(context, '/videos/voices', 'the voices catalog', email, itemIndex));
}
