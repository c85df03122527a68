import type { UploadKind, Uploads } from '../state/uploads';
import { readUpload } from './common';
import { Fields, invalid } from './fields';

/** Highest number looked at for `<prefix>_N_path` fields; anything above a model's limit is refused. */
const HIGHEST = 20;

/**
 * Uploaded inputs numbered from 1 (`frame_1_path`, `frame_2_path`, …), in order, without gaps, at
 * most `max` of them. Returns the paths by field name.
 */
export function readNumberedUploads(
	fields: Fields,
	uploads: Uploads,
	prefix: 'frame' | 'video' | 'audio' | 'image',
	kind: UploadKind,
	max: number,
	owner: string,
): Record<string, string> {
	const names = Array.from({ length: HIGHEST }, (_, index) => `${prefix}_${index + 1}_path`);
	const sent = fields.present(names);
	const gap = sent.find((name) => !fields.has(names[names.indexOf(name) - 1] ?? name));
	if (gap) throw invalid(`${gap} is set but ${names[names.indexOf(gap) - 1]} is not: number the ${prefix}s from 1 without gaps`);
	if (sent.length > max) {
		throw invalid(max === 0
			? `${sent.join(', ')} ${sent.length === 1 ? 'is' : 'are'} not accepted by ${owner}`
			: `${owner} takes at most ${max} ${prefix}s (${prefix}_1_path … ${prefix}_${max}_path), got ${sent.length}`);
	}
	const paths: Record<string, string> = {};
	for (const name of sent) paths[name] = readUpload(fields, uploads, name, kind) as string;
	return paths;
}
