import type { UploadKind, Uploads } from '../state/uploads';
import { readUpload } from './common';
import { Fields, invalid } from './fields';

/** Highest number looked at for `<prefix>_N_path` fields; anything above a model's limit is refused. */
const HIGHEST = 20;

/** Video endpoints number in the middle (`frame_1_path`); image, music and the like at the end (`image_path_1`). */
const fieldName = (prefix: string, number: number): string =>
	prefix === 'image' ? `image_path_${number}` : `${prefix}_${number}_path`;

/**
 * Uploaded inputs numbered from 1 (`frame_1_path`, `frame_2_path`, … or `image_path_1`, …), in
 * order, without gaps, at most `max` of them. Returns the paths by field name.
 */
export function readNumberedUploads(
	fields: Fields,
	uploads: Uploads,
	prefix: 'frame' | 'video' | 'audio' | 'image',
	kind: UploadKind,
	max: number,
	owner: string,
): Record<string, string> {
	const names = Array.from({ length: HIGHEST }, (_, index) => fieldName(prefix, index + 1));
	const sent = fields.present(names);
	const gap = sent.find((name) => !fields.has(names[names.indexOf(name) - 1] ?? name));
	if (gap) throw invalid(`${gap} is set but ${names[names.indexOf(gap) - 1]} is not: number the ${prefix}s from 1 without gaps`);
	if (sent.length > max) {
		throw invalid(max === 0
			? `${sent.join(', ')} ${sent.length === 1 ? 'is' : 'are'} not accepted by ${owner}`
			: `${owner} takes at most ${max} ${prefix}s (${fieldName(prefix, 1)} … ${fieldName(prefix, max)}), got ${sent.length}`);
	}
	const paths: Record<string, string> = {};
	for (const name of sent) paths[name] = readUpload(fields, uploads, name, kind) as string;
	return paths;
}
