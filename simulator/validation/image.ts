import { DEFAULT_IMAGE_MODEL, DETAIL_LEVELS, IMAGE_MODELS, MAX_CREATE_COUNT } from '../mediaModels';
import type { Uploads } from '../state/uploads';
import { MAX_SEED, randomSeed, readEnvelope, readPrompt, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { readNumberedUploads } from './numberedInputs';

/** POST /images/create: text-to-image, or image-to-image with image_path_1 … image_path_N. */
export function validateImageCreate(body: Record<string, unknown>, uploads: Uploads): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const model = fields.oneOf('model', Object.keys(IMAGE_MODELS), 'model for /images/create') ?? DEFAULT_IMAGE_MODEL;
	const rule = IMAGE_MODELS[model];
	const quality = fields.oneOf('quality', rule.qualities, `quality for model ${model}`) ?? rule.defaultQuality;
	const aspectRatio = fields.oneOf('aspect_ratio', rule.aspectRatios, `aspect_ratio for model ${model}`) ?? rule.defaultAspectRatio;
	if (fields.has('detail_level') && !rule.detailLevel) {
		const owners = Object.keys(IMAGE_MODELS).filter((name) => IMAGE_MODELS[name].detailLevel);
		throw invalid(`detail_level is not supported by model ${model}; models that accept it: ${owners.join(', ')}`);
	}
	const detailLevel = fields.oneOf('detail_level', Object.keys(DETAIL_LEVELS));
	if (rule.detailLevel && detailLevel === undefined) throw invalid(`detail_level is required for model ${model}: ${Object.keys(DETAIL_LEVELS).join(', ')}`);
	const count = fields.integer('create_count', 1, MAX_CREATE_COUNT) ?? 1;
	const seed = fields.integer('seed', 0, MAX_SEED) ?? randomSeed();
	const images = readNumberedUploads(fields, uploads, 'image', 'image', rule.maxImages, `model ${model}`);
	const prompt = readPrompt(fields, 'for /images/create');

	return {
		...envelope,
		count,
		texts: [prompt],
		draft: {
			endpoint: 'images/create',
			kind: 'image',
			model,
			prompt,
			quality,
			duration: 0,
			videoDuration: 0,
			aspectRatio,
			seed,
			offPeak: false,
			preview: false,
			cost: Math.ceil(rule.credits[quality] * (detailLevel ? DETAIL_LEVELS[detailLevel] : 1)),
			inputs: images,
			details: {
				create_mode: Object.keys(images).length > 0 ? 'i2i' : 't2i',
				...(detailLevel ? { detail_level: detailLevel } : {}),
			},
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
