import { generationCost } from '../credits';
import { DEFAULT_MODEL } from '../models';
import type { Uploads } from '../state/uploads';
import { readAudio, readEnvelope, readModel, readNativeFlags, readPrompt, readQualityAndDuration, readUpload, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { refuseFields } from './sourceVideo';

/**
 * POST /videos/create-frames (section 5.2): a video from first_frame_path to last_frame_path.
 * The images decide the shape, so aspect_ratio is refused; multi_shot is a create-only switch.
 */
export function validateCreateFrames(body: Record<string, unknown>, uploads: Uploads): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const { model, rule } = readModel(fields, 'create-frames', DEFAULT_MODEL['create-frames']);
	refuseFields(fields, ['aspect_ratio', 'multi_shot', 'template_id', 'frame_1_path', 'frame_2_path'], 'create-frames');
	const first = readUpload(fields, uploads, 'first_frame_path', 'image');
	const last = readUpload(fields, uploads, 'last_frame_path', 'image');
	if (first === undefined || last === undefined) {
		throw invalid(`${first === undefined ? 'first_frame_path' : 'last_frame_path'} is required: /videos/create-frames goes from an uploaded first frame to an uploaded last frame`);
	}
	const { quality, duration } = readQualityAndDuration(fields, model, rule, 'create-frames');
	const flags = readNativeFlags(fields, model, rule);
	const audio = readAudio(fields, model, rule);
	const prompt = readPrompt(fields, false);
	return {
		...envelope,
		texts: [prompt],
		draft: {
			endpoint: 'create-frames',
			model,
			prompt,
			quality,
			duration,
			videoDuration: duration,
			aspectRatio: '16:9',
			seed: flags.seed,
			offPeak: flags.offPeak,
			preview: flags.preview,
			audio,
			cost: generationCost(rule, quality, duration, flags),
			inputs: { first_frame_path: first, last_frame_path: last },
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
