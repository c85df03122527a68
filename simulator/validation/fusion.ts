import { generationCost } from '../credits';
import { DEFAULT_MODEL, MODELS } from '../models';
import type { Uploads } from '../state/uploads';
import { readEnvelope, readModel, readNativeFlags, readPrompt, readQualityAndDuration, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { readNumberedUploads } from './numberedInputs';
import { refuseFields } from './sourceVideo';

const owners = (key: 'fusionMaxVideos' | 'fusionMaxAudios') => Object.keys(MODELS).filter((name) => (MODELS[name][key] ?? 0) > 0);

/**
 * POST /videos/create-fusion (section 5.4): reference images frame_1_path … (the prompt's @image1 …),
 * and on the models that take them reference videos video_N_path and audios audio_N_path; a prompt
 * is required. Fusion takes no audio, preview or multi-shot switch.
 */
export function validateCreateFusion(body: Record<string, unknown>, uploads: Uploads): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const { model, rule } = readModel(fields, 'create-fusion', DEFAULT_MODEL['create-fusion']);
	refuseFields(fields, ['first_frame_path', 'last_frame_path', 'template_id', 'audio', 'preview_mode', 'multi_shot'], 'create-fusion');
	const owner = `model ${model} on /videos/create-fusion`;
	const images = readNumberedUploads(fields, uploads, 'frame', 'image', rule.fusionMaxImages ?? 1, owner);
	if (Object.keys(images).length === 0) throw invalid('frame_1_path is required: fusion needs at least one uploaded reference image (@image1)');
	const maxVideos = rule.fusionMaxVideos ?? 0;
	const maxAudios = rule.fusionMaxAudios ?? 0;
	const videos = readNumberedUploads(fields, uploads, 'video', 'video', maxVideos, maxVideos ? owner : `${owner} (reference videos: ${owners('fusionMaxVideos').join(', ')})`);
	const audios = readNumberedUploads(fields, uploads, 'audio', 'audio', maxAudios, maxAudios ? owner : `${owner} (reference audios: ${owners('fusionMaxAudios').join(', ')})`);
	const prompt = readPrompt(fields, 'for /videos/create-fusion (refer to the images as @image1, @image2 …)');
	const aspectRatio =
		fields.oneOf('aspect_ratio', rule.aspectRatios, `aspect_ratio for model ${model}`) ??
		(rule.aspectRatios.includes('16:9') ? '16:9' : rule.aspectRatios[0]);
	const { quality, duration } = readQualityAndDuration(fields, model, rule, 'create-fusion');
	const flags = readNativeFlags(fields, model, rule);
	return {
		...envelope,
		texts: [prompt],
		draft: {
			endpoint: 'create-fusion',
			model,
			prompt,
			quality,
			duration,
			videoDuration: duration,
			aspectRatio,
			seed: flags.seed,
			offPeak: flags.offPeak,
			preview: false,
			cost: generationCost(rule, quality, duration, flags),
			inputs: { ...images, ...videos, ...audios },
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
