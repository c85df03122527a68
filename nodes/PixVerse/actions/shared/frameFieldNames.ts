/**
 * Body field names for numbered inputs. useapi has two spellings for input images on create:
 * first/last_frame_path for one or two images, frame_N_path for more; they must not be mixed.
 */

/** `frame_1_path`, `frame_2_path`, … (also `video_1_path`, `audio_1_path` with another prefix). */
export function numberedFields(prefix: 'frame' | 'video' | 'audio', count: number): string[] {
	return Array.from({ length: count }, (_, index) => `${prefix}_${index + 1}_path`);
}

/** Effect template images: 1 → first_frame_path, 2 → first/last_frame_path, more → frame_1..N_path. */
export function effectImageFields(count: number): string[] {
	if (count === 1) return ['first_frame_path'];
	if (count === 2) return ['first_frame_path', 'last_frame_path'];
	return numberedFields('frame', count);
}

/** create-transition segments between consecutive frames: prompt_1_to_2 / duration_1_to_2, … */
export function segmentFields(frameCount: number): Array<{ prompt: string; duration: string }> {
	return Array.from({ length: Math.max(0, frameCount - 1) }, (_, index) => ({
		prompt: `prompt_${index + 1}_to_${index + 2}`,
		duration: `duration_${index + 1}_to_${index + 2}`,
	}));
}
