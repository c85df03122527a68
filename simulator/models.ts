/**
 * The simulator's model rules, one row per model (pixverse-api.md sections 5 and 8).
 * This table is deliberately independent of the node's own capability table: it is the oracle the
 * node is tested against, so nothing here may be imported from nodes/.
 * Rows marked INFERRED in the fact sheet are encoded as the stricter reading.
 */

export type Endpoint =
	| 'create'
	| 'create-frames'
	| 'create-transition'
	| 'create-fusion'
	| 'motion-control'
	| 'extend'
	| 'upscale'
	| 'modify'
	| 'restyle'
	| 'lipsync';

/** Flags only PixVerse's own models understand; multi_shot is further limited to v6. */
export type NativeFlag = 'preview_mode' | 'off_peak_mode' | 'seed' | 'multi_shot';

/** toggle: `audio` true/false accepted; always-on: the field is rejected; none: no audio at all. */
export type AudioSupport = 'toggle' | 'always-on' | 'none';

export type Price =
	| { perSecond: Record<string, number> }
	| { perFiveSeconds: Record<string, number> }
	| { flat: number };

export interface ModelRule {
	family: 'native' | 'third-party';
	qualities: string[];
	defaultQuality: string;
	durations: number[];
	/** Stricter duration lists for some qualities (v5.x 1080p: at most 8 s). */
	durationsByQuality?: Record<string, number[]>;
	defaultDuration: number;
	aspectRatios: string[];
	audio: AudioSupport;
	flags: NativeFlag[];
	endpoints: Endpoint[];
	/** Image-to-video only (no text-only create). */
	requiresImage?: boolean;
	/** create-fusion: most reference images. */
	fusionMaxImages?: number;
	/** create-fusion: most reference videos and audios (none when absent). */
	fusionMaxVideos?: number;
	fusionMaxAudios?: number;
	/** create-transition: most key frames. */
	transitionMaxFrames?: number;
	/** extend uses other limits than create on some models. */
	extend?: { qualities: string[]; durations: number[] };
	price: Price;
}

const range = (from: number, to: number): number[] =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

const NATIVE_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'];
const NATIVE_QUALITIES = ['360p', '540p', '720p', '1080p'];
const V6_PRICE: Price = { perSecond: { '360p': 4, '540p': 6, '720p': 7, '1080p': 14 } };
const V5_PRICE: Price = { perFiveSeconds: { '360p': 20, '540p': 30, '720p': 40, '1080p': 80 } };
const THIRD_PARTY_PRICE: Price = { flat: 100 };

const v5Family = (endpoints: Endpoint[], flags: NativeFlag[], audio: AudioSupport, extra: Partial<ModelRule> = {}): ModelRule => ({
	family: 'native',
	qualities: NATIVE_QUALITIES,
	defaultQuality: '540p',
	durations: range(1, 10),
	durationsByQuality: { '1080p': range(1, 8) },
	defaultDuration: 5,
	aspectRatios: NATIVE_RATIOS,
	audio,
	flags,
	endpoints,
	price: V5_PRICE,
	...extra,
});

const seedance = (qualities: string[]): ModelRule => ({
	family: 'third-party',
	qualities,
	defaultQuality: '720p',
	durations: range(4, 15),
	defaultDuration: 5,
	aspectRatios: ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9'],
	audio: 'toggle',
	flags: [],
	endpoints: ['create', 'create-frames', 'create-fusion'],
	fusionMaxImages: 9,
	fusionMaxVideos: 3,
	fusionMaxAudios: 3,
	price: THIRD_PARTY_PRICE,
});

const kling = (endpoints: Endpoint[]): ModelRule => ({
	family: 'third-party',
	qualities: ['720p', '1080p'],
	defaultQuality: '720p',
	durations: range(3, 15),
	defaultDuration: 5,
	aspectRatios: ['16:9', '9:16', '1:1'],
	audio: 'toggle',
	flags: [],
	endpoints,
	fusionMaxImages: 7,
	price: THIRD_PARTY_PRICE,
});

const veo = (): ModelRule => ({
	family: 'third-party',
	qualities: ['720p', '1080p'],
	defaultQuality: '720p',
	durations: [4, 6, 8],
	durationsByQuality: { '1080p': [8] },
	defaultDuration: 8,
	aspectRatios: ['16:9', '9:16'],
	audio: 'always-on',
	flags: [],
	endpoints: ['create', 'create-frames'],
	price: THIRD_PARTY_PRICE,
});

const sora = (qualities: string[]): ModelRule => ({
	family: 'third-party',
	qualities,
	defaultQuality: '720p',
	durations: [4, 8, 12],
	defaultDuration: 4,
	aspectRatios: ['16:9', '9:16'],
	audio: 'always-on',
	flags: [],
	endpoints: ['create'],
	price: THIRD_PARTY_PRICE,
});

const grok = (endpoints: Endpoint[], requiresImage: boolean): ModelRule => ({
	family: 'third-party',
	qualities: ['480p', '720p'],
	defaultQuality: '720p',
	durations: range(1, 15),
	defaultDuration: 5,
	aspectRatios: ['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3'],
	audio: 'always-on',
	flags: [],
	endpoints,
	requiresImage,
	extend: { qualities: ['480p', '720p'], durations: range(2, 10) },
	price: THIRD_PARTY_PRICE,
});

export const MODELS: Record<string, ModelRule> = {
	v6: {
		family: 'native',
		qualities: NATIVE_QUALITIES,
		defaultQuality: '720p',
		durations: range(1, 15),
		defaultDuration: 5,
		aspectRatios: NATIVE_RATIOS,
		audio: 'toggle',
		flags: ['preview_mode', 'off_peak_mode', 'seed', 'multi_shot'],
		endpoints: ['create', 'create-frames', 'extend', 'upscale'],
		price: V6_PRICE,
	},
	'v5.6': v5Family(
		['create', 'create-frames', 'create-fusion', 'motion-control', 'upscale', 'create-transition'],
		['preview_mode', 'off_peak_mode', 'seed'],
		'toggle',
		{ fusionMaxImages: 7, transitionMaxFrames: 2 },
	),
	'v5.5': v5Family(
		['create', 'create-frames', 'extend', 'upscale', 'modify', 'create-transition'],
		['preview_mode', 'off_peak_mode', 'seed'],
		'toggle',
		{ transitionMaxFrames: 2 },
	),
	v5: v5Family(
		['create', 'create-frames', 'create-fusion', 'extend', 'upscale', 'lipsync', 'create-transition'],
		['preview_mode', 'off_peak_mode', 'seed'],
		'none',
		{ fusionMaxImages: 3, transitionMaxFrames: 7 },
	),
	// create-frames on v5-fast: the capability page says no, the Postman list says yes; the stricter reading wins.
	'v5-fast': v5Family(['create', 'upscale'], ['off_peak_mode', 'seed'], 'none'),
	// Restyle is the only 2026 endpoint that still names v4; the create-transition page (2025) names v4 and v4.5.
	v4: v5Family(['restyle', 'create-transition'], ['off_peak_mode', 'seed'], 'none', { transitionMaxFrames: 7 }),
	'v4.5': v5Family(['create-transition'], ['off_peak_mode', 'seed'], 'none', { transitionMaxFrames: 7 }),
	'pixverse-c1': {
		family: 'native',
		qualities: NATIVE_QUALITIES,
		defaultQuality: '720p',
		durations: range(1, 15),
		defaultDuration: 5,
		aspectRatios: ['16:9', '4:3', '1:1', '3:4', '9:16', '3:2', '2:3'],
		audio: 'toggle',
		flags: ['preview_mode', 'off_peak_mode', 'seed'],
		endpoints: ['create', 'create-frames', 'create-fusion'],
		fusionMaxImages: 7,
		price: V6_PRICE,
	},
	'seedance-2.0': seedance(['480p', '720p', '1080p']),
	'seedance-2.0-fast': seedance(['480p', '720p']),
	'seedance-2.0-mini': seedance(['480p', '720p']),
	'kling-o3': kling(['create', 'create-frames', 'create-fusion']),
	'kling-v3': kling(['create', 'create-frames']),
	'veo-3.1-lite': veo(),
	'veo-3.1-standard': veo(),
	'veo-3.1-fast': veo(),
	'sora-2': sora(['720p']),
	'sora-2-pro': sora(['720p', '1080p']),
	'grok-imagine': grok(['create', 'extend'], false),
	'grok-imagine-1.5': grok(['create'], true),
	'happyhorse-1.0': {
		family: 'third-party',
		qualities: ['720p', '1080p'],
		defaultQuality: '720p',
		durations: range(3, 15),
		defaultDuration: 5,
		aspectRatios: NATIVE_RATIOS,
		audio: 'always-on',
		flags: [],
		endpoints: ['create'],
		price: THIRD_PARTY_PRICE,
	},
};

/** The model each endpoint uses when the request names none. */
export const DEFAULT_MODEL: Record<Endpoint, string> = {
	create: 'v6',
	'create-frames': 'v5.6',
	'create-transition': 'v5',
	'create-fusion': 'pixverse-c1',
	'motion-control': 'v5.6',
	extend: 'v6',
	upscale: 'v6',
	modify: 'v5.5',
	restyle: 'v4',
	lipsync: 'v5',
};

export function modelsFor(endpoint: Endpoint): string[] {
	return Object.keys(MODELS).filter((name) => MODELS[name].endpoints.includes(endpoint));
}

/** Allowed durations for a model at a quality, honouring the per-quality caps. */
export function durationsFor(rule: ModelRule, quality: string, endpoint: Endpoint = 'create'): number[] {
	if (endpoint === 'extend' && rule.extend) return rule.extend.durations;
	return rule.durationsByQuality?.[quality] ?? rule.durations;
}

export function qualitiesFor(rule: ModelRule, endpoint: Endpoint = 'create'): string[] {
	if (endpoint === 'extend' && rule.extend) return rule.extend.qualities;
	return rule.qualities;
}
