import { capabilityFor, durationsAt, findModel, modelsFor } from './index';
import type { ModelOperation, OperationCapability } from './schema';

/** What the user asked for, in the node's terms, before it becomes a request body. */
export interface VideoSettings {
	model: string;
	prompt?: string;
	hasImage: boolean;
	quality?: string;
	duration?: number;
	aspectRatio?: string;
	audio?: boolean;
	multiShot?: boolean;
	previewMode?: boolean;
	offPeakMode?: boolean;
	seed?: number;
}

export interface SettingProblem {
	/** The node parameter's name, e.g. `quality`. */
	field: string;
	value: unknown;
	message: string;
}

export const PROMPT_MAX_LENGTH = 5000;
export const SEED_MAX = 2147483647;
/** useapi.net's limit for replyUrl and replyRef. */
export const REPLY_FIELD_MAX_LENGTH = 1024;

/** "1 to 10 seconds", or "4, 6, 8 seconds" when the durations skip values. */
export const formatDurations = (seconds: number[]): string => {
	const contiguous = seconds.every((value, index) => index === 0 || value === seconds[index - 1] + 1);
	return contiguous && seconds.length > 2
		? `${seconds[0]} to ${seconds[seconds.length - 1]} seconds`
		: `${seconds.join(', ')} seconds`;
};

const listOf = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(', ');

function unsupportedFlag(
	operation: ModelOperation,
	model: OperationCapability,
	field: string,
	label: string,
	value: unknown,
	supporters: (candidate: OperationCapability) => boolean,
): SettingProblem {
	const models = modelsFor(operation).filter(supporters).map((candidate) => candidate.id);
	return {
		field,
		value,
		message: `${label} is not available on model "${model.id}"; it works only with ${listOf(models)}`,
	};
}

/**
 * Checks a generation against the capability table. Returns every problem found, each naming the
 * field, the value and what is allowed, so nothing is sent (and nothing charged) for a request the
 * API would reject.
 */
export function checkVideoSettings(operation: ModelOperation, settings: VideoSettings): SettingProblem[] {
	const row = findModel(settings.model);
	if (!row || !row.operations.includes(operation)) {
		return [
			{
				field: 'model',
				value: settings.model,
				message: `Model "${settings.model}" cannot be used here; allowed models: ${listOf(modelsFor(operation).map((m) => m.id))}`,
			},
		];
	}

	const model = capabilityFor(row, operation);
	const problems: SettingProblem[] = [];
	const add = (field: string, value: unknown, message: string) => problems.push({ field, value, message });

	if (settings.prompt !== undefined && settings.prompt.length > PROMPT_MAX_LENGTH) {
		add('prompt', `${settings.prompt.length} characters`, `Prompt is ${settings.prompt.length} characters long; the maximum is ${PROMPT_MAX_LENGTH}`);
	}
	if (model.requiresImage && !settings.hasImage) {
		add('imageSource', 'none', `Model "${model.id}" makes videos from an image only; set Input Image to a binary property or an uploaded path`);
	}

	const quality = settings.quality ?? model.defaultQuality;
	if (!(model.qualities as string[]).includes(quality)) {
		add('quality', quality, `Quality "${quality}" is not available on model "${model.id}"; allowed: ${listOf(model.qualities)}`);
	} else if (settings.duration !== undefined) {
		const allowed = durationsAt(model, quality);
		if (!allowed.includes(settings.duration)) {
			const atQuality = allowed.length < model.durations.length ? ` at ${quality}` : '';
			add('duration', settings.duration, `Duration ${settings.duration} s is not available on model "${model.id}"${atQuality}; allowed: ${formatDurations(allowed)}`);
		}
	}

	if (settings.aspectRatio) {
		if (settings.hasImage) {
			add('aspectRatio', settings.aspectRatio, 'Aspect Ratio cannot be set with an input image: the video takes the aspect ratio of the image');
		} else if (!(model.aspectRatios as string[]).includes(settings.aspectRatio)) {
			add('aspectRatio', settings.aspectRatio, `Aspect Ratio "${settings.aspectRatio}" is not available on model "${model.id}"; allowed: ${listOf(model.aspectRatios)}`);
		}
	}

	if (settings.audio !== undefined && model.audio !== 'toggle') {
		add('audio', settings.audio, model.audio === 'always'
			? `Model "${model.id}" always generates audio and rejects the audio switch; leave Generate Audio unset`
			: `Model "${model.id}" has no audio switch here; audio is available on ${listOf(modelsFor(operation).filter((m) => m.audio === 'toggle').map((m) => m.id))}`);
	}
	if (settings.multiShot && !model.multiShot) {
		problems.push(unsupportedFlag(operation, model, 'multiShot', 'Multi-Shot', true, (m) => m.multiShot));
	}
	if (settings.previewMode && !model.previewMode) {
		problems.push(unsupportedFlag(operation, model, 'previewMode', 'Preview Mode', true, (m) => m.previewMode));
	}
	if (settings.offPeakMode && !model.offPeakMode) {
		problems.push(unsupportedFlag(operation, model, 'offPeakMode', 'Off-Peak Mode', true, (m) => m.offPeakMode));
	}
	if (settings.seed !== undefined) {
		if (!model.seed) {
			problems.push(unsupportedFlag(operation, model, 'seed', 'Seed', settings.seed, (m) => m.seed));
		} else if (!Number.isInteger(settings.seed) || settings.seed < 1 || settings.seed > SEED_MAX) {
			add('seed', settings.seed, `Seed ${settings.seed} is out of range; use a whole number from 1 to ${SEED_MAX}, or 0 for random`);
		}
	}
	return problems;
}
