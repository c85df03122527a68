import { generationCost } from '../credits';
import { DEFAULT_MODEL } from '../models';
import { readAudio, readEnvelope, readModel, readNativeFlags, readPrompt, readQualityAndDuration, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { readSourceVideo, refuseFields, type DerivedSources } from './sourceVideo';

/** Of the extend models only v6 takes the audio switch (grok-imagine always has sound). */
const EXTEND_AUDIO_MODELS = ['v6'];

/** POST /videos/extend (section 5.6): continues a video by `duration` seconds. */
export function validateExtend(body: Record<string, unknown>, sources: DerivedSources): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const source = readSourceVideo(fields, sources, 'extend');
	const { model, rule } = readModel(fields, 'extend', DEFAULT_MODEL.extend);
	refuseFields(fields, ['multi_shot', 'preview_mode', 'aspect_ratio'], 'extend');
	const { quality, duration } = readQualityAndDuration(fields, model, rule, 'extend');
	if (fields.has('audio') && rule.audio !== 'always-on' && !EXTEND_AUDIO_MODELS.includes(model)) {
		throw invalid(`audio is not supported by model ${model} on /videos/extend; models with an audio toggle here: ${EXTEND_AUDIO_MODELS.join(', ')}`);
	}
	const audio = readAudio(fields, model, rule);
	const flags = readNativeFlags(fields, model, rule);
	const prompt = readPrompt(fields, false);
	return {
		...envelope,
		email: envelope.email ?? source.email,
		texts: [prompt],
		draft: {
			endpoint: 'extend',
			model,
			prompt,
			quality,
			duration,
			videoDuration: source.seconds + duration,
			aspectRatio: source.aspectRatio,
			seed: flags.seed,
			offPeak: flags.offPeak,
			preview: false,
			audio,
			cost: generationCost(rule, quality, duration, flags),
			originalVideoId: source.job?.id,
			extended: true,
			inputs: source.inputs,
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
