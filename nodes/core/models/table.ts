import type { ModelCapabilityInput } from './schema';

// The PixVerse model matrix of useapi's "model capabilities" page (2026) and the create endpoint
// docs. Rows marked `inferred` come from the upstream vendors' own limits, not from useapi.

const range = (from: number, to: number): number[] =>
	Array.from({ length: to - from + 1 }, (_, index) => from + index);

const FIVE_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;
const SEVEN_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3'] as const;
const NATIVE_QUALITIES = ['360p', '540p', '720p', '1080p'] as const;

const nativeFlags = { multiShot: false, previewMode: true, offPeakMode: true, seed: true };
const thirdPartyFlags = { multiShot: false, previewMode: false, offPeakMode: false, seed: false };

const v5Family = {
	vendor: 'native',
	imageToVideo: true,
	qualities: [...NATIVE_QUALITIES],
	defaultQuality: '540p',
	durations: range(1, 10),
	defaultDuration: 5,
	maxDurationAtQuality: { '1080p': 8 },
	aspectRatios: [...FIVE_RATIOS],
} satisfies Partial<ModelCapabilityInput>;

const seedance = {
	vendor: 'third-party',
	operations: ['create', 'createFrames', 'createFusion'],
	defaultQuality: '720p',
	operationOverrides: { createFusion: { maxImages: 9, maxVideos: 3, maxAudios: 3 } },
	imageToVideo: true,
	durations: range(4, 15),
	defaultDuration: 5,
	aspectRatios: ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9'],
	audio: 'toggle',
	...thirdPartyFlags,
} satisfies Partial<ModelCapabilityInput>;

const veo = {
	vendor: 'third-party',
	operations: ['create', 'createFrames'],
	imageToVideo: true,
	qualities: ['720p', '1080p'],
	defaultQuality: '720p',
	durations: [4, 6, 8],
	defaultDuration: 8,
	aspectRatios: ['16:9', '9:16'],
	...thirdPartyFlags,
	inferred: true,
} satisfies Partial<ModelCapabilityInput>;

const kling = {
	vendor: 'third-party',
	imageToVideo: true,
	qualities: ['720p', '1080p'],
	defaultQuality: '720p',
	durations: range(3, 15),
	defaultDuration: 5,
	aspectRatios: ['16:9', '9:16', '1:1'],
	audio: 'toggle',
	...thirdPartyFlags,
	inferred: true,
} satisfies Partial<ModelCapabilityInput>;

const grok = {
	vendor: 'third-party',
	imageToVideo: true,
	qualities: ['480p', '720p'],
	defaultQuality: '720p',
	durations: range(1, 15),
	defaultDuration: 5,
	aspectRatios: [...SEVEN_RATIOS],
	audio: 'none',
	...thirdPartyFlags,
	inferred: true,
} satisfies Partial<ModelCapabilityInput>;

const sora = {
	vendor: 'third-party',
	operations: ['create'],
	imageToVideo: true,
	defaultQuality: '720p',
	durations: [4, 8, 12],
	defaultDuration: 4,
	aspectRatios: ['16:9', '9:16'],
	audio: 'none',
	...thirdPartyFlags,
	inferred: true,
} satisfies Partial<ModelCapabilityInput>;

const legacyV4 = {
	vendor: 'native',
	imageToVideo: true,
	qualities: [...NATIVE_QUALITIES],
	defaultQuality: '540p',
	durations: [5, 8],
	defaultDuration: 5,
	maxDurationAtQuality: { '1080p': 5 },
	aspectRatios: [...FIVE_RATIOS],
	audio: 'none',
	...nativeFlags,
	previewMode: false,
	operationOverrides: { createTransition: { maxFrames: 7 } },
} satisfies Partial<ModelCapabilityInput>;

export const MODEL_TABLE: ModelCapabilityInput[] = [
	{
		id: 'v6',
		label: 'PixVerse V6',
		vendor: 'native',
		operations: ['create', 'createFrames', 'extend', 'upscale'],
		imageToVideo: true,
		qualities: [...NATIVE_QUALITIES],
		defaultQuality: '720p',
		durations: range(1, 15),
		defaultDuration: 5,
		aspectRatios: [...FIVE_RATIOS],
		audio: 'toggle',
		...nativeFlags,
		multiShot: true,
		operationOverrides: { extend: { multiShot: false } },
	},
	{
		id: 'v5.6',
		label: 'PixVerse V5.6',
		...v5Family,
		operations: ['create', 'createFrames', 'createFusion', 'motionControl', 'upscale', 'createTransition'],
		audio: 'toggle',
		...nativeFlags,
		operationOverrides: {
			createFusion: { maxImages: 7 },
			createTransition: { maxFrames: 2 },
			motionControl: { qualities: ['360p', '540p', '720p'], defaultQuality: '720p' },
		},
	},
	{
		id: 'v5.5',
		label: 'PixVerse V5.5',
		...v5Family,
		operations: ['create', 'createFrames', 'extend', 'upscale', 'modify', 'createTransition'],
		audio: 'toggle',
		...nativeFlags,
		operationOverrides: {
			createTransition: { maxFrames: 2 },
			extend: { audio: 'none' },
			modify: { qualities: ['360p', '540p', '720p'], defaultQuality: '540p' },
		},
	},
	{
		id: 'v5',
		label: 'PixVerse V5',
		...v5Family,
		operations: ['create', 'createFrames', 'createFusion', 'extend', 'upscale', 'lipsync', 'createTransition'],
		audio: 'none',
		...nativeFlags,
		operationOverrides: { createFusion: { maxImages: 3 }, createTransition: { maxFrames: 7 } },
	},
	{
		id: 'v5-fast',
		label: 'PixVerse V5 Fast',
		...v5Family,
		// create-frames: listed by useapi's Postman collection, not by the capability page.
		operations: ['create', 'createFrames', 'upscale'],
		audio: 'none',
		...nativeFlags,
		previewMode: false,
	},
	{
		id: 'pixverse-c1',
		label: 'PixVerse C1',
		vendor: 'native',
		operations: ['create', 'createFrames', 'createFusion'],
		imageToVideo: true,
		qualities: [...NATIVE_QUALITIES],
		defaultQuality: '720p',
		durations: range(1, 15),
		defaultDuration: 5,
		aspectRatios: ['16:9', '4:3', '1:1', '3:4', '9:16', '3:2', '2:3'],
		audio: 'toggle',
		...nativeFlags,
		operationOverrides: { createFusion: { maxImages: 7 } },
	},
	{
		id: 'seedance-2.0',
		label: 'Seedance 2.0',
		...seedance,
		qualities: ['480p', '720p', '1080p'],
	},
	{
		id: 'seedance-2.0-fast',
		label: 'Seedance 2.0 Fast',
		...seedance,
		qualities: ['480p', '720p'],
		inferred: true,
	},
	{
		id: 'seedance-2.0-mini',
		label: 'Seedance 2.0 Mini',
		...seedance,
		qualities: ['480p', '720p'],
		inferred: true,
	},
	{
		id: 'kling-o3',
		label: 'Kling O3',
		...kling,
		operations: ['create', 'createFrames', 'createFusion'],
		operationOverrides: { createFusion: { maxImages: 7 } },
	},
	{ id: 'kling-v3', label: 'Kling V3', ...kling, operations: ['create', 'createFrames'] },
	{
		id: 'grok-imagine',
		label: 'Grok Imagine',
		...grok,
		operations: ['create', 'extend'],
		operationOverrides: { extend: { durations: range(2, 10), defaultDuration: 5 } },
	},
	{ id: 'grok-imagine-1.5', label: 'Grok Imagine 1.5 (image to video only)', ...grok, operations: ['create'], requiresImage: true },
	{ id: 'veo-3.1-lite', label: 'Veo 3.1 Lite', ...veo, audio: 'none' },
	{ id: 'veo-3.1-standard', label: 'Veo 3.1 Standard', ...veo, audio: 'always' },
	{ id: 'veo-3.1-fast', label: 'Veo 3.1 Fast', ...veo, audio: 'always' },
	{ id: 'sora-2', label: 'Sora 2', ...sora, qualities: ['720p'] },
	{ id: 'sora-2-pro', label: 'Sora 2 Pro', ...sora, qualities: ['720p', '1080p'] },
	{
		id: 'happyhorse-1.0',
		label: 'HappyHorse 1.0',
		vendor: 'third-party',
		operations: ['create'],
		imageToVideo: true,
		qualities: ['720p', '1080p'],
		defaultQuality: '720p',
		durations: range(3, 15),
		defaultDuration: 5,
		aspectRatios: [...FIVE_RATIOS],
		audio: 'always',
		...thirdPartyFlags,
		inferred: true,
	},
	// Legacy models, kept only for the endpoints that still name them.
	{ id: 'v4.5', label: 'PixVerse V4.5 (legacy)', ...legacyV4, operations: ['createTransition'] },
	{ id: 'v4', label: 'PixVerse V4 (legacy)', ...legacyV4, operations: ['createTransition', 'restyle'] },
];
