import type { IDataObject } from 'n8n-workflow';

import type { PixverseContext } from '../transport/request';
import { catalogEntries, fetchCatalog, firstValue } from './catalogEntries';

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

export function readRestyles(body: unknown): Restyle[] {
	return catalogEntries(body, 'restyles', 'styles').map(readRestyle).filter((restyle): restyle is Restyle => restyle !== undefined);
}

/** The styles Restyle can redraw a video in (GET /videos/restyles). */
export async function fetchRestyles(context: PixverseContext, email?: string, itemIndex?: number): Promise<Restyle[]> {
	return readRestyles(await fetchCatalog(context, '/videos/restyles', 'the restyles catalog', email, itemIndex));
}
