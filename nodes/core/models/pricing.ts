/**
 * Credit prices useapi.net quotes for PixVerse generations: only documented figures. A model,
 * quality or duration not listed here has no published price, and estimates say so.
 */

export const PRICING_SOURCES = {
	useapi2026: 'useapi.net "PixVerse API v2" overview, credit tables (March and April 2026 versions)',
	useapi2025: 'useapi.net "PixVerse API v2" overview (August 2025 version, v4/v4.5/v5 era)',
	seedance2026: 'useapi.net seedance-2-api pricing table (2026), Seedance 2.0 on PixVerse',
	pixverseDemo2026: 'useapi.net "How to Generate AI Video with PixVerse V6" article (June 2026)',
	useapiImages2026: 'useapi.net "POST images/create" (March 2026; mirror of May 2026)',
	useapiSpeech2026: 'useapi.net "POST speech/create" and "GET speech/models" (June 2026)',
	useapiMusic2026: 'useapi.net "POST music/create" and its Postman collection (June 2026)',
} as const;

export type PricingSource = keyof typeof PRICING_SOURCES;

/** Credits per second of video, by quality. */
export interface PerSecondPrice {
	kind: 'perSecond';
	rates: Record<string, number>;
	/** How the source treats audio: included in the rate, or not mentioned. */
	audio: 'included' | 'not stated';
	source: PricingSource;
}

/** Credits for a clip of a given length, by quality (with and without audio where quoted). */
export interface PerClipPrice {
	kind: 'perClip';
	clips: Array<{ seconds: number; rates: Record<string, number>; withAudio?: Record<string, number> }>;
	source: PricingSource;
}

export type ModelPrice = PerSecondPrice | PerClipPrice;

export const MODEL_PRICES: Record<string, ModelPrice> = {
	v6: { kind: 'perSecond', rates: { '360p': 4, '540p': 6, '720p': 7, '1080p': 14 }, audio: 'included', source: 'useapi2026' },
	'v5.5': {
		kind: 'perClip',
		clips: [{ seconds: 5, rates: { '360p': 20, '540p': 30 }, withAudio: { '360p': 25, '540p': 40 } }],
		source: 'useapi2026',
	},
	// 8-second clips cost twice the 5-second price; 1080p was limited to 5 s then.
	v5: {
		kind: 'perClip',
		clips: [
			{ seconds: 5, rates: { '360p': 20, '540p': 30, '720p': 40, '1080p': 80 } },
			{ seconds: 8, rates: { '360p': 40, '540p': 60, '720p': 80 } },
		],
		source: 'useapi2025',
	},
	'seedance-2.0': { kind: 'perSecond', rates: { '480p': 20, '720p': 45, '1080p': 90, '2160p': 200 }, audio: 'not stated', source: 'seedance2026' },
};

/** Preview mode renders at 20% off. */
export const PREVIEW_MODE_FACTOR = { factor: 0.8, source: 'pixverseDemo2026' as PricingSource };

/** Upscaling a video to 4K, by the source video's length in seconds. */
export const UPSCALE_PRICES = { bySeconds: { 5: 30, 8: 60 } as Record<number, number>, source: 'useapi2025' as PricingSource };

/**
 * Credits per image, by model and quality. Not published: nano-banana-2-lite, seedream-5.0-pro,
 * kling-3.0, kling-o3, and gpt-image-2.0's base price (its detail level then halves or doubles it).
 */
export const IMAGE_PRICES = {
	perImage: {
		'qwen-image': { '720p': 5, '1080p': 10 },
		'nano-banana': { '1080p': 15 },
		'nano-banana-2': { '512p': 16, '1080p': 25, '1440p': 40, '2160p': 60 },
		'nano-banana-pro': { '1080p': 50, '1440p': 50, '2160p': 90 },
		'seedream-4.0': { '1080p': 10, '1440p': 10, '2160p': 10 },
		'seedream-4.5': { '1440p': 10, '2160p': 10 },
		'seedream-5.0-lite': { '1440p': 15, '1800p': 15, '2160p': 15 },
	} as Record<string, Record<string, number>>,
	source: 'useapiImages2026' as PricingSource,
};

/**
 * Speech: one credit per this many characters of text, rounded up. Published as a formula for
 * speech-2.8-hd and eleven-v3 (50); for the others as 10 or 20 credits per 1 000 characters.
 */
export const SPEECH_PRICES = {
	charactersPerCredit: { 'speech-2.8-hd': 50, 'eleven-v3': 50, 'eleven-multilingual-v2': 50, 'speech-2.8-turbo': 100, 'eleven-turbo-v2.5': 100 } as Record<string, number>,
	source: 'useapiSpeech2026' as PricingSource,
};

/** Credits per music track, whatever its length. */
export const MUSIC_PRICES = { perTrack: { 'music-2.6': 40, 'music-v1': 150, 'lyria-3-pro-preview': 20 } as Record<string, number>, source: 'useapiMusic2026' as PricingSource };
