import { DEFAULT_SPEECH_MODEL, EMOTIONS, PITCH_RANGE, SPEECH_MODELS, SPEECH_RANGES, speechSeconds, type SpeechModelRule, type SpeechSetting } from '../mediaModels';
import { readEnvelope, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';

const SETTINGS: SpeechSetting[] = ['speed', 'volume', 'pitch', 'emotion', 'stability', 'similarity_boost', 'style', 'use_speaker_boost'];
const MAX_VOICE_ID = 200;

/** POST /speech/create: text to speech with a voice of the model's provider. */
export function validateSpeechCreate(body: Record<string, unknown>): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const model = fields.oneOf('model', Object.keys(SPEECH_MODELS), 'model for /speech/create') ?? DEFAULT_SPEECH_MODEL;
	const rule = SPEECH_MODELS[model];
	const text = fields.string('text', rule.maxChars);
	if (text === undefined) throw invalid(`text is required for /speech/create (at most ${rule.maxChars} characters on model ${model})`);
	const voiceId = fields.string('voice_id', MAX_VOICE_ID);
	if (voiceId === undefined) throw invalid('voice_id is required: pick one from GET /speech/voices for the model and language');
	if (rule.noLanguageCode && fields.has('language_code')) throw invalid(`language_code is not accepted by model ${model}: it detects the language`);
	const languageCode = fields.string('language_code');
	const settings = readSettings(fields, model, rule);
	const seconds = speechSeconds(text);

	return {
		...envelope,
		texts: [text],
		draft: {
			endpoint: 'speech/create',
			kind: 'speech',
			model,
			prompt: text,
			quality: '',
			duration: seconds,
			videoDuration: seconds,
			aspectRatio: '',
			seed: 0,
			offPeak: false,
			preview: false,
			cost: Math.max(1, Math.ceil(text.length / rule.charactersPerCredit)),
			inputs: {},
			details: {
				create_mode: 'voice',
				provider: rule.provider,
				voice_id: voiceId,
				voice_name: voiceId,
				language_code: languageCode ?? 'en',
				...settings,
			},
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}

/** A setting the model does not take is refused; values within their ranges. */
function readSettings(fields: Fields, model: string, rule: SpeechModelRule): Record<string, unknown> {
	const settings: Record<string, unknown> = {};
	for (const name of fields.present(SETTINGS) as SpeechSetting[]) {
		if (!rule.settings.includes(name)) throw invalid(`${name} is not a voice setting of model ${model}; its settings: ${rule.settings.join(', ')}`);
		const range = SPEECH_RANGES[name]?.[rule.provider];
		if (range) settings[name] = fields.number(name, range[0], range[1]);
		else if (name === 'pitch') settings[name] = fields.integer(name, PITCH_RANGE[0], PITCH_RANGE[1]);
		else if (name === 'emotion') settings[name] = fields.oneOf(name, EMOTIONS);
		else settings[name] = fields.boolean(name);
	}
	return settings;
}
