import { capabilityFor, durationsAt, findModel } from './index';
import type { SettingProblem } from './validate';
import { PROMPT_MAX_LENGTH } from './validate';

const MIN_TRANSITION_FRAMES = 2;

export interface FusionReferences {
	images: number;
	videos: number;
	audios: number;
}

/** A transition frame and the segment from it to the next frame (the last frame has none). */
export interface TransitionFrame {
	prompt?: string;
	duration?: number;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const secondsList = (values: number[]) =>
	values.length > 2 && values.every((value, index) => index === 0 || value === values[index - 1] + 1)
		? `${values[0]} to ${values[values.length - 1]} seconds`
		: `${values.join(', ')} seconds`;

/**
 * create-fusion: at least one reference image, and no more images, videos or audios than the
 * model takes (reference videos and audios only on models that take them at all).
 */
export function checkFusionReferences(modelId: string, counts: FusionReferences): SettingProblem[] {
	const row = findModel(modelId);
	if (!row?.operations.includes('createFusion')) return [];
	const model = capabilityFor(row, 'createFusion');
	const limits: Array<{ field: string; count: number; max: number; noun: string }> = [
		{ field: 'referenceImages', count: counts.images, max: model.maxImages ?? 1, noun: 'reference image' },
		{ field: 'referenceVideos', count: counts.videos, max: model.maxVideos ?? 0, noun: 'reference video' },
		{ field: 'referenceAudios', count: counts.audios, max: model.maxAudios ?? 0, noun: 'reference audio' },
	];
	const problems: SettingProblem[] = [];
	if (counts.images < 1) {
		problems.push({ field: 'referenceImages', value: 0, message: 'Fusion needs at least 1 reference image (referred to as @image1 in the prompt)' });
	}
	for (const { field, count, max, noun } of limits) {
		if (count <= max) continue;
		problems.push({
			field,
			value: plural(count, noun),
			message: max === 0
				? `Model "${model.id}" takes no ${noun}s; remove them or pick a model that does`
				: `Model "${model.id}" takes at most ${plural(max, noun)}; got ${count}`,
		});
	}
	return problems;
}

/**
 * create-transition: 2 up to the model's most frames, each segment's duration allowed by the
 * model at the chosen quality, each segment prompt within the prompt limit.
 */
export function checkTransitionFrames(modelId: string, quality: string | undefined, frames: TransitionFrame[]): SettingProblem[] {
	const row = findModel(modelId);
	if (!row?.operations.includes('createTransition')) return [];
	const model = capabilityFor(row, 'createTransition');
	const maxFrames = model.maxFrames ?? MIN_TRANSITION_FRAMES;
	const problems: SettingProblem[] = [];
	if (frames.length < MIN_TRANSITION_FRAMES || frames.length > maxFrames) {
		const allowed = maxFrames === MIN_TRANSITION_FRAMES ? 'exactly 2' : `2 to ${maxFrames}`;
		problems.push({ field: 'frames', value: plural(frames.length, 'frame'), message: `Model "${model.id}" makes a transition from ${allowed} frames; got ${frames.length}` });
		return problems;
	}
	const allowedDurations = durationsAt(model, quality ?? model.defaultQuality);
	frames.slice(0, -1).forEach((frame, index) => {
		const segment = `${index + 1} to ${index + 2}`;
		if (frame.duration !== undefined && !allowedDurations.includes(frame.duration)) {
			problems.push({
				field: 'frames',
				value: frame.duration,
				message: `Duration ${frame.duration} s of the segment from frame ${segment} is not available on model "${model.id}" at ${quality ?? model.defaultQuality}; allowed: ${secondsList(allowedDurations)}`,
			});
		}
		if (frame.prompt && frame.prompt.length > PROMPT_MAX_LENGTH) {
			problems.push({ field: 'frames', value: `${frame.prompt.length} characters`, message: `The prompt of the segment from frame ${segment} is ${frame.prompt.length} characters long; the maximum is ${PROMPT_MAX_LENGTH}` });
		}
	});
	return problems;
}
