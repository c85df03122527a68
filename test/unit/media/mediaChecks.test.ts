import type { MediaSettings } from '../../../nodes/core/media/mediaChecks';
import { checkImageSettings, checkMusicSettings, checkSpeechSettings } from '../../../nodes/core/media/mediaChecks';
import { IMAGE_MODELS } from '../../../nodes/core/media/imageModels';
import { MUSIC_MODELS } from '../../../nodes/core/media/musicModels';
import { SPEECH_MODELS } from '../../../nodes/core/media/speechModels';

/** Each documented rule, broken once: the check names the field, shows the value and says what is allowed. */
describe('image rules', () => {
	const image = (extra: MediaSettings): MediaSettings => ({ prompt: 'a lighthouse', model: 'qwen-image', ...extra });

	it.each<[string, MediaSettings, string, unknown, string]>([
		['an empty prompt', image({ prompt: '  ' }), 'prompt', '  ', 'Prompt is empty; give a description of the image'],
		['an unknown model', image({ model: 'dall-e-3' }), 'model', 'dall-e-3', 'Model "dall-e-3" is not an image model; allowed: "qwen-image", "nano-banana",'],
		['a quality the model lacks', image({ model: 'seedream-4.5', quality: '1080p' }), 'quality', '1080p', 'Quality "1080p" is not available on model "seedream-4.5"; allowed: "1440p", "2160p"'],
		['auto on qwen-image', image({ aspect_ratio: 'auto' }), 'aspectRatio', 'auto', 'Aspect Ratio "auto" is not available on model "qwen-image"; allowed: "1:1", "16:9"'],
		['5:4 on kling-3.0', image({ model: 'kling-3.0', aspect_ratio: '5:4' }), 'aspectRatio', '5:4', 'not available on model "kling-3.0"; allowed: "1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "21:9"'],
		['2:1 on nano-banana (gpt-image-2.0 only)', image({ model: 'nano-banana', aspect_ratio: '2:1' }), 'aspectRatio', '2:1', 'Aspect Ratio "2:1" is not available on model "nano-banana"; allowed: "auto", "1:1"'],
		['gpt-image-2.0 without a detail level', image({ model: 'gpt-image-2.0' }), 'detailLevel', '', 'Detail Level is required on model "gpt-image-2.0"; allowed: "low", "medium", "high"'],
		['an unknown detail level', image({ model: 'gpt-image-2.0', detail_level: 'ultra' }), 'detailLevel', 'ultra', 'Detail Level "ultra" is not one of the levels; allowed: "low", "medium", "high"'],
		['a detail level off gpt-image-2.0', image({ model: 'seedream-4.0', detail_level: 'high' }), 'detailLevel', 'high', 'Detail Level is not available on model "seedream-4.0"; it works only with "gpt-image-2.0"'],
		['Image Count 5', image({ create_count: 5 }), 'imageCount', 5, 'Image Count 5 is not allowed; allowed: a whole number from 1 to 4'],
		['Image Count 0', image({ create_count: 0 }), 'imageCount', 0, 'allowed: a whole number from 1 to 4'],
		['Image Count 1.5', image({ create_count: 1.5 }), 'imageCount', 1.5, 'allowed: a whole number from 1 to 4'],
		['4 reference images on qwen-image (3)', image({ referenceImages: 4 }), 'referenceImages', '4 images', 'Reference Images: 4 given, model "qwen-image" takes at most 3'],
		['2 reference images on kling-o3 (1)', image({ model: 'kling-o3', referenceImages: 2 }), 'referenceImages', '2 images', 'Reference Images: 2 given, model "kling-o3" takes at most 1'],
		['15 reference images on nano-banana-2-lite (14)', image({ model: 'nano-banana-2-lite', referenceImages: 15 }), 'referenceImages', '15 images', 'model "nano-banana-2-lite" takes at most 14'],
	])('refuses %s', (_case, settings, field, value, message) => {
		const [problem, ...others] = checkImageSettings(settings);
		expect(others).toEqual([]);
		expect(problem).toMatchObject({ field, value });
		expect(problem.message).toContain(message);
	});

	it('takes every model with its defaults, and the most reference images it allows', () => {
		for (const model of IMAGE_MODELS) {
			const settings = image({ model: model.id, quality: model.qualities[0], aspect_ratio: model.defaultAspectRatio, referenceImages: model.maxReferenceImages, ...(model.detailLevel ? { detail_level: 'low' } : {}) });
			expect([model.id, checkImageSettings(settings)]).toEqual([model.id, []]);
		}
	});
});

describe('speech rules', () => {
	const speech = (extra: MediaSettings): MediaSettings => ({ text: 'Hello there.', voice_id: 'minimax_english_radiant_girl', model: 'speech-2.8-hd', ...extra });

	it.each<[string, MediaSettings, string, unknown, string]>([
		['an empty text', speech({ text: '' }), 'text', '', 'Text is empty; give the words to speak'],
		['no voice', speech({ voice_id: ' ' }), 'voiceId', ' ', 'Voice ID is empty; give the ID of a voice of the model (useapi.net GET /speech/voices)'],
		['an unknown model', speech({ model: 'tts-1' }), 'model', 'tts-1', 'Model "tts-1" is not a speech model; allowed: "speech-2.8-hd", "speech-2.8-turbo", "eleven-multilingual-v2", "eleven-v3", "eleven-turbo-v2.5"'],
		['5 001 characters on eleven-v3', speech({ model: 'eleven-v3', text: 'x'.repeat(5001) }), 'text', '5001 characters', 'Text is 5001 characters long; model "eleven-v3" takes at most 5,000'],
		['10 001 characters on speech-2.8-hd', speech({ text: 'x'.repeat(10_001) }), 'text', '10001 characters', 'model "speech-2.8-hd" takes at most 10,000'],
		['40 001 characters on eleven-turbo-v2.5', speech({ model: 'eleven-turbo-v2.5', text: 'x'.repeat(40_001) }), 'text', '40001 characters', 'model "eleven-turbo-v2.5" takes at most 40,000'],
		['a language on eleven-v3', speech({ model: 'eleven-v3', language_code: 'en' }), 'languageCode', 'en', 'Language Code is not available on model "eleven-v3"; it works only with "speech-2.8-hd", "speech-2.8-turbo", "eleven-multilingual-v2", "eleven-turbo-v2.5"'],
		['volume on an ElevenLabs model', speech({ model: 'eleven-multilingual-v2', volume: 5 }), 'volume', 5, 'Volume is not available on model "eleven-multilingual-v2"; it works only with "speech-2.8-hd", "speech-2.8-turbo"'],
		['pitch on an ElevenLabs model', speech({ model: 'eleven-v3', pitch: 2 }), 'pitch', 2, 'Pitch is not available on model "eleven-v3"'],
		['emotion on an ElevenLabs model', speech({ model: 'eleven-turbo-v2.5', emotion: 'happy' }), 'emotion', 'happy', 'Emotion is not available on model "eleven-turbo-v2.5"'],
		['stability on a MiniMax model', speech({ stability: 0.5 }), 'stability', 0.5, 'Stability is not available on model "speech-2.8-hd"; it works only with "eleven-multilingual-v2", "eleven-v3", "eleven-turbo-v2.5"'],
		['similarity boost on a MiniMax model', speech({ model: 'speech-2.8-turbo', similarity_boost: 0.5 }), 'similarityBoost', 0.5, 'Similarity Boost is not available on model "speech-2.8-turbo"'],
		['style off eleven-multilingual-v2', speech({ model: 'eleven-v3', style: 0.3 }), 'style', 0.3, 'Style is not available on model "eleven-v3"; it works only with "eleven-multilingual-v2"'],
		['speaker boost off eleven-multilingual-v2', speech({ model: 'eleven-turbo-v2.5', use_speaker_boost: true }), 'useSpeakerBoost', true, 'Use Speaker Boost is not available on model "eleven-turbo-v2.5"; it works only with "eleven-multilingual-v2"'],
		['MiniMax speed above 2', speech({ speed: 2.5 }), 'speed', 2.5, 'Speed 2.5 is out of range for model "speech-2.8-hd"; allowed: a number from 0.5 to 2'],
		['ElevenLabs speed below 0.7', speech({ model: 'eleven-v3', speed: 0.5 }), 'speed', 0.5, 'Speed 0.5 is out of range for model "eleven-v3"; allowed: a number from 0.7 to 1.2'],
		['volume above 10', speech({ volume: 11 }), 'volume', 11, 'Volume 11 is out of range for model "speech-2.8-hd"; allowed: a number from 0 to 10'],
		['pitch above 12', speech({ pitch: 13 }), 'pitch', 13, 'allowed: a whole number from -12 to 12'],
		['a fractional pitch', speech({ pitch: 1.5 }), 'pitch', 1.5, 'Pitch 1.5 is out of range for model "speech-2.8-hd"; allowed: a whole number from -12 to 12'],
		['stability above 1', speech({ model: 'eleven-v3', stability: 1.5 }), 'stability', 1.5, 'allowed: a number from 0 to 1'],
		['similarity boost below 0', speech({ model: 'eleven-v3', similarity_boost: -0.1 }), 'similarityBoost', -0.1, 'allowed: a number from 0 to 1'],
		['style above 1', speech({ model: 'eleven-multilingual-v2', style: 2 }), 'style', 2, 'allowed: a number from 0 to 1'],
		['an unknown emotion', speech({ emotion: 'bored' }), 'emotion', 'bored', 'Emotion "bored" is not one of the choices; allowed: "auto", "happy", "sad", "angry", "fearful", "disgusted", "surprised", "neutral", "calm"'],
	])('refuses %s', (_case, settings, field, value, message) => {
		const [problem, ...others] = checkSpeechSettings(settings);
		expect(others).toEqual([]);
		expect(problem).toMatchObject({ field, value });
		expect(problem.message).toContain(message);
	});

	it('takes each model with the settings it lists, at the edges of their ranges, and its longest text', () => {
		const edges: Record<string, Record<string, unknown>> = {
			MiniMax: { language_code: 'en', speed: 2, volume: 0, pitch: -12, emotion: 'calm' },
			ElevenLabs: { language_code: 'de', speed: 0.7, stability: 1, similarity_boost: 0, style: 1, use_speaker_boost: false },
		};
		for (const model of SPEECH_MODELS) {
			const settings = Object.fromEntries(Object.entries(edges[model.provider]).filter(([field]) => model.settings.includes(field)));
			expect([model.id, checkSpeechSettings(speech({ model: model.id, text: 'x'.repeat(model.maxCharacters), ...settings }))]).toEqual([model.id, []]);
		}
	});
});

describe('music rules', () => {
	const music = (extra: MediaSettings): MediaSettings => ({ prompt: 'calm piano', model: 'music-2.6', ...extra });

	it.each<[string, MediaSettings, string, unknown, string]>([
		['an empty prompt', music({ prompt: '' }), 'prompt', '', 'Prompt is empty; give a description of the music'],
		['an unknown model', music({ model: 'suno-v4' }), 'model', 'suno-v4', 'Model "suno-v4" is not a music model; allowed: "music-2.6", "music-v1", "lyria-3-pro-preview"'],
		['2 001 prompt characters on music-2.6', music({ prompt: 'x'.repeat(2001) }), 'prompt', '2001 characters', 'Prompt is 2001 characters long; model "music-2.6" takes at most 2,000'],
		['4 001 prompt characters on music-v1', music({ model: 'music-v1', prompt: 'x'.repeat(4001) }), 'prompt', '4001 characters', 'model "music-v1" takes at most 4,000'],
		['5 001 prompt characters on lyria', music({ model: 'lyria-3-pro-preview', prompt: 'x'.repeat(5001) }), 'prompt', '5001 characters', 'model "lyria-3-pro-preview" takes at most 5,000'],
		['lyrics with instrumental', music({ lyrics: 'la la', instrumental: true }), 'lyrics', '5 characters', 'Lyrics cannot go with Instrumental (an instrumental has no vocals); allowed: Lyrics, or Instrumental, or neither (the model writes the lyrics)'],
		['lyrics on lyria', music({ model: 'lyria-3-pro-preview', lyrics: 'la la' }), 'lyrics', '5 characters', 'Lyrics are not available on model "lyria-3-pro-preview" (it writes its own); they work only with "music-2.6", "music-v1"'],
		['3 501 characters of lyrics', music({ lyrics: 'x'.repeat(3501) }), 'lyrics', '3501 characters', 'Lyrics are 3501 characters long; allowed: at most 3,500'],
		['reference images off lyria', music({ referenceImages: 1 }), 'referenceImages', '1 images', 'Reference Images: 1 given, model "music-2.6" takes none; they work only with "lyria-3-pro-preview"'],
		['11 reference images on lyria', music({ model: 'lyria-3-pro-preview', referenceImages: 11 }), 'referenceImages', '11 images', 'model "lyria-3-pro-preview" takes at most 10'],
	])('refuses %s', (_case, settings, field, value, message) => {
		const [problem, ...others] = checkMusicSettings(settings);
		expect(others).toEqual([]);
		expect(problem).toMatchObject({ field, value });
		expect(problem.message).toContain(message);
	});

	it('takes each model at its limits', () => {
		for (const model of MUSIC_MODELS) {
			const settings = music({ model: model.id, prompt: 'x'.repeat(model.maxPromptCharacters), referenceImages: model.maxReferenceImages, ...(model.lyrics ? { lyrics: 'x'.repeat(3500) } : { instrumental: true }) });
			expect([model.id, checkMusicSettings(settings)]).toEqual([model.id, []]);
		}
	});
});
