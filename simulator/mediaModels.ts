/**
 * The simulator's rules for /images/create, /speech/create and /music/create, one row per model
 * (pixverse-api.md section 9, docs/media-api.md). Like models.ts, independent of the node's own
 * tables. Values marked INFERRED are not from useapi (see README "Images, speech and music").
 */

export interface ImageModelRule {
	qualities: string[];
	defaultQuality: string;
	aspectRatios: string[];
	defaultAspectRatio: string;
	/** Most reference images (image_path_1 … image_path_N). */
	maxImages: number;
	/** Credits per image, by quality (before the detail_level factor). */
	credits: Record<string, number>;
	/** detail_level low/medium/high: required on gpt-image-2.0, refused elsewhere. */
	detailLevel?: boolean;
}

const ALL_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '5:4', '4:5', '3:2', '2:3', '21:9'];
const AUTO_RATIOS = ['auto', ...ALL_RATIOS];
const KLING_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3', '21:9'];
const GPT_RATIOS = ['1:1', '1:2', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '2:1', '21:9'];

const flat = (qualities: string[], credits: number): Record<string, number> =>
	Object.fromEntries(qualities.map((quality) => [quality, credits]));

/** The default quality is the model's first (useapi's MCP tool says so; the page does not). */
function autoModel(qualities: string[], maxImages: number, credits: Record<string, number>): ImageModelRule {
	return { qualities, defaultQuality: qualities[0], aspectRatios: AUTO_RATIOS, defaultAspectRatio: 'auto', maxImages, credits };
}

export const DEFAULT_IMAGE_MODEL = 'qwen-image';

export const IMAGE_MODELS: Record<string, ImageModelRule> = {
	'qwen-image': { qualities: ['720p', '1080p'], defaultQuality: '720p', aspectRatios: ALL_RATIOS, defaultAspectRatio: '1:1', maxImages: 3, credits: { '720p': 5, '1080p': 10 } },
	'nano-banana': autoModel(['1080p'], 3, { '1080p': 15 }),
	'nano-banana-2': autoModel(['512p', '1080p', '1440p', '2160p'], 9, { '512p': 16, '1080p': 25, '1440p': 40, '2160p': 60 }),
	// INFERRED: aspect ratios and price of the lite model.
	'nano-banana-2-lite': autoModel(['1080p'], 14, { '1080p': 10 }),
	'nano-banana-pro': autoModel(['1080p', '1440p', '2160p'], 9, { '1080p': 50, '1440p': 50, '2160p': 90 }),
	'seedream-4.0': autoModel(['1080p', '1440p', '2160p'], 6, flat(['1080p', '1440p', '2160p'], 10)),
	'seedream-4.5': autoModel(['1440p', '2160p'], 6, flat(['1440p', '2160p'], 10)),
	// INFERRED: aspect ratios and price of the pro model.
	'seedream-5.0-pro': autoModel(['1080p', '1440p'], 10, flat(['1080p', '1440p'], 25)),
	'seedream-5.0-lite': autoModel(['1440p', '1800p', '2160p'], 6, flat(['1440p', '1800p', '2160p'], 15)),
	// INFERRED: prices of kling and the gpt-image base.
	'kling-3.0': { qualities: ['1080p', '1440p'], defaultQuality: '1080p', aspectRatios: KLING_RATIOS, defaultAspectRatio: '1:1', maxImages: 1, credits: flat(['1080p', '1440p'], 20) },
	'kling-o3': { qualities: ['1080p', '1440p', '2160p'], defaultQuality: '1080p', aspectRatios: KLING_RATIOS, defaultAspectRatio: '1:1', maxImages: 1, credits: { '1080p': 20, '1440p': 20, '2160p': 40 } },
	'gpt-image-2.0': { qualities: ['1080p', '1440p', '2160p'], defaultQuality: '1080p', aspectRatios: GPT_RATIOS, defaultAspectRatio: '1:1', maxImages: 9, credits: { '1080p': 30, '1440p': 40, '2160p': 60 }, detailLevel: true },
};

/** gpt-image-2.0 charges its base price times this factor. */
export const DETAIL_LEVELS: Record<string, number> = { low: 0.5, medium: 1, high: 2 };
export const MAX_CREATE_COUNT = 4;

/** Voice settings: MiniMax voices take speed/volume/pitch/emotion, ElevenLabs ones stability/similarity_boost/speed (+style, use_speaker_boost on multilingual-v2). */
export type SpeechSetting = 'speed' | 'volume' | 'pitch' | 'emotion' | 'stability' | 'similarity_boost' | 'style' | 'use_speaker_boost';

export interface SpeechModelRule {
	provider: 'minimax' | 'elevenlabs';
	maxChars: number;
	/** One credit per this many characters, rounded up. */
	charactersPerCredit: number;
	settings: SpeechSetting[];
	/** eleven-v3 detects the language and refuses language_code. */
	noLanguageCode?: boolean;
}

const MINIMAX_SETTINGS: SpeechSetting[] = ['speed', 'volume', 'pitch', 'emotion'];

export const DEFAULT_SPEECH_MODEL = 'speech-2.8-hd';

export const SPEECH_MODELS: Record<string, SpeechModelRule> = {
	// 50 characters a credit: speech-2.8-hd and eleven-v3 (GET /speech/models); the others INFERRED from their rate per 1000.
	'speech-2.8-hd': { provider: 'minimax', maxChars: 10_000, charactersPerCredit: 50, settings: MINIMAX_SETTINGS },
	'speech-2.8-turbo': { provider: 'minimax', maxChars: 10_000, charactersPerCredit: 100, settings: MINIMAX_SETTINGS },
	'eleven-multilingual-v2': { provider: 'elevenlabs', maxChars: 10_000, charactersPerCredit: 50, settings: ['speed', 'stability', 'similarity_boost', 'style', 'use_speaker_boost'] },
	'eleven-v3': { provider: 'elevenlabs', maxChars: 5_000, charactersPerCredit: 50, settings: ['speed', 'stability', 'similarity_boost'], noLanguageCode: true },
	'eleven-turbo-v2.5': { provider: 'elevenlabs', maxChars: 40_000, charactersPerCredit: 100, settings: ['speed', 'stability', 'similarity_boost'] },
};

/** Ranges of the numeric voice settings; speed differs by provider; pitch is whole semitones. */
export const SPEECH_RANGES: Partial<Record<SpeechSetting, Partial<Record<SpeechModelRule['provider'], [number, number]>>>> = {
	speed: { minimax: [0.5, 2], elevenlabs: [0.7, 1.2] },
	volume: { minimax: [0, 10] },
	stability: { elevenlabs: [0, 1] },
	similarity_boost: { elevenlabs: [0, 1] },
	style: { elevenlabs: [0, 1] },
};
export const PITCH_RANGE: [number, number] = [-12, 12];
export const EMOTIONS = ['auto', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised', 'neutral', 'calm'];

export interface MusicModelRule {
	provider: 'minimax' | 'elevenlabs' | 'google';
	maxPrompt: number;
	/** Longest custom lyrics; 0 = the model writes its own and refuses `lyrics`. */
	maxLyrics: number;
	/** Most reference images (image_path_N), 0 = none accepted. */
	maxImages: number;
	credits: number;
}

export const DEFAULT_MUSIC_MODEL = 'music-2.6';

export const MUSIC_MODELS: Record<string, MusicModelRule> = {
	'music-2.6': { provider: 'minimax', maxPrompt: 2000, maxLyrics: 3500, maxImages: 0, credits: 40 },
	'music-v1': { provider: 'elevenlabs', maxPrompt: 4000, maxLyrics: 3500, maxImages: 0, credits: 150 },
	'lyria-3-pro-preview': { provider: 'google', maxPrompt: 5000, maxLyrics: 0, maxImages: 10, credits: 20 },
};

/** Seconds of the audio the simulator renders: about 15 characters a second of speech, 1-30 s; music 8 s. */
export const speechSeconds = (text: string): number => Math.min(30, Math.max(1, Math.ceil(text.length / 15)));
export const MUSIC_SECONDS = 8;
