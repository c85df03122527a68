import { findEffect, type EffectTemplate } from '../catalogs';
import { generationCost } from '../credits';
import { DEFAULT_MODEL, MODELS } from '../models';
import type { Uploads } from '../state/uploads';
import {
	readAudio,
	readEnvelope,
	readModel,
	readNativeFlags,
	readPrompt,
	readQualityAndDuration,
	readUpload,
	type GenerationRequest,
} from './common';
import { Fields, invalid } from './fields';

const FIRST_LAST = ['first_frame_path', 'last_frame_path'];
const FRAME_FIELDS = ['frame_1_path', 'frame_2_path', 'frame_3_path', 'frame_4_path', 'frame_5_path'];
const LEGACY_AUDIO_TEXTS = ['lip_sync_tts_prompt', 'sound_effect_prompt'];

/** POST /videos/create: text-to-video, image-to-video, or an effect template. */
export function validateCreate(body: Record<string, unknown>, uploads: Uploads): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const images = readImages(fields, uploads);
	const templateId = fields.integer('template_id', 1, Number.MAX_SAFE_INTEGER);
	const texts = [fields.string('prompt') ?? '', ...LEGACY_AUDIO_TEXTS.map((name) => fields.string(name) ?? '')];
	if (templateId !== undefined) {
		return { ...envelope, texts, draft: { ...templateDraft(fields, templateId, images), replyUrl: envelope.replyUrl, replyRef: envelope.replyRef } };
	}

	const { model, rule } = readModel(fields, 'create', DEFAULT_MODEL.create);
	const imageCount = Object.keys(images).length;
	if (imageCount > 1) {
		throw invalid(
			`${Object.keys(images).slice(1).join(', ')} only apply to multi-image templates (template_id); ` +
				'for a first and last frame video use /videos/create-frames',
		);
	}
	if (rule.requiresImage && imageCount === 0) {
		throw invalid(`model ${model} is image-to-video only: first_frame_path is required`);
	}
	if (imageCount > 0 && fields.has('aspect_ratio')) {
		throw invalid('aspect_ratio must not be set together with first_frame_path: the input image decides it');
	}
	const aspectRatio =
		fields.oneOf('aspect_ratio', rule.aspectRatios, `aspect_ratio for model ${model}`) ??
		(imageCount === 0 && rule.aspectRatios.includes('16:9') ? '16:9' : rule.aspectRatios[0]);
	const { quality, duration } = readQualityAndDuration(fields, model, rule, 'create');
	const flags = readNativeFlags(fields, model, rule);
	if (flags.multiShot !== undefined && model !== 'v6') throw invalid(`multi_shot is only available on model v6`);
	const audio = readAudio(fields, model, rule);
	const prompt = readPrompt(fields, imageCount === 0 ? 'for text-to-video (no first_frame_path and no template_id)' : false);

	return {
		...envelope,
		texts,
		draft: {
			endpoint: 'create',
			model,
			prompt,
			quality,
			duration,
			videoDuration: duration,
			aspectRatio,
			seed: flags.seed,
			offPeak: flags.offPeak,
			preview: flags.preview,
			multiShot: flags.multiShot,
			audio,
			cost: generationCost(rule, quality, duration, flags),
			inputs: images,
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}

/** Input images by field; frame_N_path and first/last_frame_path are two spellings that must not be mixed. */
function readImages(fields: Fields, uploads: Uploads): Record<string, string> {
	const firstLast = fields.present(FIRST_LAST);
	const frames = fields.present(FRAME_FIELDS);
	if (firstLast.length > 0 && frames.length > 0) {
		throw invalid(`${frames.join(', ')} cannot be combined with ${firstLast.join(', ')}: use one naming or the other`);
	}
	const images: Record<string, string> = {};
	for (const name of [...firstLast, ...frames]) images[name] = readUpload(fields, uploads, name, 'image') as string;
	return images;
}

function templateDraft(
	fields: Fields,
	templateId: number,
	images: Record<string, string>,
): Omit<GenerationRequest['draft'], 'replyUrl' | 'replyRef'> {
	const effect = findEffect(templateId);
	if (!effect) throw invalid(`template_id ${templateId} was not found: pick one from GET /videos/effects`);
	if (fields.has('model')) throw invalid('model must not be sent with template_id: the template decides the model');
	checkTemplateImages(effect, Object.keys(images).length);
	const quality = fields.oneOf('quality', effect.qualities, `quality for template ${templateId}`) ?? effect.qualities[0];
	// Image engines (image_v6, qwen-image, …) have no video model rule and take no native flags.
	const rule = MODELS[effect.template_model] ?? { ...MODELS.v6, flags: [] };
	const flags = readNativeFlags(fields, effect.template_model, rule);
	return {
		endpoint: 'create',
		kind: effect.template_type === 2 ? 'image' : 'video',
		model: effect.template_model,
		prompt: fields.string('prompt') ?? effect.display_prompt,
		quality,
		duration: effect.duration,
		videoDuration: effect.duration,
		aspectRatio: '16:9',
		seed: flags.seed,
		offPeak: flags.offPeak,
		preview: flags.preview,
		cost: effect.video_base_cost + effect.fixed_cost,
		templateId,
		inputs: images,
	};
}

function checkTemplateImages(effect: EffectTemplate, count: number): void {
	const wanted = Number(effect.effect_type);
	const [min, max] = wanted > 2 ? [2, wanted] : [wanted, wanted];
	if (count < min || count > max) {
		const expected = min === max ? `${min}` : `${min} to ${max}`;
		throw invalid(`template ${effect.template_id} (${effect.display_name}) takes ${expected} input image(s), got ${count}`);
	}
}
