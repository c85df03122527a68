import { VOICES } from '../catalogs';
import { LIPSYNC_COST } from '../credits';
import { DEFAULT_MODEL } from '../models';
import { readEnvelope, readModel, readNativeFlags, readUpload, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { readSourceVideo, refuseFields, type DerivedSources } from './sourceVideo';

/** Text-to-speech text for lip sync is short: at most 200 characters. */
export const MAX_TTS_TEXT = 200;

/**
 * POST /videos/lipsync (section 5.10): the video's mouth follows either an uploaded audio track
 * (audio_path) or speech made from `prompt` in the voice `speaker_id` (GET /videos/voices).
 */
export function validateLipsync(body: Record<string, unknown>, sources: DerivedSources): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const source = readSourceVideo(fields, sources, 'lipsync');
	const { model, rule } = readModel(fields, 'lipsync', DEFAULT_MODEL.lipsync);
	refuseFields(fields, ['seed', 'preview_mode', 'multi_shot'], 'lipsync');
	const flags = readNativeFlags(fields, model, rule);

	const audioPath = readUpload(fields, sources.uploads, 'audio_path', 'audio');
	const text = fields.string('prompt', MAX_TTS_TEXT);
	if (audioPath !== undefined && text !== undefined) {
		throw invalid('audio_path and prompt cannot be sent together: lip-sync to an uploaded track or to text-to-speech, not both');
	}
	if (audioPath === undefined && text === undefined) {
		throw invalid('audio_path (an uploaded audio file) or prompt (text-to-speech, with speaker_id) is required');
	}
	const speaker = fields.has('speaker_id') ? String(body.speaker_id) : undefined;
	if (text !== undefined && speaker === undefined) throw invalid('speaker_id is required with prompt: pick a voice from GET /videos/voices');
	if (text === undefined && speaker !== undefined) throw invalid('speaker_id only applies to text-to-speech: send it with prompt, not with audio_path');
	if (speaker !== undefined && !VOICES.some((voice) => voice.speaker_id === speaker)) {
		throw invalid(`speaker_id ${speaker} was not found: pick one from GET /videos/voices (${VOICES.map((voice) => voice.speaker_id).join(', ')})`);
	}
	fields.boolean('original_sound_switch');

	const job = source.job;
	return {
		...envelope,
		email: envelope.email ?? source.email,
		texts: [text ?? ''],
		draft: {
			endpoint: 'lipsync',
			model: job?.model ?? model,
			prompt: text ?? job?.prompt ?? '',
			quality: source.quality ?? rule.defaultQuality,
			duration: job?.duration ?? source.seconds,
			videoDuration: source.seconds,
			aspectRatio: source.aspectRatio,
			seed: job?.seed ?? flags.seed,
			offPeak: flags.offPeak,
			preview: false,
			audio: true,
			cost: LIPSYNC_COST,
			originalVideoId: job?.id,
			lipSync: true,
			inputs: { ...source.inputs, ...(audioPath ? { audio_path: audioPath } : {}) },
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
