import { generationCost } from '../credits';
import { DEFAULT_MODEL, durationsFor, qualitiesFor } from '../models';
import type { Uploads } from '../state/uploads';
import { MAX_PROMPT, readAudio, readEnvelope, readModel, readNativeFlags, type GenerationRequest } from './common';
import { describeNumbers, Fields, invalid } from './fields';
import { readNumberedUploads } from './numberedInputs';
import { refuseFields } from './sourceVideo';

const DEFAULT_SEGMENT_SECONDS = 5;
const SEGMENT_FIELD = /^(prompt|duration)_(\d+)_to_(\d+)$/;

/**
 * POST /videos/create-transition (section 5.3): frame_1_path … frame_N_path (2 up to the model's
 * limit), and per segment between consecutive frames `prompt_i_to_j` and `duration_i_to_j`
 * (numeric strings in useapi's examples; numbers are read too). The video lasts the sum of the segments.
 */
export function validateCreateTransition(body: Record<string, unknown>, uploads: Uploads): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const { model, rule } = readModel(fields, 'create-transition', DEFAULT_MODEL['create-transition']);
	refuseFields(fields, ['aspect_ratio', 'multi_shot', 'template_id', 'first_frame_path', 'last_frame_path', 'prompt', 'duration'], 'create-transition');
	const maxFrames = rule.transitionMaxFrames ?? 2;
	const frames = readNumberedUploads(fields, uploads, 'frame', 'image', maxFrames, `model ${model} on /videos/create-transition`);
	const frameCount = Object.keys(frames).length;
	if (frameCount < 2) throw invalid('frame_1_path and frame_2_path are required: a transition needs at least 2 uploaded frames');

	const qualities = qualitiesFor(rule, 'create-transition');
	const quality = fields.oneOf('quality', qualities, `quality for model ${model}`) ?? rule.defaultQuality;
	const allowed = durationsFor(rule, quality, 'create-transition');

	for (const name of Object.keys(body)) {
		const match = SEGMENT_FIELD.exec(name);
		if (!match || !fields.has(name)) continue;
		const [from, to] = [Number(match[2]), Number(match[3])];
		if (to !== from + 1 || from < 1 || to > frameCount) {
			throw invalid(`${name} does not name a segment between consecutive frames of this request (frames 1 to ${frameCount})`);
		}
	}
	const prompts: string[] = [];
	let seconds = 0;
	for (let from = 1; from < frameCount; from++) {
		const segment = `${from}_to_${from + 1}`;
		const duration = fields.integer(`duration_${segment}`, 1, Number.MAX_SAFE_INTEGER) ?? DEFAULT_SEGMENT_SECONDS;
		if (!allowed.includes(duration)) {
			throw invalid(`duration_${segment} ${duration} is not allowed for model ${model} at ${quality}; allowed seconds: ${describeNumbers(allowed)}`);
		}
		seconds += duration;
		prompts.push(fields.string(`prompt_${segment}`, MAX_PROMPT) ?? '');
	}

	const flags = readNativeFlags(fields, model, rule);
	const audio = readAudio(fields, model, rule);
	return {
		...envelope,
		texts: prompts,
		draft: {
			endpoint: 'create-transition',
			model,
			prompt: prompts.filter(Boolean).join(' / '),
			quality,
			duration: seconds,
			videoDuration: seconds,
			aspectRatio: '16:9',
			seed: flags.seed,
			offPeak: flags.offPeak,
			preview: flags.preview,
			audio,
			cost: generationCost(rule, quality, seconds, flags),
			inputs: frames,
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
