import { DEFAULT_MUSIC_MODEL, MUSIC_MODELS, MUSIC_SECONDS } from '../mediaModels';
import type { Uploads } from '../state/uploads';
import { readEnvelope, type GenerationRequest } from './common';
import { Fields, invalid } from './fields';
import { readNumberedUploads } from './numberedInputs';

/** POST /music/create: an instrumental, a song with the model's lyrics, or a song with the sent lyrics. */
export function validateMusicCreate(body: Record<string, unknown>, uploads: Uploads): GenerationRequest {
	const fields = new Fields(body);
	const envelope = readEnvelope(fields);
	const model = fields.oneOf('model', Object.keys(MUSIC_MODELS), 'model for /music/create') ?? DEFAULT_MUSIC_MODEL;
	const rule = MUSIC_MODELS[model];
	const prompt = fields.string('prompt', rule.maxPrompt);
	if (prompt === undefined) throw invalid(`prompt is required for /music/create (at most ${rule.maxPrompt} characters on model ${model})`);
	const instrumental = fields.boolean('instrumental') ?? false;
	if (fields.has('lyrics') && rule.maxLyrics === 0) {
		const owners = Object.keys(MUSIC_MODELS).filter((name) => MUSIC_MODELS[name].maxLyrics > 0);
		throw invalid(`lyrics are not accepted by model ${model}, which writes its own; models that take lyrics: ${owners.join(', ')}`);
	}
	const lyrics = fields.string('lyrics', rule.maxLyrics);
	if (instrumental && lyrics !== undefined) throw invalid('lyrics cannot be sent with instrumental true: an instrumental has no vocals');
	const owners = Object.keys(MUSIC_MODELS).filter((name) => MUSIC_MODELS[name].maxImages > 0);
	const images = readNumberedUploads(fields, uploads, 'image', 'image', rule.maxImages, rule.maxImages ? `model ${model}` : `model ${model} (reference images: ${owners.join(', ')})`);

	return {
		...envelope,
		texts: [prompt, lyrics ?? ''],
		draft: {
			endpoint: 'music/create',
			kind: 'music',
			model,
			prompt,
			quality: '',
			duration: MUSIC_SECONDS,
			videoDuration: MUSIC_SECONDS,
			aspectRatio: '',
			seed: 0,
			offPeak: false,
			preview: false,
			cost: rule.credits,
			inputs: images,
			details: {
				create_mode: 'music',
				provider: rule.provider,
				instrumental,
				lyrics: lyrics ?? '',
				auto_lyrics: !instrumental && lyrics === undefined,
			},
			replyUrl: envelope.replyUrl,
			replyRef: envelope.replyRef,
		},
	};
}
